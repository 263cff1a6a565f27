package dev.berth.maven;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class KeyValuesTest {

    @Test
    void parse_splitsAtTheFirstEquals_keepsOrder_laterKeyWins() {
        assertThat(KeyValues.parse(List.of("B=1", "A=x=y", "B=2", "C="), "args"))
                .containsExactly(entry("B", "2"), entry("A", "x=y"), entry("C", ""));
    }

    @Test
    void parse_ofNothing_isEmpty() {
        assertThat(KeyValues.parse(null, "env")).isEmpty();
    }

    @Test
    void parse_refusesAnEntryWithoutKey_namingTheParameter() {
        assertThatThrownBy(() -> KeyValues.parse(List.of("MODE"), "env"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("<env> entry 'MODE' is not KEY=VALUE; write it as NAME=value, e.g. <env>MODE=test</env>");
        assertThatThrownBy(() -> KeyValues.parse(List.of("=x"), "labels")).hasMessageContaining("<labels>");
    }
}
