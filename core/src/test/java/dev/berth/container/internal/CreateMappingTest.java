package dev.berth.container.internal;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.core.command.CreateContainerCmdImpl;
import dev.berth.container.ContainerSpec;
import dev.berth.container.HealthCheck;
import dev.berth.container.RestartPolicy;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** ContainerSpec → docker-java create command: each field lands where the Engine API expects it. */
class CreateMappingTest {
    private static final Map<String, String> BERTH = Map.of("dev.berth.managed", "true", "dev.berth.session", "s1");

    private static CreateContainerCmd map(ContainerSpec spec) {
        CreateContainerCmd cmd = new CreateContainerCmdImpl(command -> null, null, spec.image());
        CreateMapping.apply(spec, BERTH, cmd);
        return cmd;
    }

    @Test
    void basics_imageNameCommandEnvLabels() {
        CreateContainerCmd cmd = map(ContainerSpec.builder("nginx:1.25").name("web").command("nginx", "-g", "daemon off;")
                .entrypoint().env("A", "1").label("team", "x").user("101").workdir("/srv").hostname("h").build());
        assertThat(cmd.getImage()).isEqualTo("nginx:1.25");
        assertThat(cmd.getName()).isEqualTo("web");
        assertThat(cmd.getCmd()).containsExactly("nginx", "-g", "daemon off;");
        assertThat(cmd.getEntrypoint()).containsExactly("");
        assertThat(cmd.getEnv()).containsExactly("A=1");
        assertThat(cmd.getLabels()).containsEntry("team", "x").containsAllEntriesOf(BERTH);
        assertThat(cmd.getUser()).isEqualTo("101");
        assertThat(cmd.getWorkingDir()).isEqualTo("/srv");
        assertThat(cmd.getHostName()).isEqualTo("h");
    }

    @Test
    void ports_publishedAndExposed() {
        CreateContainerCmd cmd = map(ContainerSpec.builder("x").publish("127.0.0.1:8080:80").publish(443)
                .publish("53:53/udp").expose(9000).build());
        assertThat(cmd.getExposedPorts()).containsExactlyInAnyOrder(ExposedPort.tcp(80), ExposedPort.tcp(443),
                ExposedPort.udp(53), ExposedPort.tcp(9000));
        Map<ExposedPort, Ports.Binding[]> b = cmd.getHostConfig().getPortBindings().getBindings();
        assertThat(b.get(ExposedPort.tcp(80))).containsExactly(new Ports.Binding("127.0.0.1", "8080"));
        assertThat(b.get(ExposedPort.tcp(443))).containsExactly(new Ports.Binding(null, null));
        assertThat(b.get(ExposedPort.udp(53))).containsExactly(new Ports.Binding(null, "53"));
        assertThat(b).doesNotContainKey(ExposedPort.tcp(9000));
    }

    @Test
    void mounts_bindsUseDashVSemantics_volumesCarryBerthLabels() {
        HostConfig host = map(ContainerSpec.builder("x").bind(Path.of("/srv"), "/data").volume("/srv2:/ro:ro")
                .volume("db", "/var/lib/db").volume("/anon").tmpfs("/run").build()).getHostConfig();
        assertThat(host.getBinds()).extracting(Bind::toString).containsExactly("/srv:/data:rw", "/srv2:/ro:ro");
        assertThat(host.getMounts()).hasSize(3);
        assertThat(host.getMounts().get(0).getType()).isEqualTo(MountType.VOLUME);
        assertThat(host.getMounts().get(0).getSource()).isEqualTo("db");
        assertThat(host.getMounts().get(0).getVolumeOptions().getLabels()).isEqualTo(BERTH);
        assertThat(host.getMounts().get(1).getSource()).isNull();
        assertThat(host.getMounts().get(2).getType()).isEqualTo(MountType.TMPFS);
    }

    @Test
    void hostSettings_restartLimitsCapsHostsInit() {
        HostConfig host = map(ContainerSpec.builder("x").restart(RestartPolicy.onFailure(3)).memory("256m").cpus(1.5)
                .privileged().capAdd("cap_net_admin").capDrop("ALL").extraHost("db", "10.0.0.2").dns("1.1.1.1")
                .init().readOnlyRootfs().build()).getHostConfig();
        assertThat(host.getRestartPolicy().getName()).isEqualTo("on-failure");
        assertThat(host.getRestartPolicy().getMaximumRetryCount()).isEqualTo(3);
        assertThat(host.getMemory()).isEqualTo(256L << 20);
        assertThat(host.getNanoCPUs()).isEqualTo(1_500_000_000L);
        assertThat(host.getPrivileged()).isTrue();
        assertThat(host.getCapAdd()).containsExactly(Capability.NET_ADMIN);
        assertThat(host.getCapDrop()).containsExactly(Capability.ALL);
        assertThat(host.getExtraHosts()).containsExactly("db:10.0.0.2");
        assertThat(host.getDns()).containsExactly("1.1.1.1");
        assertThat(host.getInit()).isTrue();
        assertThat(host.getReadonlyRootfs()).isTrue();
    }

    @Test
    void healthCheck_durationsInNanoseconds() {
        var hc = map(ContainerSpec.builder("x").healthCheck(HealthCheck.shell("true").interval(Duration.ofSeconds(2))
                .timeout(Duration.ofMillis(500)).retries(4).startPeriod(Duration.ofSeconds(10))).build()).getHealthcheck();
        assertThat(hc.getTest()).containsExactly("CMD-SHELL", "true");
        assertThat(hc.getInterval()).isEqualTo(2_000_000_000L);
        assertThat(hc.getTimeout()).isEqualTo(500_000_000L);
        assertThat(hc.getRetries()).isEqualTo(4);
        assertThat(hc.getStartPeriod()).isEqualTo(10_000_000_000L);
    }

    @Test
    void network_firstIsTheModeWithAliases() {
        CreateContainerCmd cmd = map(ContainerSpec.builder("x").network("front", "web", "www").network("back").build());
        assertThat(cmd.getHostConfig().getNetworkMode()).isEqualTo("front");
        assertThat(cmd.getAliases()).containsExactly("web", "www");
    }

    @Test
    void modes_stopSignalTimeoutTtyStdin() {
        CreateContainerCmd cmd = map(ContainerSpec.builder("x").stopSignal("SIGINT").stopTimeout(Duration.ofSeconds(3))
                .tty().stdinOpen().autoRemove().build());
        assertThat(cmd.getStopSignal()).isEqualTo("SIGINT");
        assertThat(cmd.getStopTimeout()).isEqualTo(3);
        assertThat(cmd.isTty()).isTrue();
        assertThat(cmd.isStdinOpen()).isTrue();
        assertThat(cmd.getHostConfig().getAutoRemove()).isTrue();
    }
}
