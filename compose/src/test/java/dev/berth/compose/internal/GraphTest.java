package dev.berth.compose.internal;

import dev.berth.compose.Compose;
import dev.berth.compose.ComposeException;
import dev.berth.compose.LoadOptions;
import dev.berth.compose.model.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GraphTest {

    @Test
    void orderClosureAndDependents(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  web: {image: x, depends_on: [api]}
                  api: {image: x, depends_on: {db: {condition: service_healthy}}}
                  db: {image: x}
                  side: {image: x, network_mode: "service:api"}
                  lone: {image: x}
                  dbg: {image: x, profiles: [debug]}
                """);
        Project p = Compose.load(LoadOptions.builder().file(dir.resolve("compose.yaml")).environment(Map.of()).build());
        List<String> order = Graph.order(p, p.services());
        assertThat(order.indexOf("db")).isLessThan(order.indexOf("api"));
        assertThat(order.indexOf("api")).isLessThan(order.indexOf("web")).isLessThan(order.size());
        assertThat(order.indexOf("api")).isLessThan(order.indexOf("side"));
        assertThat(Graph.closure(p, List.of("web")).keySet()).containsExactlyInAnyOrder("web", "api", "db");
        assertThat(Graph.dependents(p, p.services(), "api")).containsExactlyInAnyOrder("web", "side");
        assertThatThrownBy(() -> Graph.closure(p, List.of("nope"))).isInstanceOf(ComposeException.class)
                .hasMessageContaining("no such service: nope");
        assertThatThrownBy(() -> Graph.closure(p, List.of("dbg"))).isInstanceOf(ComposeException.class)
                .hasMessageContaining("disabled by its profiles");
    }
}
