package dev.berth.maven;

import dev.berth.compose.RemoveImages;
import dev.berth.container.Protocol;
import dev.berth.container.PublishedPort;
import dev.berth.dockerfile.lint.Severity;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** The plugin's small value parsers: port properties, wait specs, lint thresholds, image names, rmi. */
class SmallParsersTest {

    @Test
    void portProperties_nameServiceAndPort_firstHostAddressWins_udpSuffixed() {
        List<PublishedPort> ports = List.of(
                new PublishedPort(80, Protocol.TCP, "0.0.0.0", 32768),
                new PublishedPort(80, Protocol.TCP, "::", 32769),
                new PublishedPort(53, Protocol.UDP, "0.0.0.0", 32770),
                new PublishedPort(9090, Protocol.TCP, "", 0));
        assertThat(PortProperties.of("web", ports)).containsExactly(
                entry("berth.web.80", "32768"), entry("berth.web.53.udp", "32770"));
    }

    @Test
    void waitSpec_understandsEachForm() {
        Duration t = Duration.ofSeconds(7);
        assertThat(WaitSpec.parse("running", t)).isEmpty();
        assertThat(WaitSpec.parse(null, t)).isEmpty();
        assertThat(WaitSpec.parse("healthy", t).orElseThrow().timeout()).isEqualTo(t);
        assertThat(WaitSpec.parse("log:ready .*", t)).isPresent();
        assertThat(WaitSpec.parse("port:5432", t)).isPresent();
        assertThat(WaitSpec.parse("http:8080/health", t).orElseThrow().describe()).contains("8080").contains("/health");
        for (String bad : List.of("port:x", "port:0", "http:", "log:", "soon")) {
            assertThatThrownBy(() -> WaitSpec.parse(bad, t)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("<waitFor> '" + bad + "'");
        }
    }

    @Test
    void lintThreshold_isASeverityOrNone() {
        assertThat(LintMojo.threshold("warning")).contains(Severity.WARNING);
        assertThat(LintMojo.threshold(" Error ")).contains(Severity.ERROR);
        assertThat(LintMojo.threshold("none")).isEmpty();
        assertThatThrownBy(() -> LintMojo.threshold("fatal")).hasMessageContaining("use error, warning, info, style");
    }

    @Test
    void imageReferences_defaultToArtifactIdWithVersionAndLatest() {
        MavenProject p = new MavenProject();
        p.setArtifactId("Shop");
        p.setVersion("1.2-SNAPSHOT");
        assertThat(ImageNames.references(p, null, null)).containsExactly("shop:1.2-SNAPSHOT", "shop:latest");
        assertThat(ImageNames.references(p, "127.0.0.1:5000/team/shop", List.of("it")))
                .containsExactly("127.0.0.1:5000/team/shop:it");
        assertThatThrownBy(() -> ImageNames.references(p, "shop:1", null)).hasMessageContaining("give tags in <tags>");
        assertThatThrownBy(() -> ImageNames.references(p, "shop", List.of("bad tag")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rmi_isLocalOrAll() {
        assertThat(DownMojo.removeImages("all")).isEqualTo(RemoveImages.ALL);
        assertThatThrownBy(() -> DownMojo.removeImages("some")).hasMessage("<rmi> 'some' must be local or all");
    }
}
