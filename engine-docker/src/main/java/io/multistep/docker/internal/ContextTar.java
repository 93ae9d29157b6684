package io.multistep.docker.internal;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apiguardian.api.API;

/**
 * Streams a build context folder as a tar, applying {@code .dockerignore} like the Docker CLI:
 * excluded trees are skipped without being walked unless an exception may re-include something in
 * them, symlinks are stored as symlinks, owners are root, entries come in lexical order.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ContextTar {
    private ContextTar() {}

    /**
     * Reads the context's {@code .dockerignore} (no rules when there is none).
     *
     * @param contextDir the context folder
     * @return the rules
     * @throws IOException when the file exists but cannot be read
     */
    public static DockerIgnore readIgnore(Path contextDir) throws IOException {
        Path f = contextDir.resolve(".dockerignore");
        if (!Files.isRegularFile(f)) {
            return DockerIgnore.of(List.of());
        }
        // The CLI reads the file as bytes: bytes that are not UTF-8 are no error (they become U+FFFD).
        return DockerIgnore.parse(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
    }

    /**
     * Writes the tar of {@code contextDir} to {@code out} (which stays open).
     *
     * @param contextDir the context folder
     * @param ignore the rules (already {@link DockerIgnore#keeping keeping} the Dockerfile and .dockerignore)
     * @param extraFiles files added at the root of the tar (a Dockerfile from outside the context)
     * @param out where the tar goes
     * @return the number of bytes written
     * @throws IOException when a file cannot be read or the stream cannot be written
     */
    public static long write(Path contextDir, DockerIgnore ignore, Map<String, byte[]> extraFiles, OutputStream out)
            throws IOException {
        Counting counting = new Counting(out);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new BufferedOutputStream(counting, 64 * 1024));
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        walk(contextDir, "", ignore, tar);
        for (var e : extraFiles.entrySet()) {
            TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
            entry.setSize(e.getValue().length);
            entry.setMode(0100644);
            tar.putArchiveEntry(entry);
            tar.write(e.getValue());
            tar.closeArchiveEntry();
        }
        // close() (not just finish()) pushes the last block through every buffer; Counting keeps the
        // caller's stream open.
        tar.close();
        return counting.count;
    }

    private static void walk(Path dir, String rel, DockerIgnore ignore, TarArchiveOutputStream tar) throws IOException {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                children.add(p);
            }
        }
        children.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        for (Path child : children) {
            String name = child.getFileName().toString();
            String childRel = rel.isEmpty() ? name : rel + "/" + name;
            BasicFileAttributes attrs = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!ignore.isEmpty() && ignore.excludes(childRel)) {
                if (attrs.isDirectory() && !ignore.canSkipExcludedDir(childRel)) {
                    walk(child, childRel, ignore, tar); // an exception may re-include something inside
                }
                continue;
            }
            int mode = mode(child);
            if (attrs.isSymbolicLink()) {
                TarArchiveEntry e = new TarArchiveEntry(childRel, TarConstants.LF_SYMLINK);
                e.setLinkName(Files.readSymbolicLink(child).toString());
                e.setMode(0120000 | (mode == 0 ? 0777 : mode));
                e.setModTime(attrs.lastModifiedTime().toMillis());
                tar.putArchiveEntry(e);
                tar.closeArchiveEntry();
            } else if (attrs.isDirectory()) {
                TarArchiveEntry e = new TarArchiveEntry(childRel + "/");
                e.setMode(040000 | (mode == 0 ? 0755 : mode));
                e.setModTime(attrs.lastModifiedTime().toMillis());
                tar.putArchiveEntry(e);
                tar.closeArchiveEntry();
                walk(child, childRel, ignore, tar);
            } else if (attrs.isRegularFile()) {
                TarArchiveEntry e = new TarArchiveEntry(childRel);
                e.setMode(0100000 | (mode == 0 ? 0644 : mode));
                e.setSize(attrs.size());
                e.setModTime(attrs.lastModifiedTime().toMillis());
                tar.putArchiveEntry(e);
                Files.copy(child, tar);
                tar.closeArchiveEntry();
            }
            // sockets, fifos and devices are skipped: a build cannot use them
        }
    }

    private static int mode(Path p) {
        try {
            Object m = Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            return ((Integer) m) & 07777;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return 0;
        }
    }

    private static final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void close() throws IOException {
            flush(); // the caller owns the underlying stream
        }
    }
}
