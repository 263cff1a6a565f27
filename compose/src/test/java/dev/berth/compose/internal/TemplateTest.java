package dev.berth.compose.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Interpolation vectors ported from compose-go {@code template/template_test.go} (v2.4.8). */
class TemplateTest {
    private static final Map<String, String> ENV = Map.of("FOO", "first", "BAR", "", "JSON", "{\"json\":2}");

    private static String sub(String t, List<String> warnings) {
        return new Template(ENV::get, warnings::add).substitute(t);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "$FOO|first",
            "${FOO}|first",
            "$$FOO|$FOO",
            "$$$FOO|$first",
            "${BAR:-def}|def",
            "${BAR-def}|''",
            "${UNSET-def}|def",
            "${FOO:+alt}|alt",
            "${BAR:+alt}|''",
            "${BAR+alt}|alt",
            "${UNSET+alt}|''",
            "${UNSET:-${FOO}}|first",
            "${UNSET:-${UNSET2:-deep}}|deep",
            "ok ${UNSET:-${FOO}} ${UNSET:-${BAR:-x}}|ok first x",
            "${JSON}|{\"json\":2}",
            "${UNSET:-{\"a\":1}}|{\"a\":1}",
            "a $} b|a $} b",
            "$1|$1",
            "${FOO}-${FOO}|first-first",
    })
    void substitute_followsComposeGoTable(String template, String expected) {
        assertThat(sub(template, new ArrayList<>())).isEqualTo(expected);
    }

    @Test
    void substitute_warnsAndBlanksUnsetVariable() {
        List<String> warnings = new ArrayList<>();
        assertThat(sub("x${MISSING}y", warnings)).isEqualTo("xy");
        assertThat(warnings).containsExactly("The \"MISSING\" variable is not set. Defaulting to a blank string.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"${", "${}", "${ foo}", "${foo!}", "${FOO", "$ {FOO}x${"})
    void substitute_rejectsInvalidTemplate(String template) {
        assertThatThrownBy(() -> sub(template, new ArrayList<>()))
                .isInstanceOf(Template.TemplateException.class)
                .hasMessageStartingWith("Invalid template");
    }

    @Test
    void substitute_reportsRequiredVariableWithReason() {
        assertThatThrownBy(() -> sub("${UNSET:?must be set}", new ArrayList<>()))
                .hasMessage("required variable UNSET is missing a value: must be set");
        assertThatThrownBy(() -> sub("${BAR:?}", new ArrayList<>()))
                .hasMessage("required variable BAR is missing a value");
        assertThat(sub("${BAR?}", new ArrayList<>())).isEmpty();
    }
}
