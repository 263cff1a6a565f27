package dev.berth.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.Engine;
import dev.berth.compose.Compose;
import dev.berth.compose.LoadOptions;
import dev.berth.compose.model.Project;
import dev.berth.internal.EngineAccess;
import dev.berth.internal.Json;
import dev.berth.internal.RawApi;
import dev.berth.swarm.testing.SingleNodeSwarm;
import dev.berth.swarm.testing.Sh;
import dev.berth.testing.EngineExtension;
import dev.berth.testing.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Stacks on a single-node swarm: deploy, redeploy, prune, ls, ps, services, rm — and the same specs as the CLI. */
@ExtendWith(EngineExtension.class)
class StackIT {
    private static final Duration CONVERGE = Duration.ofSeconds(90);
    private static Swarm swarm;
    private static Engine engine;

    @BeforeAll
    static void init(Engine e) {
        engine = e;
        swarm = SingleNodeSwarm.start(e);
    }

    @AfterAll
    static void leave(Engine e) {
        SingleNodeSwarm.stop(e);
    }

    static Project load(Path dir, String stack, String yaml) throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), yaml);
        return Compose.load(LoadOptions.builder().file(dir.resolve("compose.yaml")).projectName(stack)
                .environment(Map.of()).build());
    }

    static String app(int replicas, String greeting, boolean withWorker) {
        return """
                services:
                  web:
                    image: %s
                    command: ["sh", "-c", "trap 'exit 0' TERM; echo $$GREETING; sleep 3600 & wait"]
                    environment: {GREETING: %s}
                    expose: ["80"]
                    networks: {back: {aliases: [frontend]}}
                    deploy:
                      replicas: %d
                      labels: {tier: front}
                      update_config: {parallelism: 0, monitor: 500ms}
                %s
                networks:
                  back: {attachable: true}
                secrets:
                  token: {file: ./token.txt}
                configs:
                  motd: {file: ./motd.txt}
                """.formatted(TestImages.BUSYBOX, greeting, replicas, withWorker ? """
                  worker:
                    image: %s
                    command: ["sh", "-c", "cat /run/secrets/token; echo; cat /motd; echo; trap 'exit 0' TERM; sleep 3600 & wait"]
                    secrets: [token]
                    configs: [{source: motd, target: /motd}]
                    networks: [back]
                """.formatted(TestImages.BUSYBOX) : "");
    }

    @Test
    void deploy_redeploy_prune_andRemove(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("token.txt"), "t0ken");
        Files.writeString(dir.resolve("motd.txt"), "welcome");
        String stack = "shop" + Long.toHexString(System.nanoTime() & 0xffffff);

        StackDeployment first = swarm.stacks().deploy(load(dir, stack, app(2, "hello", true)));
        assertThat(first.created()).containsExactlyInAnyOrder(stack + "_web", stack + "_worker");
        assertThat(first.updated()).isEmpty();
        assertThat(first.warnings()).anySatisfy(w -> assertThat(w).startsWith("Ignoring deprecated options:")
                .contains("expose: Exposing ports is unnecessary"));
        Stack s = first.stack();
        s.awaitConverged(CONVERGE);
        assertThat(swarm.stacks().list()).contains(new StackSummary(stack, 2));
        assertThat(s.services()).extracting(ServiceInfo::name).containsExactly(stack + "_web", stack + "_worker");
        assertThat(s.tasks()).filteredOn(Task::isRunning).hasSize(3);
        Service worker = swarm.services().get(stack + "_worker");
        awaitLines(worker, 2);
        assertThat(worker.logs().fetch()).extracting(ServiceLogLine::text).startsWith("t0ken", "welcome");
        ServiceSpec web = swarm.services().get(stack + "_web").spec();
        assertThat(web.labels()).containsEntry("com.docker.stack.namespace", stack).containsEntry("tier", "front")
                .containsEntry("com.docker.stack.image", TestImages.BUSYBOX);
        assertThat(web.networks()).singleElement().satisfies(n -> {
            assertThat(n.target()).isEqualTo(stack + "_back");
            assertThat(n.aliases()).containsExactly("frontend", "web");
        });

        Service webService = swarm.services().get(stack + "_web");
        webService.forceUpdate().awaitConverged(CONVERGE);
        StackDeployment second = swarm.stacks().deploy(load(dir, stack, app(3, "again", true)));
        assertThat(second.created()).isEmpty();
        assertThat(second.updated()).containsExactlyInAnyOrder(stack + "_web", stack + "_worker");
        second.stack().awaitConverged(CONVERGE);
        ServiceInfo updated = webService.inspect();
        assertThat(updated.spec().replicas()).contains(3);
        assertThat(updated.spec().env()).containsEntry("GREETING", "again");
        assertThat(updated.runningTasks()).isEqualTo(3);
        assertThat(rawSpec(webService.id()).at("/TaskTemplate/ForceUpdate").asInt())
                .as("redeploying keeps ForceUpdate, as the CLI does").isEqualTo(1);

        Files.writeString(dir.resolve("token.txt"), "changed");
        Project changedSecret = load(dir, stack, app(3, "again", true));
        assertThatThrownBy(() -> swarm.stacks().deploy(changedSecret)).isInstanceOf(dev.berth.ConflictException.class)
                .hasMessageContaining(stack + "_token").hasMessageContaining("new name")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("changed"));
        Files.writeString(dir.resolve("token.txt"), "t0ken");

        StackDeployment third = swarm.stacks().deploy(load(dir, stack, app(3, "again", false)),
                StackDeployOption.PRUNE);
        assertThat(third.removed()).containsExactly(stack + "_worker");
        assertThat(third.stack().services()).extracting(ServiceInfo::name).containsExactly(stack + "_web");

        s.remove(CONVERGE);
        assertThat(swarm.stacks().list()).extracting(StackSummary::name).doesNotContain(stack);
        assertThat(swarm.secrets().find(stack + "_token")).isEmpty();
        assertThat(swarm.configs().find(stack + "_motd")).isEmpty();
        assertThat(engine.dockerClient().listNetworksCmd().withNameFilter(stack + "_back").exec()).isEmpty();
    }

    @Test
    void deploy_refusesForbiddenOptions_beforeChangingAnything(@TempDir Path dir) throws Exception {
        Project p = load(dir, "forbidden", """
                services:
                  app:
                    image: %s
                    cpu_shares: 10
                """.formatted(TestImages.BUSYBOX));
        assertThatThrownBy(() -> swarm.stacks().deploy(p)).isInstanceOf(UnsupportedOptionsException.class)
                .hasMessageContaining("cpu_shares: Set resource limits using deploy.resources");
        assertThat(swarm.stacks().list()).extracting(StackSummary::name).doesNotContain("forbidden");
        assertThat(engine.dockerClient().listNetworksCmd().withNameFilter("forbidden_default").exec()).isEmpty();
    }

    /**
     * Conformance: the same compose file deployed with {@code docker stack deploy} (the docker CLI on this machine) and
     * with Berth gives the same service specs on the engine, and the same warnings.
     */
    @Test
    void deploy_givesTheSameSpecsAsDockerStackDeploy(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("token.txt"), "t0ken");
        Files.writeString(dir.resolve("app.conf"), "conf");
        String yaml = """
                services:
                  web:
                    image: %1$s
                    command: ["httpd", "-f", "-p", "80"]
                    entrypoint: ["/bin/sh", "-c", "exec \\"$$@\\"", "--"]
                    environment: {B: "2", A: "1"}
                    labels: {team: web}
                    hostname: web-host
                    extra_hosts: ["db.local:10.0.0.5"]
                    healthcheck: {test: ["CMD", "true"], interval: 5s, timeout: 2s, retries: 3}
                    working_dir: /tmp
                    user: "0"
                    stop_grace_period: 3s
                    restart: always
                    links: [db]
                    expose: ["80"]
                    init: true
                    read_only: true
                    cap_drop: [MKNOD]
                    logging: {driver: json-file, options: {max-size: 1m}}
                    ports:
                      - {target: 80, published: %2$d, protocol: tcp, mode: host}
                    networks:
                      front: {aliases: [www]}
                      back:
                    volumes:
                      - data:/data
                      - {type: tmpfs, target: /cache, tmpfs: {size: 1048576}}
                    secrets:
                      - token
                      - {source: token, target: other, mode: 0400}
                    configs:
                      - {source: appconf, target: /etc/app.conf}
                    deploy:
                      replicas: 0
                      labels: {tier: front}
                      resources:
                        limits: {cpus: "0.5", memory: 64M}
                        reservations: {memory: 8M}
                      restart_policy: {condition: on-failure, delay: 2s, max_attempts: 3}
                      placement:
                        constraints: [node.role==manager]
                        preferences: [{spread: node.id}]
                      update_config: {parallelism: 2, delay: 1s, failure_action: rollback, order: start-first}
                  db:
                    image: %1$s
                    command: ["sleep", "3600"]
                    restart: on-failure:5
                    deploy: {mode: global}
                networks:
                  front: {attachable: true, labels: {purpose: edge}}
                  back: {internal: true}
                volumes:
                  data: {labels: {kind: data}}
                secrets:
                  token: {file: ./token.txt}
                configs:
                  appconf: {file: ./app.conf}
                """.formatted(TestImages.BUSYBOX, 30000 + (int) (System.nanoTime() % 20000));
        Files.writeString(dir.resolve("compose.yaml"), yaml);
        Sh.Result cli = Sh.run(Duration.ofSeconds(120), "docker", "stack", "deploy", "--resolve-image", "never",
                "-c", dir.resolve("compose.yaml").toString(), "clistk");
        assertThat(cli.ok()).as(cli.output()).isTrue();
        StackDeployment berth = swarm.stacks().deploy(Compose.load(LoadOptions.builder()
                .file(dir.resolve("compose.yaml")).projectName("berthstk").environment(Map.of()).build()));
        try {
            for (String svc : List.of("web", "db")) {
                JsonNode fromCli = normalize(rawSpec("clistk_" + svc), "clistk");
                JsonNode fromBerth = normalize(rawSpec("berthstk_" + svc), "berthstk");
                assertThat(fromBerth).as("service " + svc).isEqualTo(fromCli);
            }
            assertThat(cli.output()).contains("Ignoring unsupported options: links, restart");
            assertThat(berth.warnings()).contains("Ignoring unsupported options: links, restart");
            assertThat(cli.output()).contains("expose: Exposing ports is unnecessary");
            assertThat(berth.warnings()).anySatisfy(w -> assertThat(w).contains("expose: Exposing ports is unnecessary"));
            for (String net : List.of("front", "back")) {
                assertThat(network("berthstk_" + net, "berthstk")).as("network " + net)
                        .isEqualTo(network("clistk_" + net, "clistk"));
            }
        } finally {
            Sh.run(Duration.ofSeconds(60), "docker", "stack", "rm", "clistk");
            berth.stack().remove(CONVERGE);
            awaitNetworksGone("clistk_");
        }
    }

    private static JsonNode rawSpec(String service) {
        return RawApi.call(EngineAccess.connection(engine), "GET", "/services/" + service, null).json().get("Spec");
    }

    /** The spec with the stack name, Berth's session labels, ids and network ids replaced by comparable values. */
    private static JsonNode normalize(JsonNode spec, String stack) {
        Map<String, String> netNames = new HashMap<>();
        RawApi.call(EngineAccess.connection(engine), "GET", "/networks", null).json()
                .forEach(n -> netNames.put(n.get("Id").asText(), n.get("Name").asText()));
        ObjectNode copy = spec.deepCopy();
        ObjectNode labels = (ObjectNode) copy.get("Labels");
        labels.remove(List.of("dev.berth.managed", "dev.berth.session"));
        for (JsonNode n : iter(copy.at("/TaskTemplate/Networks"))) {
            ((ObjectNode) n).put("Target", netNames.getOrDefault(n.get("Target").asText(), n.get("Target").asText()));
        }
        ObjectNode container = (ObjectNode) copy.at("/TaskTemplate/ContainerSpec");
        for (String kind : List.of("Secrets", "Configs")) {
            List<JsonNode> refs = new java.util.ArrayList<>();
            for (JsonNode ref : iter(container.path(kind))) {
                ((ObjectNode) ref).remove(kind.equals("Secrets") ? "SecretID" : "ConfigID");
                refs.add(ref);
            }
            // The CLI orders references with the same name by map iteration, i.e. randomly: compare as sets.
            refs.sort(java.util.Comparator.comparing(JsonNode::toString));
            if (!refs.isEmpty()) {
                container.putArray(kind).addAll(refs);
            }
        }
        // The CLI always sends an empty Privileges object; the engine keeps it with null fields (Docker 20.10:
        // CredentialSpec and SELinuxContext; Docker 26 adds NoNewPrivileges: false). It means the same as no
        // Privileges at all, which is what Berth sends.
        JsonNode privileges = container.path("Privileges");
        boolean unset = privileges.isObject();
        for (Iterator<JsonNode> it = privileges.elements(); it.hasNext(); ) {
            JsonNode v = it.next();
            unset &= v.isNull() || v.isBoolean() && !v.asBoolean();
        }
        if (unset) {
            container.remove("Privileges");
        }
        return sorted(Json.read(copy.toString().replace(stack + "_", "STACK_")
                .replace("\"" + stack + "\"", "\"STACK\"")));
    }

    private static JsonNode network(String name, String stack) {
        JsonNode n = RawApi.call(EngineAccess.connection(engine), "GET", "/networks/" + name, null).json();
        ObjectNode o = Json.object();
        o.put("Driver", n.path("Driver").asText()).put("Scope", n.path("Scope").asText())
                .put("Internal", n.path("Internal").asBoolean()).put("Attachable", n.path("Attachable").asBoolean());
        ObjectNode labels = n.path("Labels").deepCopy();
        labels.remove(List.of("dev.berth.managed", "dev.berth.session"));
        labels.put("com.docker.stack.namespace", labels.path("com.docker.stack.namespace").asText()
                .replace(stack, "STACK"));
        o.set("Labels", labels);
        return o;
    }

    private static JsonNode sorted(JsonNode n) {
        if (n.isObject()) {
            ObjectNode o = Json.object();
            Map<String, JsonNode> fields = new TreeMap<>();
            n.properties().forEach(e -> fields.put(e.getKey(), sorted(e.getValue())));
            fields.forEach(o::set);
            return o;
        }
        if (n.isArray()) {
            ArrayNode a = Json.array();
            n.forEach(x -> a.add(sorted(x)));
            return a;
        }
        return n;
    }

    private static Iterable<JsonNode> iter(JsonNode n) {
        return () -> n.isArray() ? n.elements() : new Iterator<>() {
            public boolean hasNext() {
                return false;
            }

            public JsonNode next() {
                throw new java.util.NoSuchElementException();
            }
        };
    }

    private static void awaitLines(Service s, int n) {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (s.logs().fetch().size() < n && System.nanoTime() < end) {
            ServiceIT.sleep(200);
        }
    }

    private static void awaitNetworksGone(String prefix) {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!engine.dockerClient().listNetworksCmd().withNameFilter(prefix).exec().isEmpty()
                && System.nanoTime() < end) {
            ServiceIT.sleep(200);
        }
    }
}
