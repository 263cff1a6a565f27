package dev.berth.compose.internal;

import dev.berth.compose.Compose;
import dev.berth.compose.LoadOptions;
import dev.berth.compose.model.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Service → container-create body, as Docker Compose's {@code getCreateConfigs} maps it. */
class CreateBodyTest {

    private static Project load(Path dir, String yaml) throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), yaml);
        Files.writeString(dir.resolve("pw.txt"), "x");
        return Compose.load(LoadOptions.builder().file(dir.resolve("compose.yaml")).projectName("demo")
                .environment(Map.of()).build());
    }

    @Test
    @SuppressWarnings("unchecked")
    void body_mapsPortsEnvHealthRestartAndStopTimeout(@TempDir Path dir) throws Exception {
        Project p = load(dir, """
                services:
                  web:
                    image: nginx
                    command: ["nginx", "-g", "daemon off;"]
                    environment: {A: "1"}
                    ports: ["127.0.0.1:8080:80", "443"]
                    expose: ["9000"]
                    healthcheck:
                      test: ["CMD", "true"]
                      interval: 2s
                      retries: 3
                    restart: on-failure:4
                    stop_grace_period: 7s
                """);
        Map<String, Object> body = CreateBody.of(p, p.services().get("web"), "demo-web-1", Map.of("l", "v"), Map.of(),
                false, true).body();
        assertThat(body).containsEntry("Image", "nginx").containsEntry("Cmd", List.of("nginx", "-g", "daemon off;"))
                .containsEntry("Env", List.of("A=1")).containsEntry("StopTimeout", 7L).containsEntry("Labels", Map.of("l", "v"));
        assertThat((Map<String, Object>) body.get("ExposedPorts")).containsOnlyKeys("80/tcp", "443/tcp", "9000");
        assertThat((Map<String, Object>) body.get("Healthcheck")).containsEntry("Interval", 2_000_000_000L)
                .containsEntry("Retries", 3);
        Map<String, Object> host = (Map<String, Object>) body.get("HostConfig");
        assertThat(host.get("RestartPolicy")).isEqualTo(Map.of("Name", "on-failure", "MaximumRetryCount", 4L));
        assertThat((Map<String, Object>) host.get("PortBindings")).containsEntry("80/tcp",
                List.of(Map.of("HostIp", "127.0.0.1", "HostPort", "8080")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void volumesFromAndNetworkMode_resolveServicesToContainerIds(@TempDir Path dir) throws Exception {
        Project p = load(dir, """
                services:
                  data:
                    image: x
                  app:
                    image: x
                    volumes_from: ["data:ro", "container:other"]
                    network_mode: "service:data"
                """);
        Map<String, Object> host = (Map<String, Object>) CreateBody.of(p, p.services().get("app"), "demo-app-1",
                Map.of(), Map.of("data", "c0ffee"), false, true).body().get("HostConfig");
        assertThat(host.get("VolumesFrom")).isEqualTo(List.of("c0ffee:ro", "other"));
        assertThat(host.get("NetworkMode")).isEqualTo("container:c0ffee");
    }

    @Test
    void restartPolicy_deployWinsAndMapsConditions(@TempDir Path dir) throws Exception {
        Project p = load(dir, """
                services:
                  a:
                    image: x
                    restart: always
                    deploy:
                      restart_policy:
                        condition: any
                  b:
                    image: x
                    restart: "no"
                """);
        assertThat(CreateBody.restartPolicy(p.services().get("a"))).containsEntry("Name", "always");
        assertThat(CreateBody.restartPolicy(p.services().get("b"))).containsEntry("Name", "no");
    }

    @Test
    @SuppressWarnings("unchecked")
    void networks_primaryInBodyOthersConnectedAfterwardsOnOldEngines(@TempDir Path dir) throws Exception {
        Project p = load(dir, """
                services:
                  web:
                    image: x
                    networks:
                      front:
                        aliases: [www]
                      back:
                        priority: 10
                networks:
                  front: {}
                  back: {}
                """);
        CreateBody.Plan plan = CreateBody.of(p, p.services().get("web"), "demo-web-1", Map.of(), Map.of(), false, true);
        Map<String, Object> host = (Map<String, Object>) plan.body().get("HostConfig");
        assertThat(host).containsEntry("NetworkMode", "demo_back");
        assertThat(plan.connects()).singleElement().satisfies(c -> {
            assertThat(c.network()).isEqualTo("demo_front");
            assertThat(c.endpoint().get("Aliases")).isEqualTo(List.of("demo-web-1", "web", "www"));
        });
        CreateBody.Plan all = CreateBody.of(p, p.services().get("web"), "demo-web-1", Map.of(), Map.of(), true, true);
        assertThat(all.connects()).isEmpty();
        assertThat((Map<String, Object>) ((Map<String, Object>) all.body().get("NetworkingConfig")).get("EndpointsConfig"))
                .containsOnlyKeys("demo_back", "demo_front");
    }

    @Test
    @SuppressWarnings("unchecked")
    void mounts_bindsVolumesAndFileSecrets(@TempDir Path dir) throws Exception {
        Project p = load(dir, """
                services:
                  db:
                    image: x
                    volumes:
                      - ./data:/var/lib/data:ro
                      - cache:/cache
                    secrets: [pw]
                volumes:
                  cache: {}
                secrets:
                  pw:
                    file: ./pw.txt
                """);
        Map<String, Object> host = (Map<String, Object>) CreateBody.of(p, p.services().get("db"), "demo-db-1", Map.of(),
                Map.of(), false, true).body().get("HostConfig");
        assertThat(host.get("Binds")).isEqualTo(List.of(dir.resolve("data") + ":/var/lib/data:ro"));
        assertThat((List<Map<String, Object>>) host.get("Mounts")).extracting(m -> m.get("Target") + "=" + m.get("Source"))
                .containsExactly("/cache=demo_cache", "/run/secrets/pw=" + dir.resolve("pw.txt"));
    }
}
