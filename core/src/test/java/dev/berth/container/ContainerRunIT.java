package dev.berth.container;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Capability;
import dev.berth.Engine;
import dev.berth.internal.EngineAccess;
import dev.berth.internal.RawApi;
import dev.berth.testing.EngineExtension;
import dev.berth.testing.Http;
import dev.berth.testing.Names;
import dev.berth.testing.TestImages;
import dev.berth.wait.Wait;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each {@code docker run} flag Berth models, checked against what the engine reports or the process sees. */
@ExtendWith(EngineExtension.class)
class ContainerRunIT {
    private static final String HTTPD = "mkdir -p /www && echo hello-berth > /www/index.html && exec httpd -f -p 80 -h /www";

    private static String output(Engine engine, ContainerSpec.Builder b) {
        StringBuilder out = new StringBuilder();
        int code = b.attached().output(l -> out.append(l.text()).append('\n')).run();
        assertThat(code).as("exit code, output: %s", out).isZero();
        return out.toString();
    }

    @Test
    void env_oneMapAndFile_reachTheProcess(Engine engine, @TempDir Path dir) throws Exception {
        Path envFile = dir.resolve("app.env");
        Files.writeString(envFile, "# comment\nFROM_FILE=file value\n\n  INDENTED=yes\n");
        String out = output(engine, engine.container(TestImages.BUSYBOX)
                .env("ONE", "1").env(Map.of("TWO", "two words")).envFile(envFile)
                .command("sh", "-c", "echo $ONE; echo $TWO; echo $FROM_FILE; echo $INDENTED"));
        assertThat(out).isEqualTo("1\ntwo words\nfile value\nyes\n");
    }

    @Test
    void publish_hostToContainer_onLoopback(Engine engine) {
        int port = Http.freePort();
        try (Container c = engine.container(TestImages.BUSYBOX).command("sh", "-c", HTTPD)
                .publish("127.0.0.1:" + port + ":80").detached().waitingFor(Wait.forHttp("/").forPort(80)).run()) {
            assertThat(Http.get(port, "/")).isEqualTo("hello-berth\n");
            PublishedPort p = c.inspect().ports().get(0);
            assertThat(p.hostIp()).isEqualTo("127.0.0.1");
            assertThat(p.hostPort()).isEqualTo(port);
        }
    }

    @Test
    void publish_randomHostPort_isReportedAndServes(Engine engine) {
        try (Container c = engine.container(TestImages.BUSYBOX).command("sh", "-c", HTTPD).publish(80)
                .detached().waitingFor(Wait.forPort(80)).run()) {
            int host = c.hostPort(80);
            assertThat(host).isPositive();
            assertThat(Http.get(host, "/")).isEqualTo("hello-berth\n");
        }
    }

    @Test
    void publish_udp_bindsTheHostPort(Engine engine) {
        // busybox has no UDP server; the engine's own proxy holding the host port shows the publication is live.
        try (Container c = engine.container(TestImages.BUSYBOX).command("sleep", "60")
                .publish("127.0.0.1::9999/udp").detached().run()) {
            int host = c.hostPort(9999, Protocol.UDP);
            assertThat(c.inspect().ports()).containsExactly(new PublishedPort(9999, Protocol.UDP, "127.0.0.1", host));
            assertThatThrownBy(() -> new DatagramSocket(host, InetAddress.getLoopbackAddress()).close())
                    .isInstanceOf(java.net.BindException.class);
        }
    }

    @Test
    void expose_declaresPortWithoutPublishing(Engine engine) {
        try (Container c = engine.container(TestImages.BUSYBOX).command("true").expose(8080).expose("53/udp").create()) {
            InspectContainerResponse r = engine.dockerClient().inspectContainerCmd(c.id()).exec();
            assertThat(r.getConfig().getExposedPorts()).extracting(Object::toString)
                    .containsExactlyInAnyOrder("8080/tcp", "53/udp");
            assertThat(c.inspect().ports()).isEmpty();
        }
    }

    @Test
    void volumes_namedBindReadOnlyAnonymousTmpfs(Engine engine, @TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("host.txt"), "from host\n");
        String volume = Names.unique("berth-vol");
        Path out = Files.createDirectory(dir.resolve("out"));
        String name = Names.unique("volumes");
        int code = engine.container(TestImages.BUSYBOX).name(name)
                .volume(volume, "/named")
                .bind(dir, "/host")
                .mount(Mount.bind(out, "/out"))
                .volume(dir + ":/ro:ro")
                .volume("/anon")
                .tmpfs("/scratch")
                .command("sh", "-c", "echo kept > /named/f; cat /host/host.txt; echo written > /out/w.txt;"
                        + " touch /ro/x 2>/dev/null && echo ro-writable || echo ro-refused; mount | grep /scratch")
                .attached().keep().output(l -> { }).run();
        assertThat(code).isZero();
        try (Container c = engine.containers().get(name)) {
            Logs logs = c.logs().fetch();
            assertThat(logs.stdout()).contains("from host").contains("ro-refused").contains("tmpfs");
            assertThat(Files.readString(out.resolve("w.txt"))).isEqualTo("written\n");
            List<MountPoint> mounts = c.inspect().mounts();
            assertThat(mounts).anySatisfy(m -> {
                assertThat(m.destination()).isEqualTo("/named");
                assertThat(m.name()).isEqualTo(volume);
            });
            assertThat(mounts).anySatisfy(m -> {
                assertThat(m.destination()).isEqualTo("/ro");
                assertThat(m.readWrite()).isFalse();
            });
            String anon = mounts.stream().filter(m -> m.destination().equals("/anon")).findFirst().orElseThrow().name();
            assertThat(engine.dockerClient().inspectVolumeCmd(anon).exec().getLabels())
                    .containsEntry("dev.berth.session", engine.sessionId());
            c.remove(RemoveOption.VOLUMES);
            assertThat(engine.dockerClient().listVolumesCmd().exec().getVolumes())
                    .noneMatch(v -> v.getName().equals(anon));
        } finally {
            engine.dockerClient().removeVolumeCmd(volume).exec();
        }
    }

    @Test
    void network_userDefinedWithAlias_resolvesByAlias(Engine engine) {
        String net = Names.unique("berth-net");
        engine.dockerClient().createNetworkCmd().withName(net).withLabels(engine.labels()).exec();
        try (Container server = engine.container(TestImages.BUSYBOX).network(net, "db-alias")
                .command("sleep", "60").detached().run()) {
            String out = output(engine, engine.container(TestImages.BUSYBOX).network(net)
                    .command("nslookup", "db-alias"));
            assertThat(out).contains(server.ipAddress(net));
            assertThat(server.inspect().networks().get(net).aliases()).contains("db-alias");
        } finally {
            engine.dockerClient().removeNetworkCmd(net).exec();
        }
    }

    @Test
    void network_noneAndHost(Engine engine) {
        String none = output(engine, engine.container(TestImages.BUSYBOX).network("none").command("ls", "/sys/class/net"));
        assertThat(none.trim()).isEqualTo("lo");
        String host = output(engine, engine.container(TestImages.BUSYBOX).network("host").command("ls", "/sys/class/net"));
        assertThat(host).contains("docker0");
    }

    @Test
    void restartPolicy_onFailure_restartsUpToLimit(Engine engine) throws Exception {
        try (Container c = engine.container(TestImages.BUSYBOX).restart(RestartPolicy.onFailure(2))
                .command("sh", "-c", "exit 1").detached().run()) {
            for (int i = 0; i < 100 && !(c.inspect().restartCount() == 2 && !c.inspect().isRunning()); i++) {
                Thread.sleep(100);
            }
            assertThat(c.inspect().restartCount()).isEqualTo(2);
            assertThat(c.inspect().state()).isEqualTo(ContainerState.EXITED);
        }
    }

    @Test
    void userWorkdirHostname_applyToTheProcess(Engine engine) {
        String out = output(engine, engine.container(TestImages.BUSYBOX).user("65534:65534").workdir("/tmp")
                .hostname("berth-host").command("sh", "-c", "id -u; pwd; hostname"));
        assertThat(out).isEqualTo("65534\n/tmp\nberth-host\n");
    }

    @Test
    void healthCheck_settingsReachTheEngine(Engine engine) {
        try (Container c = engine.container(TestImages.BUSYBOX).command("sleep", "60")
                .healthCheck(HealthCheck.shell("true").interval(Duration.ofMillis(200)).timeout(Duration.ofSeconds(2))
                        .retries(5).startPeriod(Duration.ofSeconds(1)))
                .detached().waitingFor(Wait.forHealthy()).run()) {
            var hc = engine.dockerClient().inspectContainerCmd(c.id()).exec().getConfig().getHealthcheck();
            assertThat(hc.getTest()).containsExactly("CMD-SHELL", "true");
            assertThat(hc.getInterval()).isEqualTo(200_000_000L);
            assertThat(hc.getTimeout()).isEqualTo(2_000_000_000L);
            assertThat(hc.getRetries()).isEqualTo(5);
            assertThat(hc.getStartPeriod()).isEqualTo(1_000_000_000L);
            assertThat(c.inspect().health()).isEqualTo(HealthStatus.HEALTHY);
        }
    }

    @Test
    void limits_memoryAndCpus(Engine engine) {
        try (Container c = engine.container(TestImages.BUSYBOX).memory("64m").cpus(0.5).command("true").create()) {
            var hc = engine.dockerClient().inspectContainerCmd(c.id()).exec().getHostConfig();
            assertThat(hc.getMemory()).isEqualTo(64L * 1024 * 1024);
            assertThat(hc.getNanoCPUs()).isEqualTo(500_000_000L);
        }
    }

    @Test
    void autoRemove_removesAfterExit(Engine engine) throws Exception {
        Container c = engine.container(TestImages.BUSYBOX).autoRemove().command("true").detached().run();
        for (int i = 0; i < 100 && engine.containers().all().find(c.id()).isPresent(); i++) {
            Thread.sleep(50);
        }
        assertThat(engine.containers().all().find(c.id())).isEmpty();
    }

    @Test
    void privilegedAndCapabilities(Engine engine) {
        String capOut = output(engine, engine.container(TestImages.BUSYBOX).capAdd("NET_ADMIN").network("none")
                .command("sh", "-c", "ip addr add 10.77.0.1/32 dev lo && echo added"));
        assertThat(capOut).contains("added");
        StringBuilder denied = new StringBuilder();
        int code = engine.container(TestImages.BUSYBOX).network("none")
                .command("sh", "-c", "ip addr add 10.77.0.1/32 dev lo").attached().output(l -> denied.append(l.text())).run();
        assertThat(code).isNotZero();
        try (Container c = engine.container(TestImages.BUSYBOX).privileged().capDrop("CHOWN").command("true").create()) {
            var hc = engine.dockerClient().inspectContainerCmd(c.id()).exec().getHostConfig();
            assertThat(hc.getPrivileged()).isTrue();
            assertThat(hc.getCapDrop()).containsExactly(Capability.CHOWN);
        }
    }

    @Test
    void extraHostsAndDns(Engine engine) {
        String out = output(engine, engine.container(TestImages.BUSYBOX).extraHost("berth.example", "10.9.8.7")
                .command("cat", "/etc/hosts"));
        assertThat(out).contains("10.9.8.7\tberth.example");
    }

    @Test
    void stopSignalAndTimeout_areHonoured(Engine engine) {
        try (Container c = engine.container(TestImages.BUSYBOX).stopSignal("SIGUSR1").stopTimeout(Duration.ofSeconds(7))
                .command("sh", "-c", "trap 'echo got-usr1; exit 0' USR1; while true; do sleep 0.1; done")
                .detached().run()) {
            var cfg = RawApi.call(EngineAccess.connection(engine), "GET", "/containers/" + c.id() + "/json", null).json().path("Config");
            assertThat(cfg.path("StopSignal").asText()).isEqualTo("SIGUSR1");
            assertThat(cfg.path("StopTimeout").asInt()).isEqualTo(7);
            c.stop();
            assertThat(c.inspect().exitCode()).isZero();
            assertThat(c.logs().fetch().stdout()).contains("got-usr1");
        }
    }

    @Test
    void entrypointAndCommand_replaceImageDefaults(Engine engine) {
        String out = output(engine, engine.container(TestImages.BUSYBOX).entrypoint("echo", "entry").command("cmd"));
        assertThat(out).isEqualTo("entry cmd\n");
    }

    @Test
    void customize_escapeHatchReachesDockerJava(Engine engine) {
        try (Container c = engine.container(TestImages.BUSYBOX).command("true")
                .customize(cmd -> cmd.withDomainName("berth.test")).create()) {
            assertThat(engine.dockerClient().inspectContainerCmd(c.id()).exec().getConfig().getDomainName())
                    .isEqualTo("berth.test");
        }
    }
}
