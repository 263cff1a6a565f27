package dev.berth.swarm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.compose.Compose;
import dev.berth.compose.LoadOptions;
import dev.berth.compose.model.Project;
import dev.berth.internal.Json;
import dev.berth.swarm.ServiceMode;
import dev.berth.swarm.ServiceSpec;
import dev.berth.swarm.UnsupportedOptionsException;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Compose project → stack, pinned to docker/cli's {@code cli/compose/convert} and {@code cli/command/stack}: naming,
 * namespace labels, default overlay network, service-name aliases, secrets/configs, the deploy section, and the
 * unsupported / deprecated / forbidden option lists with the CLI's messages.
 */
class StackTranslatorTest {

    static Project load(String dir, String name) {
        try {
            Path file = Path.of(StackTranslatorTest.class.getResource("/stack/" + dir + "/compose.yaml").toURI());
            return Compose.load(LoadOptions.builder().file(file).projectName(name).environment(Map.of()).build());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void translate_namesAndLabelsEverythingWithTheNamespace() {
        StackPlan plan = StackTranslator.translate(load("full", "shop"));
        assertThat(plan.name()).isEqualTo("shop");
        assertThat(plan.services()).containsOnlyKeys("db", "web");
        ServiceSpec web = plan.services().get("web");
        assertThat(web.name()).contains("shop_web");
        assertThat(web.labels()).containsExactlyInAnyOrderEntriesOf(Map.of("tier", "front",
                "com.docker.stack.namespace", "shop", "com.docker.stack.image", "berth-test/busybox:1"));
        assertThat(web.containerLabels()).containsExactlyInAnyOrderEntriesOf(Map.of("team", "web",
                "com.docker.stack.namespace", "shop"));
        assertThat(plan.networks()).containsOnlyKeys("shop_back", "shop_default", "shop_front");
        assertThat(plan.networks().get("shop_front").driver()).isEqualTo("overlay");
        assertThat(plan.networks().get("shop_front").attachable()).isTrue();
        assertThat(plan.networks().get("shop_front").options()).containsEntry("encrypted", "");
        assertThat(plan.networks().get("shop_front").labels()).containsEntry("com.docker.stack.namespace", "shop")
                .containsEntry("purpose", "edge");
        assertThat(plan.networks().get("shop_back").internal()).isTrue();
        assertThat(plan.networks().get("shop_back").subnets()).containsExactly("10.77.0.0/24");
        assertThat(plan.secrets()).extracting(StackPlan.ObjectPlan::name).containsExactly("shop_db_password",
                "shop_tls_key");
        assertThat(new String(plan.secrets().get(0).data(), StandardCharsets.UTF_8)).isEqualTo("s3cr3t");
        assertThat(plan.secrets().get(1).labels()).containsEntry("kind", "tls")
                .containsEntry("com.docker.stack.namespace", "shop");
        assertThat(plan.configs()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("shop_motd");
            assertThat(new String(c.data(), StandardCharsets.UTF_8)).isEqualTo("welcome");
        });
        assertThat(plan.secrets().get(0).toString()).doesNotContain("s3cr3t");
    }

    @Test
    void translate_webServiceMatchesTheEngineSpecTheCliWouldSend() throws Exception {
        ServiceSpec web = StackTranslator.translate(load("full", "shop")).services().get("web");
        JsonNode json = Json.read(ServiceJson.toJson(web, ServiceJson.Ids.byName()).toString());
        assertThat(json).isEqualTo(ServiceJsonTest.golden("stack-web.json"));
    }

    @Test
    void translate_defaultNetworkGlobalModeAndLegacyRestart() {
        StackPlan plan = StackTranslator.translate(load("full", "shop"));
        ServiceSpec db = plan.services().get("db");
        assertThat(db.mode()).isEqualTo(ServiceMode.global());
        assertThat(db.networks()).singleElement().satisfies(n -> {
            assertThat(n.target()).isEqualTo("shop_default");
            assertThat(n.aliases()).containsExactly("db");
        });
        assertThat(db.restartPolicy()).get().satisfies(r -> {
            assertThat(r.condition().wireName()).isEqualTo("on-failure");
            assertThat(r.maxAttempts()).contains(5);
        });
        assertThat(db.mounts()).singleElement().satisfies(m -> assertThat(m.target()).isEqualTo("/var/lib/db"));
    }

    @Test
    void translate_warnsLikeTheCli() {
        StackPlan plan = StackTranslator.translate(load("full", "shop"));
        assertThat(plan.warnings()).contains(
                "Ignoring unsupported options: build, links, restart",
                "Ignoring deprecated options:\n\ncontainer_name: Setting the container name is not supported.\n\n"
                        + "expose: Exposing ports is unnecessary - services on the same network can access each"
                        + " other's containers on any port.");
    }

    @Test
    void translate_refusesForbiddenOptionsBeforeAnyIo() {
        assertThatThrownBy(() -> StackTranslator.translate(load("forbidden", "bad")))
                .isInstanceOf(UnsupportedOptionsException.class)
                .hasMessageContaining("Cannot deploy stack 'bad': the compose file contains unsupported options:")
                .hasMessageContaining("cpu_shares: Set resource limits using deploy.resources")
                .hasMessageContaining("volumes_from: To share a volume between services")
                .satisfies(e -> assertThat(((UnsupportedOptionsException) e).options()).containsOnlyKeys(
                        "cpu_shares", "volumes_from", "mem_limit", "memswap_limit"));
    }

    @Test
    void translate_composeSpecOnlyKeys_areIgnoredWithAWarning() {
        StackPlan plan = StackTranslator.translate(load("spec-only", "spec"));
        assertThat(plan.warnings()).containsExactly("Ignoring unsupported options: network_mode",
                "Ignoring option platform of service(s) app: docker stack deploy does not support it",
                "Ignoring option pull_policy of service(s) app: docker stack deploy does not support it");
        assertThat(plan.services().get("app").networks()).singleElement()
                .satisfies(n -> assertThat(n.target()).isEqualTo("spec_default"));
        assertThat(plan.networks()).containsOnlyKeys("spec_default");
    }

    @Test
    void legacyRestart_mapsAsTheCliDoes() {
        assertThat(StackServices.restartFromLegacy("no")).isEmpty();
        assertThat(StackServices.restartFromLegacy("always").orElseThrow().condition().wireName()).isEqualTo("any");
        assertThat(StackServices.restartFromLegacy("unless-stopped").orElseThrow().condition().wireName())
                .isEqualTo("any");
        assertThat(StackServices.restartFromLegacy("on-failure:3").orElseThrow().maxAttempts()).contains(3);
        assertThatThrownBy(() -> StackServices.restartFromLegacy("sometimes")).hasMessageContaining("unknown policy");
    }
}
