package io.multistep.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.multistep.testsupport.TestSecrets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretMaskerTest {

    @Test
    void masksLongestValuesFirst() {
        SecretMasker m = SecretMasker.of(List.of("abc", "abcdef"));
        assertThat(m.mask("x abcdef y abc")).isEqualTo("x *** y ***");
    }

    @Test
    void masksBase64FormsWithAndWithoutPadding() {
        SecretMasker m = SecretMasker.of(List.of("hello"));
        assertThat(m.mask("aGVsbG8=")).isEqualTo("***");
        assertThat(m.mask("aGVsbG8")).isEqualTo("***");
    }

    @Test
    void skipsShortAndBlankValues() {
        SecretMasker m = SecretMasker.of(List.of("a", "42", "   ", ""));
        assertThat(m.isEmpty()).isTrue();
        assertThat(m.mask("a 42 b")).isEqualTo("a 42 b");
    }

    @Test
    void masksEachLineOfMultiLineValues() {
        SecretMasker m = SecretMasker.of(List.of("-----BEGIN KEY-----\nMIIBOgIBAAJBAK\n-----END KEY-----"));
        assertThat(m.mask("MIIBOgIBAAJBAK")).isEqualTo("***");
        assertThat(m.mask("-----END KEY-----")).isEqualTo("***");
    }

    @Test
    void nullAndEmptyPassThrough() {
        SecretMasker m = SecretMasker.of(List.of("secret"));
        assertThat(m.mask(null)).isNull();
        assertThat(m.mask("")).isEmpty();
        assertThat(m.toString()).doesNotContain("secret");
    }

    @Test
    void withAddsValues() {
        SecretMasker m = SecretMasker.none().with(List.of("one1")).with(List.of("two2"));
        assertThat(m.mask("one1 two2")).isEqualTo("*** ***");
        assertThat(m.maskAll(List.of("one1", "x"))).containsExactly("***", "x");
    }

    @Test
    void masksTheStartOfAValueCutShortBeforeAnEllipsis() {
        SecretMasker m = SecretMasker.of(List.of(TestSecrets.value("Sup3r")));
        assertThat(m.mask("cannot unmarshal !!str `S3cr3t-...` into int")).isEqualTo("cannot unmarshal !!str `***...` into int");
        assertThat(m.mask("value `x-S3cr...`")).isEqualTo("value `x-***...`");
        assertThat(m.mask("near \"S3cr3t-S\"... and S3c...")).isEqualTo("near \"***\"... and ***...");
        // The base64 form's start: base64("S3cr3t-Sup3r") = UzNjcjN0LVN1cDNy
        assertThat(m.mask("UzNjcjN0LV...")).isEqualTo("***...");
    }

    @Test
    void leavesEllipsesAfterOtherTextAlone() {
        SecretMasker m = SecretMasker.of(List.of(TestSecrets.value("Sup3r")));
        assertThat(m.mask("loading... S3... Sup3r...")).isEqualTo("loading... S3... Sup3r...");
    }
}
