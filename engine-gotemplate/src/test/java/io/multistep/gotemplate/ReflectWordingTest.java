package io.multistep.gotemplate;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sprig's {@code slice} (which replaces Go's builtin in the reference's function map) fails with the
 * words of Go's reflect panics, recovered by text/template. Expected texts measured with Go 1.19 by a
 * function making the same reflect calls ({@code reflect.TypeOf(list).Kind()}, {@code Value.Slice}).
 */
class ReflectWordingTest {

    private static final Map<String, Object> DATA = Map.of("L", List.of(1L, 2L, 3L));

    @Test
    void sliceOutOfBoundsIsReflectsPanic() {
        assertThatThrownBy(() -> GoTemplate.parse("t", "{{slice .L 2 1}}").execute(DATA))
                .isInstanceOf(TemplateException.class).extracting(e -> ((TemplateException) e).goMessage())
                .isEqualTo("template: t:1:2: executing \"t\" at <slice .L 2 1>: error calling slice: "
                        + "reflect.Value.Slice: slice index out of bounds");
        assertThatThrownBy(() -> GoTemplate.parse("t", "{{slice .L 1 5}}").execute(DATA))
                .isInstanceOf(TemplateException.class).extracting(e -> ((TemplateException) e).goMessage())
                .isEqualTo("template: t:1:2: executing \"t\" at <slice .L 1 5>: error calling slice: "
                        + "reflect.Value.Slice: slice index out of bounds");
    }

    @Test
    void sliceOfNilIsANilDereference() {
        assertThatThrownBy(() -> GoTemplate.parse("t", "{{slice nil 0 1}}").execute(DATA))
                .isInstanceOf(TemplateException.class).extracting(e -> ((TemplateException) e).goMessage())
                .isEqualTo("template: t:1:2: executing \"t\" at <slice nil 0 1>: error calling slice: "
                        + "runtime error: invalid memory address or nil pointer dereference");
    }
}
