package dev.berth.compose;

import dev.berth.compose.model.Project;
import dev.berth.compose.model.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The public API: typed model, profiles, extends, environment precedence and warnings. */
class ComposeLoadTest {
    @TempDir
    Path dir;

    private Project load(String yaml, LoadOptions.Builder b) throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), yaml);
        return Compose.load(b.file(dir.resolve("compose.yaml")).build());
    }

    private static LoadOptions.Builder hermetic() {
        return LoadOptions.builder().environment(Map.of());
    }

    @Test
    void load_bindsTypedService() throws IOException {
        Project p = load("""
                name: demo
                services:
                  web:
                    image: nginx:1.25
                    ports: ["127.0.0.1:8080:80"]
                    volumes: ["./html:/usr/share/nginx/html:ro", "data:/data"]
                    depends_on:
                      db: {condition: service_healthy}
                    healthcheck: {test: curl -f localhost, interval: 30s, retries: 3}
                    stop_grace_period: 1m
                    deploy: {replicas: 2, resources: {limits: {cpus: '0.5', memory: 64M}}}
                    networks:
                      front: {aliases: [www], ipv4_address: 10.0.0.5}
                  db:
                    image: postgres
                volumes: {data: {}}
                networks: {front: {}}
                """, hermetic());
        Service web = p.services().get("web");
        assertThat(web.image()).isEqualTo("nginx:1.25");
        assertThat(web.ports()).singleElement().satisfies(port -> {
            assertThat(port.hostIp()).isEqualTo("127.0.0.1");
            assertThat(port.target()).isEqualTo(80);
            assertThat(port.published()).isEqualTo("8080");
        });
        assertThat(web.volumes().get(0).source()).isEqualTo(dir.resolve("html").toString());
        assertThat(web.volumes().get(0).readOnly()).isTrue();
        assertThat(web.dependsOn().get("db").condition()).isEqualTo("service_healthy");
        assertThat(web.healthcheck().test()).containsExactly("CMD-SHELL", "curl -f localhost");
        assertThat(web.healthcheck().interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(web.stopGracePeriod()).isEqualTo(Duration.ofMinutes(1));
        assertThat(web.replicas()).isEqualTo(2);
        assertThat(web.deploy().limits().memoryBytes()).isEqualTo(64L << 20);
        assertThat(web.networks().get("front").aliases()).containsExactly("www");
        assertThat(p.volumes().get("data").name()).isEqualTo("demo_data");
        assertThat(p.networks().get("front").name()).isEqualTo("demo_front");
    }

    @Test
    void load_appliesProfilesAndKeepsDisabledServices() throws IOException {
        Project p = load("services: {a: {image: x}, b: {image: y, profiles: [dev]}}", hermetic());
        assertThat(p.services()).containsOnlyKeys("a");
        assertThat(p.disabledServices()).containsOnlyKeys("b");
        Project all = load("services: {a: {image: x}, b: {image: y, profiles: [dev]}}", hermetic().profile("dev"));
        assertThat(all.services()).containsOnlyKeys("a", "b");
    }

    @Test
    void load_overridesWinOverProcessEnvironmentAndDotEnv() throws IOException {
        Files.writeString(dir.resolve(".env"), "TAG=dotenv\nOTHER=dotenv\n");
        Project p = load("services: {a: {image: 'x:${TAG}', environment: {O: '${OTHER}'}}}",
                LoadOptions.builder().environment(Map.of("TAG", "process", "OTHER", "process")).env("TAG", "override"));
        assertThat(p.services().get("a").image()).isEqualTo("x:override");
        assertThat(p.services().get("a").environment()).containsEntry("O", "process");
    }

    @Test
    void load_reportsUnsetVariableWarning() throws IOException {
        Project p = load("services: {a: {image: 'x${NOPE}'}}", hermetic());
        assertThat(p.warnings()).containsExactly("The \"NOPE\" variable is not set. Defaulting to a blank string.");
    }

    @Test
    void load_resolvesExtendsChain() throws IOException {
        Project p = load("""
                services:
                  base: {image: alpine, environment: {A: '1'}}
                  mid: {extends: base, environment: {B: '2'}}
                  leaf: {extends: {service: mid}, command: run}
                """, hermetic());
        assertThat(p.services().get("leaf").environment()).containsEntry("A", "1").containsEntry("B", "2");
        assertThat(p.services().get("leaf").command()).containsExactly("run");
    }

    @Test
    void load_keepsExtensionsAndRawDefinition() throws IOException {
        Project p = load("x-meta: {team: core}\nservices: {a: {image: x, x-note: hi, sysctls: {net.core.somaxconn: 1024}}}", hermetic());
        assertThat(p.extensions()).containsEntry("x-meta", Map.of("team", "core"));
        assertThat(p.services().get("a").extensions()).containsEntry("x-note", "hi");
        assertThat(p.services().get("a").sysctls()).containsEntry("net.core.somaxconn", "1024");
        assertThat(p.services().get("a").raw()).containsKey("image");
    }

    @Test
    void load_rejectsInvalidExplicitProjectName() {
        assertThatThrownBy(() -> load("services: {a: {image: x}}", hermetic().projectName("Bad Name")))
                .isInstanceOf(ComposeFileException.class).hasMessageContaining("invalid project name");
    }

    @Test
    void load_failsOnMissingEnvFileFlag() {
        assertThatThrownBy(() -> load("services: {a: {image: x}}", hermetic().envFile(dir.resolve("nope.env"))))
                .isInstanceOf(ComposeFileException.class).hasMessageContaining("Couldn't find env file");
    }
}
