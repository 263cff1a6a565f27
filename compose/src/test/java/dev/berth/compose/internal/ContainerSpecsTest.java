package dev.berth.compose.internal;

import dev.berth.compose.Compose;
import dev.berth.compose.LoadOptions;
import dev.berth.compose.model.Project;
import dev.berth.container.ContainerSpec;
import dev.berth.container.RestartPolicy;
import dev.berth.container.internal.CreateMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Service → core's {@link ContainerSpec} → the create body core's {@link CreateMapping} writes, pinned against what
 * Docker Compose's {@code getCreateConfigs} sends for the same service (the one create model of compose and core).
 */
class ContainerSpecsTest {
    private static final Map<String, String> BERTH = Map.of("dev.berth.managed", "true");

    private static Project load(Path dir, String yaml) throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), yaml);
        Files.writeString(dir.resolve("pw.txt"), "x");
        return Compose.load(LoadOptions.builder().file(dir.resolve("compose.yaml")).projectName("demo")
                .environment(Map.of()).build());
    }

    private static ContainerSpec spec(Project p, String service, Map<String, String> refs) {
        return ContainerSpecs.of(p, p.services().get(service), "demo-" + service + "-1", refs, true, true)
                .name("demo-" + service + "-1").build();
    }

    private static Map<String, Object> body(Project p, String service, Map<String, String> refs) {
        return CreateMapping.of(spec(p, service, refs), BERTH, false).body();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> host(Map<String, Object> body) {
        return (Map<String, Object>) body.get("HostConfig");
    }

    @Test
    @SuppressWarnings("unchecked")
    void body_mapsPortsEnvHealthRestartAndStopTimeout(@TempDir Path dir) throws Exception {
        Project p = load(dir, """
                services:
                  web:
                    image: nginx
                    command: ["nginx", "-g", "daemon off;"]
                    environment: {A: "1", UNSET: null}
                    ports: ["127.0.0.1:8080:80", "443", "8500-8510:9090"]
                    expose: ["9000"]
                    healthcheck:
                      test: ["CMD", "true"]
                      interval: 2s
                      retries: 3
                      start_interval: 1s
                    restart: on-failure:4
                    stop_grace_period: 7s
                    labels: {l: v}
                """);
        ContainerSpec spec = spec(p, "web", Map.of());
        assertThat(spec.labels()).as("Compose's labels, the service's among them, come from Containers.labels")
                .isEmpty();
        Map<String, Object> body = CreateMapping.of(spec, BERTH, false).body();
        assertThat(body).containsEntry("Image", "nginx").containsEntry("Cmd", List.of("nginx", "-g", "daemon off;"))
                .containsEntry("Env", List.of("A=1", "UNSET")).containsEntry("StopTimeout", 7L)
                .containsEntry("Labels", BERTH);
        assertThat((Map<String, Object>) body.get("ExposedPorts"))
                .containsOnlyKeys("80/tcp", "443/tcp", "9090/tcp", "9000/tcp");
        assertThat((Map<String, Object>) body.get("Healthcheck")).containsEntry("Interval", 2_000_000_000L)
                .containsEntry("Retries", 3).containsEntry("StartInterval", 1_000_000_000L);
        Map<String, Object> host = host(body);
        assertThat(host.get("RestartPolicy")).isEqualTo(Map.of("Name", "on-failure", "MaximumRetryCount", 4));
        assertThat((Map<String, Object>) host.get("PortBindings"))
                .containsEntry("80/tcp", List.of(Map.of("HostIp", "127.0.0.1", "HostPort", "8080")))
                .containsEntry("443/tcp", List.of(Map.of("HostIp", "", "HostPort", "")))
                .containsEntry("9090/tcp", List.of(Map.of("HostIp", "", "HostPort", "8500-8510")));
    }

    @Test
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
        Map<String, Object> host = host(body(p, "app", Map.of("data", "c0ffee")));
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
                  c:
                    image: x
                """);
        assertThat(ContainerSpecs.restartPolicy(p.services().get("a"))).contains(RestartPolicy.always());
        assertThat(ContainerSpecs.restartPolicy(p.services().get("b"))).contains(RestartPolicy.no());
        assertThat(ContainerSpecs.restartPolicy(p.services().get("c"))).isEmpty();
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
                        ipv4_address: 10.5.0.9
                      back:
                        priority: 10
                networks:
                  front: {}
                  back: {}
                """);
        ContainerSpec spec = spec(p, "web", Map.of());
        CreateMapping.Create old = CreateMapping.of(spec, BERTH, false);
        assertThat(host(old.body())).containsEntry("NetworkMode", "demo_back");
        assertThat(old.connectAfter()).singleElement().satisfies(n -> {
            assertThat(n.network()).isEqualTo("demo_front");
            assertThat(n.aliases()).containsExactly("demo-web-1", "web", "www");
        });
        assertThat(CreateMapping.connectBody("c1", old.connectAfter().get(0))).isEqualTo(Map.of("Container", "c1",
                "EndpointConfig", Map.of("Aliases", List.of("demo-web-1", "web", "www"),
                        "IPAMConfig", Map.of("IPv4Address", "10.5.0.9"))));
        CreateMapping.Create all = CreateMapping.of(spec, BERTH, true);
        assertThat(all.connectAfter()).isEmpty();
        assertThat((Map<String, Object>) ((Map<String, Object>) all.body().get("NetworkingConfig")).get("EndpointsConfig"))
                .containsOnlyKeys("demo_back", "demo_front");
    }

    @Test
    @SuppressWarnings("unchecked")
    void mounts_bindsVolumesTmpfsAndFileSecrets(@TempDir Path dir) throws Exception {
        Project p = load(dir, """
                services:
                  db:
                    image: x
                    volumes:
                      - ./data:/var/lib/data:ro
                      - cache:/cache
                      - type: bind
                        source: ./conf
                        target: /etc/conf
                        bind:
                          create_host_path: false
                          propagation: rslave
                      - type: volume
                        source: cache
                        target: /nocopy
                        volume:
                          nocopy: true
                    tmpfs: ["/run:size=64m"]
                    secrets: [pw]
                volumes:
                  cache: {}
                secrets:
                  pw:
                    file: ./pw.txt
                """);
        Map<String, Object> host = host(body(p, "db", Map.of()));
        assertThat(host.get("Binds")).isEqualTo(List.of(dir.resolve("data") + ":/var/lib/data:ro"));
        assertThat((List<Map<String, Object>>) host.get("Mounts")).extracting(m -> m.get("Target") + "=" + m.get("Source"))
                .containsExactly("/cache=demo_cache", "/etc/conf=" + dir.resolve("conf"), "/nocopy=demo_cache",
                        "/run/secrets/pw=" + dir.resolve("pw.txt"));
        assertThat((List<Map<String, Object>>) host.get("Mounts")).anySatisfy(m -> assertThat(m)
                .containsEntry("Type", "bind").containsEntry("BindOptions", Map.of("Propagation", "rslave")));
        assertThat((List<Map<String, Object>>) host.get("Mounts")).anySatisfy(m -> assertThat(m)
                .containsEntry("Target", "/nocopy")
                .containsEntry("VolumeOptions", Map.of("NoCopy", true, "Labels", BERTH)));
        assertThat((List<Map<String, Object>>) host.get("Mounts")).anySatisfy(m -> assertThat(m)
                .containsEntry("Target", "/run/secrets/pw").containsEntry("ReadOnly", true));
        assertThat(host.get("Tmpfs")).isEqualTo(Map.of("/run", "size=64m"));
    }

    @Test
    void hostSettings_isolationResourcesDnsAndLogging(@TempDir Path dir) throws Exception {
        Project p = load(dir, """
                services:
                  app:
                    image: x
                    domainname: example.test
                    ipc: shareable
                    shm_size: 64m
                    sysctls: {net.core.somaxconn: "1024"}
                    dns_search: [example.test]
                    dns_opt: ["ndots:2"]
                    extra_hosts: ["db=10.0.0.2"]
                    security_opt: [no-new-privileges]
                    cpu_shares: 512
                    mem_limit: 64m
                    pids_limit: 100
                    ulimits:
                      nproc: 65535
                      nofile: {soft: 1024, hard: 2048}
                    logging:
                      driver: json-file
                      options: {max-size: 1m}
                """);
        Map<String, Object> body = body(p, "app", Map.of());
        assertThat(body).containsEntry("Domainname", "example.test");
        assertThat(host(body)).containsEntry("IpcMode", "shareable").containsEntry("ShmSize", 64L << 20)
                .containsEntry("Sysctls", Map.of("net.core.somaxconn", "1024"))
                .containsEntry("DnsSearch", List.of("example.test")).containsEntry("DnsOptions", List.of("ndots:2"))
                .containsEntry("ExtraHosts", List.of("db:10.0.0.2"))
                .containsEntry("SecurityOpt", List.of("no-new-privileges")).containsEntry("CpuShares", 512L)
                .containsEntry("Memory", 64L << 20).containsEntry("PidsLimit", 100L)
                .containsEntry("Ulimits", List.of(Map.of("Name", "nofile", "Soft", 1024L, "Hard", 2048L),
                        Map.of("Name", "nproc", "Soft", 65535L, "Hard", 65535L)))
                .containsEntry("LogConfig", Map.of("Type", "json-file", "Config", Map.of("max-size", "1m")));
    }

    @Test
    void oneOff_withoutServicePorts_publishesNothing_andStopGracePeriodIsWholeSeconds(@TempDir Path dir)
            throws Exception {
        Project p = load(dir, """
                services:
                  web:
                    image: x
                    ports: ["8080:80"]
                    stop_grace_period: 1500ms
                """);
        ContainerSpec spec = ContainerSpecs.of(p, p.services().get("web"), "demo-web-run-1", Map.of(), false, false)
                .build();
        assertThat(spec.ports()).isEmpty();
        assertThat(spec.stopTimeout()).contains(Duration.ofMillis(1500));
        assertThat(CreateMapping.body(spec, BERTH)).containsEntry("StopTimeout", 1L).doesNotContainKey("ExposedPorts");
    }
}
