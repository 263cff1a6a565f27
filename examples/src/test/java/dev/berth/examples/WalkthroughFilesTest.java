package dev.berth.examples;

import dev.berth.compose.Compose;
import dev.berth.compose.ComposeFileException;
import dev.berth.compose.LoadOptions;
import dev.berth.compose.model.Project;
import dev.berth.compose.model.Service;
import dev.berth.dockerfile.Dockerfile;
import dev.berth.examples.support.Resources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The files the walk-throughs ship (compose files, Dockerfiles), loaded and parsed as Docker Compose and docker build do. */
class WalkthroughFilesTest {
    private static final Map<String, String> IMAGES = Map.of("NGINX_IMAGE", "n:1", "PYTHON_IMAGE", "p:1",
            "REDIS_IMAGE", "r:1", "MARIADB_IMAGE", "m:1");

    private static Project load(Path dir, String files, String... names) {
        Resources.copy(files, dir, names);
        return Compose.load(LoadOptions.builder().file(dir.resolve("compose.yaml")).projectName("t").env(IMAGES).build());
    }

    @Test
    void composeScale_lbOnLoopbackWithItsConfig_webBuiltFromThePythonImage_gracefulStop(@TempDir Path dir) {
        Project p = load(dir, ComposeScale.FILES, "compose.yaml", "lb/nginx.conf", "web/Dockerfile", "web/app.py");
        Service lb = p.services().get("lb");
        assertThat(lb.image()).isEqualTo("n:1");
        assertThat(lb.ports()).singleElement().satisfies(port -> {
            assertThat(port.hostIp()).isEqualTo("127.0.0.1");
            assertThat(port.target()).isEqualTo(80);
        });
        assertThat(lb.volumes()).anySatisfy(m -> assertThat(m.toString()).contains("/etc/nginx/conf.d/default.conf"));
        Service web = p.services().get("web");
        assertThat(web.build().args()).containsEntry("PYTHON_IMAGE", "p:1");
        assertThat(web.stopGracePeriod()).isEqualTo(Duration.ofSeconds(15));
        assertThat(web.ports()).as("only the load balancer is published").isEmpty();
        assertThat(Resources.text("compose-scale/lb/nginx.conf")).contains("resolver 127.0.0.11 valid=1s")
                .contains("proxy_next_upstream error timeout;").contains("set $web http://web:5000;");
    }

    @Test
    void healthGated_appWaitsForAHealthyDatabase_whoseCheckReadsTheAppsTable(@TempDir Path dir) {
        Project p = load(dir, HealthGated.FILES, "compose.yaml", "db/init.sql", "app/Dockerfile", "app/app.py");
        Service app = p.services().get("app");
        assertThat(app.dependsOn()).containsOnlyKeys("db");
        assertThat(app.dependsOn().get("db").condition()).isEqualTo("service_healthy");
        Service db = p.services().get("db");
        assertThat(db.healthcheck().test()).startsWith("CMD", "mariadb").contains("--database=shop");
        assertThat(db.command()).containsExactly("mariadbd", "--init-file=/etc/mysql/init.sql");
        assertThat(Resources.text("health-gated/db/init.sql")).contains("CREATE TABLE IF NOT EXISTS shop.visits");
        assertThat(Resources.text("health-gated/app/app.py")).doesNotContain("retry").doesNotContain("sleep");
    }

    @Test
    void composeFiles_needTheirImagesFromTheEnvironment(@TempDir Path dir) {
        Resources.copy(ComposeScale.FILES, dir, "compose.yaml");
        assertThatThrownBy(() -> Compose.load(LoadOptions.builder().file(dir.resolve("compose.yaml")).projectName("t")
                .build())).isInstanceOf(ComposeFileException.class).hasMessageContaining("the nginx image");
    }

    @Test
    void composeDockerfiles_parse_andRunTheAppAsAnUnprivilegedUser() {
        for (String file : new String[] {"compose-scale/web/Dockerfile", "health-gated/app/Dockerfile"}) {
            Dockerfile df = Dockerfile.parse(Resources.text(file), file);
            assertThat(df.render()).contains("FROM ${PYTHON_IMAGE}").contains("USER nobody").contains("gunicorn");
        }
    }

    @Test
    void replicaOf_readsTheReplicaFromAnAnswer() {
        assertThat(ComposeScale.replicaOf("Hello from 35c809f1a1d2: 17 hits\n")).isEqualTo("35c809f1a1d2");
        assertThat(ComposeScale.replicaOf("something else")).isEqualTo("?");
    }

    @Test
    void multiStage_finalStageRunsAsNonRootAndCopiesOnlyTheHtml() {
        Dockerfile df = MultiStageBuild.dockerfile("base:1", "nginx:1");
        assertThat(df.render()).contains("FROM base:1 AS build").contains("COPY --from=build /out/ /usr/share/nginx/html/")
                .contains("USER web").contains("EXPOSE 8080");
        assertThat(MultiStageBuild.LINTER.lint(df)).isEmpty();
        assertThat(FlaskRedis.webImage("p:1").render()).contains("USER nobody");
    }
}
