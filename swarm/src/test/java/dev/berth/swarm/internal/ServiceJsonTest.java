package dev.berth.swarm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.container.HealthCheck;
import dev.berth.container.Protocol;
import dev.berth.internal.Json;
import dev.berth.swarm.ConfigRef;
import dev.berth.swarm.EndpointMode;
import dev.berth.swarm.FailureAction;
import dev.berth.swarm.LogDriver;
import dev.berth.swarm.RestartPolicy;
import dev.berth.swarm.SecretRef;
import dev.berth.swarm.ServiceMode;
import dev.berth.swarm.ServiceMount;
import dev.berth.swarm.ServiceNetwork;
import dev.berth.swarm.ServicePort;
import dev.berth.swarm.ServiceSpec;
import dev.berth.swarm.UpdateOrder;
import dev.berth.swarm.UpdatePolicy;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ServiceSpec → Engine API JSON, pinned against the Engine API's ServiceSpec shape (API 1.41). */
class ServiceJsonTest {

    static ServiceSpec full() {
        return ServiceSpec.builder("nginx:1.25")
                .name("web")
                .replicas(3)
                .entrypoint("/docker-entrypoint.sh")
                .command("nginx", "-g", "daemon off;")
                .env("B", "2").env("A", "1")
                .label("tier", "front")
                .containerLabel("team", "web")
                .publish(8080, 80)
                .publish(ServicePort.target(53).protocol(Protocol.UDP).hostMode())
                .endpointMode(EndpointMode.DNSRR)
                .network(new ServiceNetwork("backend", java.util.List.of("api"), Map.of("mtu", "1400")))
                .volume("data", "/data")
                .mount(ServiceMount.bind(Path.of("/srv/conf"), "/etc/nginx/conf.d").asReadOnly())
                .mount(new ServiceMount.Tmpfs("/cache", 1 << 20, Optional.of(01777)))
                .mount(ServiceMount.volume("logs", "/logs").driver("local", Map.of("type", "tmpfs")))
                .constraint("node.role==worker")
                .spread("node.labels.zone")
                .maxReplicasPerNode(2)
                .limitCpus(0.5).limitMemory(64L << 20).limitPids(100)
                .reserveCpus(0.25).reserveMemory(32L << 20)
                .restart(RestartPolicy.onFailure().delay(Duration.ofSeconds(2)).maxAttempts(3)
                        .window(Duration.ofSeconds(30)))
                .updateConfig(UpdatePolicy.defaults().parallelism(2).delay(Duration.ofSeconds(1))
                        .failureAction(FailureAction.ROLLBACK).monitor(Duration.ofSeconds(10)).maxFailureRatio(0.25)
                        .order(UpdateOrder.START_FIRST))
                .rollbackConfig(UpdatePolicy.defaults().parallelism(0).failureAction(FailureAction.CONTINUE))
                .healthCheck(HealthCheck.shell("wget -q -O- localhost").interval(Duration.ofSeconds(5))
                        .timeout(Duration.ofSeconds(2)).retries(3).startPeriod(Duration.ofSeconds(1)))
                .secret(SecretRef.of("db_password"))
                .secret(SecretRef.of("tls_key").target("key.pem").owner("101", "101").mode(0400))
                .config("nginx_conf", "/etc/nginx/nginx.conf")
                .config(ConfigRef.of("motd").mode(0440))
                .user("nginx").workdir("/usr/share/nginx").hostname("web-{{.Task.Slot}}")
                .stopGracePeriod(Duration.ofSeconds(20)).stopSignal("SIGQUIT")
                .capAdd("NET_ADMIN").capDrop("MKNOD")
                .sysctl("net.core.somaxconn", "1024")
                .ulimit("nofile", 1024, 2048)
                .host("db.local", "10.0.0.5")
                .dns("10.0.0.2").dnsSearch("example.internal")
                .tty().openStdin().readOnly().init()
                .logDriver(new LogDriver("json-file", Map.of("max-size", "10m")))
                .build();
    }

    @Test
    void toJson_fullSpec_matchesEngineShape() throws IOException {
        ObjectNode json = ServiceJson.toJson(full(), new ServiceJson.Ids(n -> "sid-" + n, n -> "cid-" + n));
        assertThat(Json.read(json.toString())).isEqualTo(golden("service-full.json"));
    }

    @Test
    void toJson_minimalSpec_sendsOnlyWhatIsSet() {
        ObjectNode json = ServiceJson.toJson(ServiceSpec.builder("busybox").build(), ServiceJson.Ids.byName());
        assertThat(json.toString()).isEqualTo("{\"Labels\":{},\"TaskTemplate\":{\"ContainerSpec\":{\"Image\":"
                + "\"busybox\"},\"Resources\":{},\"Placement\":{}},\"Mode\":{\"Replicated\":{\"Replicas\":1}},"
                + "\"EndpointSpec\":{}}");
    }

    @Test
    void secretEnv_isMaskedInToString_alsoWhenReadBackFromTheSwarm() {
        ServiceSpec spec = ServiceSpec.builder("busybox").env("USER", "app").secretEnv("TOKEN", "t0k3n")
                .secretEnv("KEY", "k3y").build();
        assertThat(spec.env()).containsEntry("TOKEN", "t0k3n");
        assertThat(spec.labels()).containsEntry("dev.berth.secret-env", "TOKEN,KEY");
        assertThat(spec.toString()).contains("env={USER=app, TOKEN=****, KEY=****}").doesNotContain("t0k3n", "k3y");
        ServiceSpec back = ServiceSpecReader.read(ServiceJson.toJson(spec, ServiceJson.Ids.byName()));
        assertThat(back.env()).containsEntry("KEY", "k3y");
        assertThat(back.toString()).doesNotContain("t0k3n", "k3y");
    }

    @Test
    void toJson_jobAndGlobalModes() {
        assertThat(ServiceJson.mode(ServiceMode.global()).toString()).isEqualTo("{\"Global\":{}}");
        assertThat(ServiceJson.mode(ServiceMode.globalJob()).toString()).isEqualTo("{\"GlobalJob\":{}}");
        assertThat(ServiceJson.mode(ServiceMode.replicatedJob(2, 5)).toString())
                .isEqualTo("{\"ReplicatedJob\":{\"MaxConcurrent\":2,\"TotalCompletions\":5}}");
        assertThat(ServiceJson.mode(ServiceMode.replicatedJob(4)).toString())
                .isEqualTo("{\"ReplicatedJob\":{\"MaxConcurrent\":4,\"TotalCompletions\":4}}");
    }

    @Test
    void read_isTheInverseOfToJson() {
        ServiceSpec spec = full();
        ServiceSpec back = ServiceSpecReader.read(ServiceJson.toJson(spec, ServiceJson.Ids.byName()));
        assertThat(back).isEqualTo(spec);
        for (ServiceMode m : new ServiceMode[] {ServiceMode.global(), ServiceMode.globalJob(),
                ServiceMode.replicatedJob(2, 7), ServiceMode.replicated(0)}) {
            ServiceSpec s = ServiceSpec.builder("busybox").name("x").mode(m).build();
            assertThat(ServiceSpecReader.read(ServiceJson.toJson(s, ServiceJson.Ids.byName()))).isEqualTo(s);
        }
    }

    @Test
    void read_engineDefaultsAsReturnedByInspect() {
        JsonNode spec = Json.read("""
                {"Name":"x","Labels":{},"TaskTemplate":{"ContainerSpec":{"Image":"busybox:1@sha256:ab","Args":["sh"],
                "Init":false,"DNSConfig":{},"Isolation":"default"},"Resources":{"Limits":{},"Reservations":{}},
                "Placement":{},"ForceUpdate":0,"Runtime":"container"},"Mode":{"Replicated":{"Replicas":2}},
                "EndpointSpec":{"Mode":"vip"}}""");
        ServiceSpec s = ServiceSpecReader.read(spec);
        assertThat(s.image()).isEqualTo("busybox:1@sha256:ab");
        assertThat(s.replicas()).contains(2);
        assertThat(s.command()).contains(java.util.List.of("sh"));
        assertThat(s.entrypoint()).isEmpty();
        assertThat(s.limits()).isEmpty();
        assertThat(s.init()).isEmpty();
        assertThat(s.endpointMode()).contains(EndpointMode.VIP);
    }

    @Test
    void spec_rejectsCallerMistakesBeforeAnyIo() {
        assertThatThrownBy(() -> ServiceSpec.builder(" ").build()).hasMessageContaining("image");
        assertThatThrownBy(() -> ServiceSpec.builder("x").global().maxReplicasPerNode(1).build())
                .hasMessageContaining("replicated services only");
        assertThatThrownBy(() -> ServiceSpec.builder("x").replicas(-1)).hasMessageContaining("negative");
        assertThatThrownBy(() -> ServiceSpec.builder("x").rollbackConfig(UpdatePolicy.defaults()
                .failureAction(FailureAction.ROLLBACK)).build()).hasMessageContaining("pause or continue");
        assertThatThrownBy(() -> ServicePort.of(0, 80)).hasMessageContaining("1-65535");
        assertThatThrownBy(() -> ServiceMount.bind(Path.of("rel"), "/x")).hasMessageContaining("absolute");
        assertThatThrownBy(() -> ServiceMount.tmpfs("relative")).hasMessageContaining("absolute path");
        assertThatThrownBy(() -> UpdatePolicy.defaults().maxFailureRatio(2)).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> ServiceSpec.builder("x").env("A=B", "c").build()).hasMessageContaining("A=B");
    }

    @Test
    void toBuilder_keepsEveryField() {
        ServiceSpec spec = full();
        assertThat(spec.toBuilder().build()).isEqualTo(spec);
        assertThat(spec.toBuilder().replicas(5).build().replicas()).contains(5);
    }

    static JsonNode golden(String name) throws IOException {
        try (InputStream in = ServiceJsonTest.class.getResourceAsStream("/golden/" + name)) {
            return Json.read(in.readAllBytes());
        }
    }
}
