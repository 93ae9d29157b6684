package io.multistep.docker.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import io.multistep.engine.spi.RuntimeFailure;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Small pieces shared by the session, the builder and the tests. */
public final class Helpers {
    private Helpers() {}

    /** Writes a stream's content. */
    public interface StreamWriter {
        /** Writes everything to {@code out} (does not close it). */
        void write(OutputStream out) throws IOException;
    }

    /**
     * An input stream fed by a writer thread through a bounded queue of chunks: a tar is streamed
     * to the engine while it is produced, never held in memory whole.
     */
    public static final class Pipe extends InputStream {
        private static final byte[] EOF = new byte[0];
        private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(16);
        private final Thread writer;
        private final AtomicLong written = new AtomicLong();
        private volatile Throwable failure;
        private volatile boolean closed;
        private byte[] current;
        private int pos;

        private Pipe(StreamWriter source) {
            writer = new Thread(() -> {
                OutputStream out = new ChunkOut();
                try {
                    source.write(out);
                    out.flush();
                } catch (Throwable t) {
                    failure = t;
                } finally {
                    try {
                        if (!closed) {
                            chunks.put(EOF);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }, "multistep-tar-writer");
            writer.setDaemon(true);
            writer.start();
        }

        private final class ChunkOut extends OutputStream {
            private final byte[] buf = new byte[64 * 1024];
            private int n;

            @Override
            public void write(int b) throws IOException {
                if (n == buf.length) {
                    flush();
                }
                buf[n++] = (byte) b;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                while (len > 0) {
                    if (n == buf.length) {
                        flush();
                    }
                    int k = Math.min(len, buf.length - n);
                    System.arraycopy(b, off, buf, n, k);
                    n += k;
                    off += k;
                    len -= k;
                }
            }

            @Override
            public void flush() throws IOException {
                if (n == 0) {
                    return;
                }
                byte[] chunk = java.util.Arrays.copyOf(buf, n);
                n = 0;
                try {
                    while (!chunks.offer(chunk, 200, TimeUnit.MILLISECONDS)) {
                        if (closed) {
                            throw new IOException("the reader closed the stream");
                        }
                    }
                } catch (InterruptedException e) {
                    throw new InterruptedIOException("tar writer interrupted");
                }
                written.addAndGet(chunk.length);
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int k = read(one, 0, 1);
            return k < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (current == null || pos == current.length) {
                if (current == EOF) {
                    return -1;
                }
                try {
                    current = chunks.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("reading the tar stream was interrupted");
                }
                pos = 0;
                if (current == EOF) {
                    if (failure != null) {
                        // Make the request fail instead of sending a truncated but valid-looking tar.
                        throw new IOException("producing the tar stream failed: " + failure.getMessage(), failure);
                    }
                    return -1;
                }
            }
            int k = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, k);
            pos += k;
            return k;
        }

        /** Bytes produced so far. */
        public long bytesWritten() {
            return written.get();
        }

        /** Waits for the writer and rethrows its failure. */
        public void rethrow() throws IOException {
            try {
                writer.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (failure instanceof IOException io) {
                throw io;
            }
            if (failure != null) {
                throw new IOException(failure.getMessage(), failure);
            }
        }

        /** The writer's failure, if any. */
        public Throwable failure() {
            return failure;
        }

        @Override
        public void close() {
            closed = true;
            chunks.clear(); // unblocks a writer waiting for space
            writer.interrupt();
        }
    }

    /** Starts a writer thread and returns the stream it feeds. */
    public static Pipe pipe(StreamWriter writer) {
        return new Pipe(writer);
    }

    /**
     * Builds the default helper image when it is missing: {@code FROM scratch} plus a label, so the
     * runtime needs no image from any registry to fill volumes.
     */
    static void ensureHelperImage(DockerClient docker, String image, String host) throws RuntimeFailure {
        try {
            docker.inspectImageCmd(image).exec();
            return;
        } catch (NotFoundException e) {
            if (!image.equals(RuntimeSettings.DEFAULT_HELPER_IMAGE)) {
                throw new RuntimeFailure(RuntimeFailure.Kind.IMAGE_NOT_FOUND,
                        "the volume helper image " + image + " does not exist on the engine");
            }
        } catch (RuntimeException e) {
            throw Failures.map(host, "inspecting the helper image", e);
        }
        try {
            ByteArrayOutputStream tar = new ByteArrayOutputStream();
            try (TarArchiveOutputStream out = new TarArchiveOutputStream(tar)) {
                byte[] df = "FROM scratch\nLABEL io.multistep.helper=volume-filler\n".getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry e = new TarArchiveEntry("Dockerfile");
                e.setSize(df.length);
                out.putArchiveEntry(e);
                out.write(df);
                out.closeArchiveEntry();
            }
            try (var cb = docker.buildImageCmd(new ByteArrayInputStream(tar.toByteArray()))
                    .withTags(Set.of(image)).exec(new BuildImageResultCallback())) {
                cb.awaitImageId(60, TimeUnit.SECONDS);
            }
        } catch (IOException | RuntimeException e) {
            throw new RuntimeFailure(RuntimeFailure.Kind.OTHER, "cannot build the volume helper image " + image + ": "
                    + e.getMessage(), e);
        }
    }
}
