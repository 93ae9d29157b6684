package io.multistep.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input that is not UTF-8 text, from a file or base64, is a located usage error (exit 2). */
class BadTextInputTest {

    @TempDir
    Path dir;

    static final byte[] BAD = {'s', 't', 'e', 'p', 's', ':', '\n', ' ', ' ', '-', ' ', 'c', 'm', 'd', ':', ' ', (byte) 0xFF, '\n'};

    @Test
    void aTaskFileNamesTheLineAndColumnOfTheBadByte() throws IOException {
        Path file = Files.write(dir.resolve("acb.yaml"), BAD);
        Cli.Result r = Cli.run("validate", "-f", file.toString());
        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(file + ":2:10: error: yaml: invalid leading UTF-8 octet "
                + "(expected valid UTF-8 text, found byte 0xFF)\n");
    }

    @Test
    void anEncodedFileIsCheckedLikeAFile() {
        Cli.Result r = Cli.run("validate", "--encoded-file", Base64.getEncoder().encodeToString(BAD));
        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("decoded:2:10: error: yaml: invalid leading UTF-8 octet "
                + "(expected valid UTF-8 text, found byte 0xFF)\n");
    }

    @Test
    void aValuesFileNamesItsOwnLocation() throws IOException {
        Path file = Files.writeString(dir.resolve("acb.yaml"), "version: v1.1.0\nsteps:\n  - cmd: bash echo {{.Values.a}}\n");
        Path values = Files.write(dir.resolve("values.yaml"), new byte[] {'a', ':', ' ', 0});
        Cli.Result r = Cli.run("render", "-f", file.toString(), "--values", values.toString());
        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains(values + ":1:4: yaml: control characters are not allowed "
                + "(expected valid UTF-8 text, found U+0000)");
        Cli.Result encoded = Cli.run("render", "-f", file.toString(), "--encoded-values",
                Base64.getEncoder().encodeToString(new byte[] {'a', ':', ' ', (byte) 0xED, (byte) 0xB0, (byte) 0x80}));
        assertThat(encoded.exit()).as(encoded.toString()).isEqualTo(2);
        assertThat(encoded.err()).contains("decoded values:1:4: error: yaml: invalid Unicode character "
                + "(expected valid UTF-8 text, found bytes 0xED 0xB0 0x80)");
    }
}
