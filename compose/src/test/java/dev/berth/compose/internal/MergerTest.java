package dev.berth.compose.internal;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Merge triples (base, override, expected), after compose-go {@code override/merge_*_test.go}. */
class MergerTest {
    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(String s) {
        return (Map<String, Object>) new YamlReader(java.nio.file.Path.of("t.yaml"), null).read(s).get(0).root();
    }

    private static Map<String, Object> merged(String base, String override) {
        Map<String, Object> m = Merger.merge(yaml(base), yaml(override));
        Unicity.enforce(m);
        return m;
    }

    @Test
    void merge_replacesCommandAndEntrypoint() {
        Map<String, Object> m = merged("services: {a: {command: [x, y], entrypoint: sh}}", "services: {a: {command: z}}");
        assertThat(m).isEqualTo(yaml("services: {a: {command: z, entrypoint: sh}}"));
    }

    @Test
    void merge_mergesEnvironmentByKeyLastWins() {
        Map<String, Object> m = merged("services: {a: {environment: {A: '1', B: '2'}}}", "services: {a: {environment: [B=3, C=4]}}");
        assertThat(m).isEqualTo(yaml("services: {a: {environment: [A=1, B=3, C=4]}}"));
    }

    @Test
    void merge_appendsSequencesUniqueByTarget() {
        Map<String, Object> m = merged("services: {a: {volumes: ['./a:/a', './b:/b']}}", "services: {a: {volumes: ['./c:/a']}}");
        assertThat(m).isEqualTo(yaml("services: {a: {volumes: ['./c:/a', './b:/b']}}"));
    }

    @Test
    void merge_keepsPortsUniqueByRawString() {
        Map<String, Object> m = merged("services: {a: {ports: ['80:80']}}", "services: {a: {ports: ['80:80', '443:443']}}");
        assertThat(m).isEqualTo(yaml("services: {a: {ports: ['80:80', '443:443']}}"));
    }

    @Test
    void merge_turnsDependsOnListIntoConditions() {
        Map<String, Object> m = merged("services: {a: {depends_on: [b]}}", "services: {a: {depends_on: {c: {condition: service_healthy}}}}");
        assertThat(m).isEqualTo(yaml("services: {a: {depends_on: {b: {condition: service_started, required: true}, c: {condition: service_healthy}}}}"));
    }

    @Test
    void merge_replacesLoggingWhenDriverChanges() {
        Map<String, Object> m = merged("services: {a: {logging: {driver: json-file, options: {x: '1'}}}}",
                "services: {a: {logging: {driver: syslog}}}");
        assertThat(m).isEqualTo(yaml("services: {a: {logging: {driver: syslog}}}"));
    }

    @Test
    void merge_replacesExtensionsWholesale() {
        Map<String, Object> m = merged("x-a: {k: 1, j: 2}", "x-a: {k: 3}");
        assertThat(m.get("x-a")).isEqualTo(Map.of("k", 3L));
    }

    @Test
    void toSequence_sortsMappingEntries() {
        assertThat(Merger.toSequence(yaml("{b: 2, a: 1, c: null}"))).isEqualTo(List.of("a=1", "b=2", "c"));
    }
}
