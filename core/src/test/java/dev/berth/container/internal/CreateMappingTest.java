package dev.berth.container.internal;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.core.command.CreateContainerCmdImpl;
import dev.berth.container.ContainerSpec;
import dev.berth.container.HealthCheck;
import dev.berth.container.RestartPolicy;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** ContainerSpec → the Engine API's create body (field names as the API documents them). */
@SuppressWarnings("unchecked")
class CreateMappingTest {
    private static final Map<String, String> BERTH = Map.of("dev.berth.managed", "true", "dev.berth.session", "s1");

    private static Map<String, Object> body(ContainerSpec spec) {
        return CreateMapping.body(spec, BERTH);
    }

    private static Map<String, Object> host(ContainerSpec spec) {
        return (Map<String, Object>) body(spec).get("HostConfig");
    }

    @Test
    void basics_imageCommandEnvLabels() {
        Map<String, Object> b = body(ContainerSpec.builder("nginx:1.25").name("web").command("nginx", "-g", "daemon off;")
                .entrypoint().env("A", "1").label("team", "x").user("101").workdir("/srv").hostname("h").build());
        assertThat(b).containsEntry("Image", "nginx:1.25")
                .containsEntry("Cmd", List.of("nginx", "-g", "daemon off;"))
                .containsEntry("Entrypoint", List.of(""))
                .containsEntry("Env", List.of("A=1"))
                .containsEntry("User", "101").containsEntry("WorkingDir", "/srv").containsEntry("Hostname", "h")
                .doesNotContainKey("Name");
        assertThat((Map<String, String>) b.get("Labels")).containsEntry("team", "x").containsAllEntriesOf(BERTH);
    }

    @Test
    void ports_publishedAndExposed() {
        Map<String, Object> b = body(ContainerSpec.builder("x").publish("127.0.0.1:8080:80").publish(443)
                .publish("53:53/udp").expose(9000).build());
        assertThat((Map<String, Object>) b.get("ExposedPorts")).containsOnlyKeys("80/tcp", "443/tcp", "53/udp", "9000/tcp");
        Map<String, Object> bindings = (Map<String, Object>) ((Map<String, Object>) b.get("HostConfig")).get("PortBindings");
        assertThat(bindings).containsOnlyKeys("80/tcp", "443/tcp", "53/udp");
        assertThat(bindings.get("80/tcp")).isEqualTo(List.of(Map.of("HostIp", "127.0.0.1", "HostPort", "8080")));
        assertThat(bindings.get("443/tcp")).isEqualTo(List.of(Map.of("HostIp", "", "HostPort", "")));
    }

    @Test
    void mounts_bindsUseDashVSemantics_volumesCarryBerthLabels() {
        Map<String, Object> host = host(ContainerSpec.builder("x").bind(Path.of("/srv"), "/data").volume("/srv2:/ro:ro")
                .volume("db", "/var/lib/db").volume("/anon").tmpfs("/run").build());
        assertThat(host.get("Binds")).isEqualTo(List.of("/srv:/data:rw", "/srv2:/ro:ro"));
        List<Map<String, Object>> mounts = (List<Map<String, Object>>) host.get("Mounts");
        assertThat(mounts).hasSize(3);
        assertThat(mounts.get(0)).containsEntry("Type", "volume").containsEntry("Source", "db")
                .containsEntry("Target", "/var/lib/db").containsEntry("VolumeOptions", Map.of("Labels", BERTH));
        assertThat(mounts.get(1)).doesNotContainKey("Source").containsEntry("Target", "/anon");
        assertThat(mounts.get(2)).containsEntry("Type", "tmpfs").containsEntry("Target", "/run");
    }

    @Test
    void hostSettings_restartLimitsCapsHostsInit() {
        Map<String, Object> host = host(ContainerSpec.builder("x").restart(RestartPolicy.onFailure(3)).memory("256m")
                .cpus(1.5).privileged().capAdd("cap_net_admin").capDrop("ALL").extraHost("db", "10.0.0.2")
                .dns("1.1.1.1").init().readOnlyRootfs().build());
        assertThat(host).containsEntry("RestartPolicy", Map.of("Name", "on-failure", "MaximumRetryCount", 3))
                .containsEntry("Memory", 256L << 20).containsEntry("NanoCpus", 1_500_000_000L)
                .containsEntry("Privileged", true).containsEntry("CapAdd", List.of("NET_ADMIN"))
                .containsEntry("CapDrop", List.of("ALL")).containsEntry("ExtraHosts", List.of("db:10.0.0.2"))
                .containsEntry("Dns", List.of("1.1.1.1")).containsEntry("Init", true)
                .containsEntry("ReadonlyRootfs", true);
    }

    @Test
    void healthCheck_durationsInNanoseconds() {
        Map<String, Object> b = body(ContainerSpec.builder("x").healthCheck(HealthCheck.shell("true")
                .interval(Duration.ofSeconds(2)).timeout(Duration.ofMillis(500)).retries(4)
                .startPeriod(Duration.ofSeconds(10))).build());
        assertThat(b.get("Healthcheck")).isEqualTo(Map.of("Test", List.of("CMD-SHELL", "true"),
                "Interval", 2_000_000_000L, "Timeout", 500_000_000L, "Retries", 4, "StartPeriod", 10_000_000_000L));
    }

    @Test
    void network_firstIsTheModeWithAliases() {
        Map<String, Object> b = body(ContainerSpec.builder("x").network("front", "web", "www").network("back").build());
        assertThat((Map<String, Object>) b.get("HostConfig")).containsEntry("NetworkMode", "front");
        assertThat(b.get("NetworkingConfig")).isEqualTo(Map.of("EndpointsConfig",
                Map.of("front", Map.of("Aliases", List.of("web", "www")))));
    }

    @Test
    void modes_stopSignalTimeoutTtyStdin() {
        Map<String, Object> b = body(ContainerSpec.builder("x").stopSignal("SIGINT").stopTimeout(Duration.ofSeconds(3))
                .tty().stdinOpen().build());
        assertThat(b).containsEntry("StopSignal", "SIGINT").containsEntry("StopTimeout", 3L)
                .containsEntry("Tty", true).containsEntry("OpenStdin", true).containsEntry("AttachStdin", true);
    }

    @Test
    void escapeHatch_dockerJavaCommandCarriesTheSameFields() {
        ContainerSpec spec = ContainerSpec.builder("nginx:1.25").command("nginx").publish("127.0.0.1:8080:80")
                .capAdd("NET_ADMIN").memory("64m").network("front", "web").build();
        CreateContainerCmd cmd = DockerJavaCreate.command(new CreateContainerCmdImpl(c -> null, null, "placeholder"),
                body(spec), "web");
        assertThat(cmd.getImage()).isEqualTo("nginx:1.25");
        assertThat(cmd.getName()).isEqualTo("web");
        assertThat(cmd.getCmd()).containsExactly("nginx");
        assertThat(cmd.getLabels()).containsAllEntriesOf(BERTH);
        assertThat(cmd.getHostConfig().getPortBindings().getBindings().get(ExposedPort.tcp(80)))
                .containsExactly(new Ports.Binding("127.0.0.1", "8080"));
        assertThat(cmd.getHostConfig().getCapAdd()).containsExactly(Capability.NET_ADMIN);
        assertThat(cmd.getHostConfig().getMemory()).isEqualTo(64L << 20);
        assertThat(cmd.getHostConfig().getNetworkMode()).isEqualTo("front");
    }

    @Test
    void env_keepsTheOrderItWasSetIn_onEveryJvm() {
        ContainerSpec.Builder b = ContainerSpec.builder("img");
        for (int i = 20; i > 0; i--) {
            b.env("V" + i, Integer.toString(i));
        }
        List<?> env = (List<?>) CreateMapping.body(b.build(), java.util.Map.of()).get("Env");
        assertThat(env).first().isEqualTo("V20=20");
        assertThat(env).last().isEqualTo("V1=1");
    }
}
