package dev.berth.compose.internal;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code .env} syntax, after compose-go {@code dotenv/godotenv_test.go} and its fixtures. */
class DotEnvTest {
    private static Map<String, String> parse(String src, Map<String, String> env) {
        List<String> w = new ArrayList<>();
        return DotEnv.parse(src, env::get, w::add);
    }

    @Test
    void parse_handlesQuotesExportCommentsAndYamlStyle() {
        Map<String, String> m = parse("""
                # comment
                export A=1
                B = spaced
                C="double \\n escaped"
                D='single $A'
                E=unquoted # comment
                F: yaml
                G=a#b
                H="multi
                line"
                """, Map.of());
        assertThat(m).containsEntry("A", "1").containsEntry("B", "spaced").containsEntry("C", "double \n escaped")
                .containsEntry("D", "single $A").containsEntry("E", "unquoted").containsEntry("F", "yaml")
                .containsEntry("G", "a#b").containsEntry("H", "multi\nline");
    }

    @Test
    void parse_expandsFromLookupThenEarlierKeys() {
        Map<String, String> m = parse("A=file\nB=${A}\nC=${PROC}\nD=\"\\$A\"\n", Map.of("PROC", "process", "A", "process-a"));
        assertThat(m).containsEntry("B", "process-a").containsEntry("C", "process").containsEntry("D", "$A");
    }

    @Test
    void parse_bareKeyInheritsOnlyWhenSet() {
        Map<String, String> m = parse("SET\nUNSET\n", Map.of("SET", "v"));
        assertThat(m).containsExactlyEntriesOf(Map.of("SET", "v"));
    }

    @Test
    void parse_stripsByteOrderMark() {
        assertThat(parse("\uFEFFA=1\n", Map.of())).containsEntry("A", "1");
    }

    @Test
    void parse_rejectsBadKeyAndUnterminatedQuote() {
        assertThatThrownBy(() -> parse("BAD KEY=1\n", Map.of())).hasMessageContaining("line 1");
        assertThatThrownBy(() -> parse("A=1\nB=\"open\n", Map.of())).hasMessageContaining("unterminated quoted value");
    }
}
