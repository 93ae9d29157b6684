package io.multistep.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * Reads task, values and alias files as the reference's YAML parser (yaml.v2) reads its input:
 * UTF-8 text without control characters. Unlike Java's decoder, which reports only
 * "Input length = 1", a bad file is reported at the line and column of its first bad byte, with
 * yaml.v2's words for the problem.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class SourceText {

    private SourceText() {}

    /**
     * Reads a file as text.
     *
     * @param path the file
     * @return its text
     * @throws InvalidTextException when the file is not valid UTF-8 text or contains a control character
     * @throws IOException when the file cannot be read (e.g. {@link java.nio.file.NoSuchFileException})
     */
    public static String read(Path path) throws IOException {
        return decode(Files.readAllBytes(path), path.toString());
    }

    /**
     * Decodes bytes as UTF-8 text.
     *
     * @param bytes the bytes
     * @param sourceName the name locations use
     * @return the text
     * @throws InvalidTextException at the first byte that is not valid UTF-8, or the first control character
     */
    public static String decode(byte[] bytes, String sourceName) throws InvalidTextException {
        StringBuilder out = new StringBuilder(bytes.length);
        int line = 1;
        int column = 1;
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            int width = b < 0x80 ? 1 : (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
            if (width == 0) {
                throw bad(sourceName, line, column, "invalid leading UTF-8 octet", bytes, i, 1);
            }
            if (i + width > bytes.length) {
                throw bad(sourceName, line, column, "incomplete UTF-8 octet sequence", bytes, i, bytes.length - i);
            }
            int cp = width == 1 ? b : b & (0x7F >> width);
            for (int k = 1; k < width; k++) {
                int t = bytes[i + k] & 0xFF;
                if ((t & 0xC0) != 0x80) {
                    throw bad(sourceName, line, column, "invalid trailing UTF-8 octet", bytes, i, k + 1);
                }
                cp = (cp << 6) | (t & 0x3F);
            }
            if (width == 2 && cp < 0x80 || width == 3 && cp < 0x800 || width == 4 && cp < 0x10000) {
                throw bad(sourceName, line, column, "invalid length of a UTF-8 sequence", bytes, i, width);
            }
            if (cp >= 0xD800 && cp <= 0xDFFF || cp > 0x10FFFF) {
                throw bad(sourceName, line, column, "invalid Unicode character", bytes, i, width);
            }
            if (!allowed(cp)) {
                throw new InvalidTextException(new SourceLocation(sourceName, line, column),
                        "control characters are not allowed", String.format("U+%04X", cp));
            }
            out.appendCodePoint(cp);
            if (cp == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            i += width;
        }
        return out.toString();
    }

    /** The characters yaml.v2's reader accepts (the YAML 1.1 printable set). */
    private static boolean allowed(int cp) {
        return cp == 0x09 || cp == 0x0A || cp == 0x0D || cp >= 0x20 && cp <= 0x7E || cp == 0x85
                || cp >= 0xA0 && cp <= 0xD7FF || cp >= 0xE000 && cp <= 0xFFFD || cp >= 0x10000 && cp <= 0x10FFFF;
    }

    private static InvalidTextException bad(String source, int line, int column, String problem, byte[] bytes,
            int at, int count) {
        StringBuilder found = new StringBuilder(count == 1 ? "byte" : "bytes");
        for (int k = 0; k < count; k++) {
            found.append(String.format(" 0x%02X", bytes[at + k] & 0xFF));
        }
        return new InvalidTextException(new SourceLocation(source, line, column), problem, found.toString());
    }
}
