package dev.berth.maven;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GeneratedDockerfileTest {

    @Test
    void model_rendersTheParametersInTheUsualOrder() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("B", "2");
        env.put("A", "1");
        GeneratedDockerfile g = new GeneratedDockerfile("eclipse-temurin:17-jre", List.of("target/app.jar /app/app.jar",
                "a b /dir/"), List.of("mkdir -p /data"), env, List.of("8080", "53/udp"), "/app", "nobody",
                List.of("java", "-jar", "/app/app.jar"), List.of("--port", "8080"), "wget -q -O - http://127.0.0.1:8080/");

        assertThat(g.model().render()).isEqualTo("""
                FROM eclipse-temurin:17-jre
                ENV B=2
                ENV A=1
                WORKDIR /app
                COPY target/app.jar /app/app.jar
                COPY a b /dir/
                RUN mkdir -p /data
                EXPOSE 8080
                EXPOSE 53/udp
                USER nobody
                HEALTHCHECK CMD wget -q -O - http://127.0.0.1:8080/
                ENTRYPOINT ["java", "-jar", "/app/app.jar"]
                CMD ["--port", "8080"]
                """);
    }

    @Test
    void model_withOnlyFrom_isOneLine() {
        assertThat(new GeneratedDockerfile("scratch", null, null, null, null, null, null, null, null, null)
                .model().render()).isEqualTo("FROM scratch\n");
    }

    @Test
    void copy_needsASourceAndADestination() {
        assertThatThrownBy(() -> new GeneratedDockerfile("scratch", List.of("app.jar"), null, null, null, null, null,
                null, null, null).model()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("<copy> entry 'app.jar' needs a source and a destination");
    }

    @Test
    void expose_refusesAnUnknownProtocol() {
        assertThatThrownBy(() -> new GeneratedDockerfile("scratch", null, null, null, List.of("80/http"), null, null,
                null, null, null).model()).hasMessageContaining("unknown protocol");
    }
}
