package dev.berth.container.internal;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.core.command.CreateContainerCmdImpl;
import dev.berth.container.ContainerSpec;
import dev.berth.container.HealthCheck;
import dev.berth.container.Mount;
import dev.berth.container.NetworkAttachment;
import dev.berth.container.RestartPolicy;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    void mounts_bindsUseDashVSemantics_volumesCarryBerthLabels_tmpfsAsTheCliSendsIt() {
        Map<String, Object> host = host(ContainerSpec.builder("x").bind(Path.of("/srv"), "/data").volume("/srv2:/ro:ro")
                .volume("db", "/var/lib/db").volume("/anon").tmpfs("/run").tmpfs("/cache", "size=64m")
                .mount(Mount.tmpfs("/t")).mount(new Mount.Bind(Path.of("/etc/conf"), "/conf", true, false,
                        Optional.of("rslave"), Optional.empty()))
                .mount(new Mount.Bind(Path.of("/z"), "/z", false, true, Optional.empty(), Optional.of("Z")))
                .volumesFrom("other:ro").build());
        // -v /srv:/data sends "/srv:/data" (no ":rw"); options joined by commas, as the CLI and Compose write them
        assertThat(host.get("Binds")).isEqualTo(List.of("/srv:/data", "/srv2:/ro:ro", "/z:/z:Z"));
        List<Map<String, Object>> mounts = (List<Map<String, Object>>) host.get("Mounts");
        assertThat(mounts).hasSize(4);
        assertThat(mounts.get(0)).containsEntry("Type", "volume").containsEntry("Source", "db")
                .containsEntry("Target", "/var/lib/db").containsEntry("VolumeOptions", Map.of("Labels", BERTH));
        assertThat(mounts.get(1)).doesNotContainKey("Source").containsEntry("Target", "/anon");
        assertThat(mounts.get(2)).containsEntry("Type", "tmpfs").containsEntry("Target", "/t");
        assertThat(mounts.get(3)).isEqualTo(Map.of("Type", "bind", "Source", "/etc/conf", "Target", "/conf",
                "ReadOnly", true, "BindOptions", Map.of("Propagation", "rslave")));
        assertThat(host.get("Tmpfs")).isEqualTo(Map.of("/run", "", "/cache", "size=64m"));
        assertThat(host.get("VolumesFrom")).isEqualTo(List.of("other:ro"));
    }

    @Test
    void moreHostSettings_isolationResourcesDevicesLogs() {
        Map<String, Object> host = host(ContainerSpec.builder("x").ipc("shareable").pid("host").uts("host")
                .userns("host").cgroupns("private").runtime("runc").groupAdd("audio").securityOpt("no-new-privileges")
                .sysctl("net.core.somaxconn", "1024").shmSize("64m").memoryReservation(1 << 20).memorySwap(-1)
                .cpuShares(512).cpuPeriod(100_000).cpuQuota(50_000).cpusetCpus("0").pidsLimit(100)
                .ulimit("nofile", 1024, 2048).device("/dev/fuse").oomScoreAdj(-10).cgroupParent("/ci")
                .dnsSearch("example.test").dnsOption("ndots:2").logDriver("json-file").logOption("max-size", "1m")
                .build());
        assertThat(host).containsEntry("IpcMode", "shareable").containsEntry("PidMode", "host")
                .containsEntry("UTSMode", "host").containsEntry("UsernsMode", "host")
                .containsEntry("CgroupnsMode", "private").containsEntry("Runtime", "runc")
                .containsEntry("GroupAdd", List.of("audio")).containsEntry("SecurityOpt", List.of("no-new-privileges"))
                .containsEntry("Sysctls", Map.of("net.core.somaxconn", "1024")).containsEntry("ShmSize", 64L << 20)
                .containsEntry("MemoryReservation", 1L << 20).containsEntry("MemorySwap", -1L)
                .containsEntry("CpuShares", 512L).containsEntry("CpuPeriod", 100_000L)
                .containsEntry("CpuQuota", 50_000L).containsEntry("CpusetCpus", "0").containsEntry("PidsLimit", 100L)
                .containsEntry("Ulimits", List.of(Map.of("Name", "nofile", "Soft", 1024L, "Hard", 2048L)))
                .containsEntry("Devices", List.of(Map.of("PathOnHost", "/dev/fuse", "PathInContainer", "/dev/fuse",
                        "CgroupPermissions", "rwm")))
                .containsEntry("OomScoreAdj", -10).containsEntry("CgroupParent", "/ci")
                .containsEntry("DnsSearch", List.of("example.test")).containsEntry("DnsOptions", List.of("ndots:2"))
                .containsEntry("LogConfig", Map.of("Type", "json-file", "Config", Map.of("max-size", "1m")));
    }

    @Test
    void env_unsetVariablesAreSentWithoutAValue_andSettingOneAgainUnmarksIt() {
        ContainerSpec spec = ContainerSpec.builder("x").env("A", "1").unsetEnv("B").unsetEnv("C").env("C", "3")
                .domainname("example.test").networkDisabled().build();
        assertThat(spec.unsetEnv()).containsExactly("B");
        assertThat(body(spec)).containsEntry("Env", List.of("A=1", "C=3", "B"))
                .containsEntry("Domainname", "example.test").containsEntry("NetworkDisabled", true);
    }

    @Test
    @SuppressWarnings("unchecked")
    void secretEnv_goesToTheEngine_namedInALabel_andMaskedInToString() {
        ContainerSpec spec = ContainerSpec.builder("x").env("USER", "app").secretEnv("TOKEN", "t0k3n")
                .secretEnv("KEY", "k3y").build();
        assertThat(spec.secretEnv()).containsExactly("TOKEN", "KEY");
        assertThat(body(spec)).containsEntry("Env", List.of("USER=app", "TOKEN=t0k3n", "KEY=k3y"));
        assertThat((Map<Object, Object>) body(spec).get("Labels")).containsEntry("dev.berth.secret-env", "TOKEN,KEY");
        assertThat(spec.toString()).contains("env={USER=app, TOKEN=****, KEY=****}").doesNotContain("t0k3n", "k3y");
        // toBuilder keeps the mark; unsetEnv drops the variable and its mark; a plain spec carries no such label
        assertThat(spec.toBuilder().build().toString()).doesNotContain("t0k3n");
        assertThat(spec.toBuilder().unsetEnv("TOKEN").build().secretEnv()).containsExactly("KEY");
        assertThat((Map<Object, Object>) body(ContainerSpec.builder("x").env("A", "1").build()).get("Labels"))
                .doesNotContainKey("dev.berth.secret-env");
    }

    @Test
    void networks_allInTheBodyOnApi144_withEndpointSettings() {
        ContainerSpec spec = ContainerSpec.builder("x").network("front", "web")
                .network(new NetworkAttachment("back", List.of(), Optional.of("10.1.0.5"), Optional.of("fd00::5"),
                        List.of("169.254.1.1"), Optional.of("02:42:ac:11:00:02")))
                .build();
        CreateMapping.Create create = CreateMapping.of(spec, BERTH, true);
        assertThat(create.connectAfter()).isEmpty();
        assertThat(create.body().get("NetworkingConfig")).isEqualTo(Map.of("EndpointsConfig", Map.of(
                "front", Map.of("Aliases", List.of("web")),
                "back", Map.of("IPAMConfig", Map.of("IPv4Address", "10.1.0.5", "IPv6Address", "fd00::5",
                        "LinkLocalIPs", List.of("169.254.1.1")), "MacAddress", "02:42:ac:11:00:02"))));
        assertThat(CreateMapping.of(spec, BERTH, false).connectAfter()).extracting(NetworkAttachment::network)
                .containsExactly("back");
    }

    @Test
    void ports_hostRangeForOneContainerPort_isOneBindingTheEnginePicksFrom() {
        Map<String, Object> host = host(ContainerSpec.builder("x").publish("8000-8010:80").expose("9000-9001/udp")
                .build());
        assertThat((Map<String, Object>) host.get("PortBindings")).containsEntry("80/tcp",
                List.of(Map.of("HostIp", "", "HostPort", "8000-8010")));
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
                .startPeriod(Duration.ofSeconds(10)).startInterval(Duration.ofSeconds(1))).build());
        assertThat(b.get("Healthcheck")).isEqualTo(Map.of("Test", List.of("CMD-SHELL", "true"),
                "Interval", 2_000_000_000L, "Timeout", 500_000_000L, "Retries", 4, "StartPeriod", 10_000_000_000L,
                "StartInterval", 1_000_000_000L));
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
