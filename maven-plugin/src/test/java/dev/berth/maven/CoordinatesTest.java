package dev.berth.maven;

import org.apache.maven.model.License;
import org.apache.maven.model.Organization;
import org.apache.maven.model.Scm;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class CoordinatesTest {

    @Test
    void imageName_isTheArtifactIdMadeValidForDocker() {
        assertThat(Coordinates.imageName("shop-web")).isEqualTo("shop-web");
        assertThat(Coordinates.imageName("Shop_Web")).isEqualTo("shop_web");
        assertThat(Coordinates.imageName("-my app")).isEqualTo("my-app");
    }

    @Test
    void tag_keepsDockerTagCharacters_andReplacesTheRest() {
        assertThat(Coordinates.tag("1.0.0-SNAPSHOT")).isEqualTo("1.0.0-SNAPSHOT");
        assertThat(Coordinates.tag("1.0+build.7")).isEqualTo("1.0-build.7");
        assertThat(Coordinates.tag("x".repeat(200))).hasSize(128);
    }

    @Test
    void projectName_followsComposeRules() {
        // Docker Compose v2 accepts [a-z0-9][a-z0-9_-]* as a project name: dots and upper case are not allowed
        assertThat(Coordinates.projectName("Shop.Web")).isEqualTo("shop-web");
        assertThat(Coordinates.projectName("_x")).isEqualTo("x");
        assertThatThrownBy(() -> Coordinates.projectName("__")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("set the name explicitly");
    }

    @Test
    void ociLabels_comeFromThePom() {
        MavenProject p = new MavenProject();
        p.setArtifactId("shop");
        p.setVersion("2.1");
        p.setDescription("  A shop  ");
        p.setUrl("https://shop.example");
        Scm scm = new Scm();
        scm.setUrl("https://git.example/shop");
        p.setScm(scm);
        Organization org = new Organization();
        org.setName("Example");
        p.setOrganization(org);
        License license = new License();
        license.setName("Apache-2.0");
        p.setLicenses(List.of(license));

        Map<String, String> labels = Coordinates.ociLabels(p);

        assertThat(labels).containsExactly(
                entry("org.opencontainers.image.title", "shop"),
                entry("org.opencontainers.image.version", "2.1"),
                entry("org.opencontainers.image.description", "A shop"),
                entry("org.opencontainers.image.url", "https://shop.example"),
                entry("org.opencontainers.image.source", "https://git.example/shop"),
                entry("org.opencontainers.image.vendor", "Example"),
                entry("org.opencontainers.image.licenses", "Apache-2.0"));
    }

    @Test
    void ociLabels_leaveOutWhatThePomDoesNotSay() {
        MavenProject p = new MavenProject();
        p.setArtifactId("shop");
        p.setVersion("2.1");
        assertThat(Coordinates.ociLabels(p)).containsOnlyKeys("org.opencontainers.image.title",
                "org.opencontainers.image.version");
    }
}
