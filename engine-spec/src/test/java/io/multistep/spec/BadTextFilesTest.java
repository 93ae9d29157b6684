package io.multistep.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multistep.spec.render.RenderContext;
import io.multistep.gotemplate.TemplateException;
import io.multistep.spec.render.Values;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Task, values and alias files that are not UTF-8 text are reported at the line and column of the
 * first bad byte, in yaml.v2's words, with what was expected and found (not "Input length = 1").
 */
class BadTextFilesTest {

    @TempDir
    Path dir;

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (Object p : parts) {
            if (p instanceof String s) {
                b.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            } else {
                b.write((Integer) p);
            }
        }
        return b.toByteArray();
    }

    private String loadError(byte[] content) throws IOException {
        Path file = Files.write(dir.resolve("acb.yaml"), content);
        LoadResult r = TaskFiles.loader().build().load(file);
        assertThat(r.task()).isNull();
        assertThat(r.problems()).hasSize(1);
        return r.problems().get(0).toString().replace(file.toString(), "acb.yaml");
    }

    @Test
    void anInvalidByteIsLocatedByLineAndCharacterColumn() throws IOException {
        assertThat(loadError(bytes("version: v1.1.0\nsteps:\n  - cmd: bash echo \u00e9\u20ac\uD83D\uDE00", 0xFF, "\n")))
                .isEqualTo("acb.yaml:3:23: error: yaml: invalid leading UTF-8 octet "
                        + "(expected valid UTF-8 text, found byte 0xFF)");
    }

    @Test
    void aLoneSurrogateIsAnInvalidUnicodeCharacter() throws IOException {
        assertThat(loadError(bytes("steps:\n  - cmd: x", 0xED, 0xA0, 0x80, "\n")))
                .isEqualTo("acb.yaml:2:11: error: yaml: invalid Unicode character "
                        + "(expected valid UTF-8 text, found bytes 0xED 0xA0 0x80)");
    }

    @Test
    void aBrokenSequenceNamesItsBytes() throws IOException {
        assertThat(loadError(bytes("a: ", 0xC3, "(\n")))
                .isEqualTo("acb.yaml:1:4: error: yaml: invalid trailing UTF-8 octet "
                        + "(expected valid UTF-8 text, found bytes 0xC3 0x28)");
        assertThat(loadError(bytes("a: ", 0xC0, 0xAF)))
                .isEqualTo("acb.yaml:1:4: error: yaml: invalid length of a UTF-8 sequence "
                        + "(expected valid UTF-8 text, found bytes 0xC0 0xAF)");
        assertThat(loadError(bytes("a: ", 0xE2, 0x82)))
                .isEqualTo("acb.yaml:1:4: error: yaml: incomplete UTF-8 octet sequence "
                        + "(expected valid UTF-8 text, found bytes 0xE2 0x82)");
    }

    @Test
    void aBinaryFileIsRefusedAtItsFirstControlCharacter() throws IOException {
        assertThat(loadError(bytes(0x7F, "ELF", 0x02, 0x01, 0x01, 0x00, 0x00, 0xFF)))
                .isEqualTo("acb.yaml:1:1: error: yaml: control characters are not allowed "
                        + "(expected valid UTF-8 text, found U+007F)");
        assertThat(loadError(bytes("steps:\n  - cmd: a", 0x00, "b\n")))
                .isEqualTo("acb.yaml:2:11: error: yaml: control characters are not allowed "
                        + "(expected valid UTF-8 text, found U+0000)");
    }

    @Test
    void tabsCarriageReturnsAndAByteOrderMarkAreText() throws IOException {
        Path file = Files.write(dir.resolve("ok.yaml"), bytes("\uFEFFversion: v1.1.0\r\nsteps:\r\n  - cmd: bash echo\ta\r\n"));
        LoadResult r = TaskFiles.loader().build().load(file);
        assertThat(r.errors()).isEmpty();
        assertThat(r.task().steps()).hasSize(1);
    }

    @Test
    void aValuesFileIsLocatedToo() throws IOException {
        Path values = Files.write(dir.resolve("values.yaml"), bytes("a: 1\nb: x", 0xFE, "\n"));
        assertThatThrownBy(() -> Values.load(values))
                .isInstanceOf(TemplateException.class)
                .hasMessage(values + ":2:5: yaml: invalid leading UTF-8 octet (expected valid UTF-8 text, found byte 0xFE)");
    }

    @Test
    void anAliasSourceFileIsLocatedToo() throws IOException {
        Path src = Files.write(dir.resolve("aliases.yaml"), bytes("x: ", 0x01, "\n"));
        LoadResult r = TaskFiles.loader().renderContext(RenderContext.builder().build()).build().load(
                "version: v1.1.0\nalias:\n  src:\n    - " + src + "\nsteps:\n  - cmd: bash echo\n", "acb.yaml");
        assertThat(r.problems()).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains(src + ":1:4: yaml: control characters are not allowed "
                        + "(expected valid UTF-8 text, found U+0001)"));
    }
}
