package dev.berth.swarm;

import dev.berth.ConflictException;
import dev.berth.Engine;
import dev.berth.NotFoundException;
import dev.berth.swarm.testing.SingleNodeSwarm;
import dev.berth.testing.CapturedOutput;
import dev.berth.testing.EngineExtension;
import dev.berth.testing.Names;
import dev.berth.testing.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Secrets, configs and overlay networks on a single-node swarm; secret values never appear in messages. */
@ExtendWith(EngineExtension.class)
class SecretsConfigsIT {
    private static final String VALUE = "p4ss-" + Names.unique("w0rd");
    private static Swarm swarm;

    @BeforeAll
    static void init(Engine engine) {
        swarm = SingleNodeSwarm.start(engine);
    }

    @AfterAll
    static void leave(Engine engine) {
        SingleNodeSwarm.stop(engine);
    }

    @Test
    void secrets_createFromBytesAndFile_listInspectRemove(@TempDir Path dir) throws Exception {
        String tag = Names.unique("t");
        Secret a = swarm.secrets().create(SecretSpec.of(Names.unique("sa"), VALUE).label("test", tag));
        Path file = dir.resolve("value.txt");
        Files.writeString(file, VALUE);
        Secret b = swarm.secrets().create(SecretSpec.fromFile(Names.unique("sb"), file).label("test", tag));
        try {
            assertThat(swarm.secrets().list("test=" + tag)).extracting(SecretInfo::name)
                    .containsExactlyInAnyOrder(a.name(), b.name());
            SecretInfo info = a.inspect();
            assertThat(info.labels()).containsEntry("test", tag).containsKey("dev.berth.session");
            assertThat(swarm.secrets().get(a.name())).isEqualTo(a);
            assertThat(swarm.secrets().find("nope-" + tag)).isEmpty();
            a.labels(Map.of("test", tag, "rotated", "yes"));
            assertThat(a.inspect().labels()).containsEntry("rotated", "yes").doesNotContainKey("dev.berth.session");
            assertThatThrownBy(() -> swarm.secrets().create(SecretSpec.of(a.name(), VALUE)))
                    .isInstanceOf(ConflictException.class).hasMessageContaining(a.name())
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(VALUE));
            assertThat(SecretSpec.of("x", VALUE).toString()).doesNotContain(VALUE);
        } finally {
            a.remove();
            b.remove();
        }
        assertThat(swarm.secrets().find(a.name())).isEmpty();
        assertThatThrownBy(() -> swarm.secrets().get(a.id())).isInstanceOf(NotFoundException.class);
    }

    /** Secret data and secret-marked variables reach the service's tasks, and no text Berth produces holds them. */
    @Test
    void secretData_andSecretEnv_appearInNoOutput() throws Exception {
        String token = "tok-" + Names.unique("s3cret");
        try (CapturedOutput output = CapturedOutput.start()) {
            Secret secret = swarm.secrets().create(SecretSpec.of(Names.unique("api-key"), VALUE));
            Service s = swarm.service(TestImages.BUSYBOX).name(Names.unique("secret-user"))
                    .mode(ServiceMode.replicatedJob(1)).secret(SecretRef.of(secret.name()).target("key"))
                    .secretEnv("API_TOKEN", token).env("MODE", "test")
                    // the task prints digests of both values: the command, which is no secret, must not hold them
                    .command("sh", "-c", "md5sum < /run/secrets/key; printf %s \"$API_TOKEN\" | md5sum")
                    .create();
            try {
                s.awaitConverged(Duration.ofSeconds(60));
                assertThat(s.logs().fetch().stream().map(l -> l.text().split(" ")[0]))
                        .containsExactly(md5(VALUE), md5(token));
                ServiceSpec back = s.spec();
                assertThat(back.env()).containsEntry("API_TOKEN", token);
                assertThat(back.toString()).contains("API_TOKEN=****", "MODE=test");
                output.add(back);
                output.add(secret.inspect());
                output.add(swarm.secrets().list());
                output.add(catchThrowable(() -> swarm.secrets().create(SecretSpec.of(secret.name(), VALUE))));
                output.add(catchThrowable(secret::remove));
            } finally {
                s.remove();
                ServiceIT.removeWhenFree(secret::remove);
            }
            assertThat(output.requestLines()).as("Berth's request log was captured").isPositive();
            assertThat(output.all()).contains("API_TOKEN").doesNotContain(token).doesNotContain(VALUE)
                    .doesNotContain(Base64.getEncoder().encodeToString(VALUE.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static String md5(String value) throws java.security.NoSuchAlgorithmException {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                .digest(value.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void configs_keepTheirContent() {
        Config c = swarm.configs().create(ConfigSpec.of(Names.unique("cfg"), "listen 80;\n").label("k", "v"));
        try {
            ConfigInfo info = c.inspect();
            assertThat(info.text()).isEqualTo("listen 80;\n");
            assertThat(info.labels()).containsEntry("k", "v");
            assertThat(swarm.configs().list()).extracting(ConfigInfo::name).contains(c.name());
        } finally {
            c.remove();
        }
    }

    @Test
    void service_readsItsSecretAndConfig_andTheyCannotBeRemovedWhileInUse() {
        Secret secret = swarm.secrets().create(SecretSpec.of(Names.unique("db-pass"), VALUE));
        Config config = swarm.configs().create(ConfigSpec.of(Names.unique("motd"), "hello config"));
        OverlayNetwork net = swarm.network(Names.unique("enc")).encrypted().attachable().label("purpose", "test")
                .create();
        Service s = swarm.service(TestImages.BUSYBOX).name(Names.unique("reader")).mode(ServiceMode.replicatedJob(1))
                .secret(SecretRef.of(secret.name()).target("pw").mode(0400))
                .config(config.name(), "/etc/motd").network(net.name())
                .command("sh", "-c", "cat /run/secrets/pw; echo; cat /etc/motd; echo; stat -c %a /run/secrets/pw")
                .create();
        try {
            s.awaitConverged(Duration.ofSeconds(60));
            List<String> lines = s.logs().fetch().stream().map(ServiceLogLine::text).toList();
            assertThat(lines).containsExactly(VALUE, "hello config", "400");
            assertThatThrownBy(secret::remove).isInstanceOf(ConflictException.class)
                    .hasMessageContaining(secret.name()).satisfies(e -> assertThat(e.getMessage()).doesNotContain(VALUE));
            assertThat(s.spec().networks()).singleElement().satisfies(n -> assertThat(n.target()).isEqualTo(net.name()));
            // docker network inspect: an encrypted, attachable swarm overlay with the user's label
            var info = swarm.engine().networks().find(net.name()).orElseThrow().inspect();
            assertThat(info.driver()).isEqualTo("overlay");
            assertThat(info.scope()).isEqualTo("swarm");
            assertThat(info.attachable()).isTrue();
            assertThat(info.options()).containsKey("encrypted");
            assertThat(info.labels()).containsEntry("purpose", "test");
        } finally {
            s.remove();
            ServiceIT.removeWhenFree(secret::remove);
            ServiceIT.removeWhenFree(config::remove);
            ServiceIT.removeWhenFree(net::remove);
        }
    }

    /** Core's {@code engine.network(…)} creates an attachable overlay on a manager, as {@code docker network create -d overlay --attachable}. */
    @Test
    void coreNetworkSpec_createsAnAttachableOverlay_thatAPlainContainerJoins(Engine engine) {
        String name = Names.unique("core-overlay");
        try (dev.berth.network.Network net = engine.network(name).driver("overlay").attachable().create()) {
            // Inspected at once: create() returns only after the swarm's allocator has given the network its driver
            // state; before that the engine reports an empty driver (this assertion failed one run in two under load).
            var info = net.inspect();
            assertThat(info.driver()).isEqualTo("overlay");
            assertThat(info.scope()).isEqualTo("swarm");
            assertThat(info.attachable()).isTrue();
            try (dev.berth.container.Container c = engine.container(TestImages.BUSYBOX).network(name)
                    .command("sleep", "30").detached().run()) {
                assertThat(c.inspect().networks()).containsKey(name);
            }
        }
        // The manager deletes a swarm network at once; the node drops its local copy when the container's attachment
        // is released, a moment later (docker network ls shows the same).
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (engine.networks().find(name).isPresent() && System.nanoTime() < end) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        assertThat(engine.networks().find(name)).isEmpty();
    }

    @Test
    void service_withAMissingSecret_failsBeforeCreating() {
        String name = Names.unique("svc");
        assertThatThrownBy(() -> swarm.service(TestImages.BUSYBOX).name(name).secret("no-such-secret").create())
                .isInstanceOf(NotFoundException.class).hasMessageContaining("no-such-secret")
                .hasMessageContaining("create it first");
        assertThat(swarm.services().find(name)).isEmpty();
    }
}
