package dev.berth.compose.internal;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Port and volume short syntax, as docker/go-connections nat.ParsePortSpec and compose-go format.ParseVolume. */
class ShortSyntaxTest {
    @Test
    void ports_expandsRangesWithHostIpAndProtocol() {
        List<Map<String, Object>> p = ShortSyntax.ports("127.0.0.1:8000-8001:80-81/udp", "p");
        assertThat(p).hasSize(2);
        assertThat(p.get(0)).containsEntry("host_ip", "127.0.0.1").containsEntry("target", 80L)
                .containsEntry("published", "8000").containsEntry("protocol", "udp");
        assertThat(p.get(1)).containsEntry("target", 81L).containsEntry("published", "8001");
    }

    @Test
    void ports_keepsHostRangeForSingleContainerPort() {
        assertThat(ShortSyntax.ports("8500-8510:80", "p").get(0)).containsEntry("published", "8500-8510");
    }

    @Test
    void ports_rejectsMismatchedRangesAndBadProtocol() {
        assertThatThrownBy(() -> ShortSyntax.ports("8000-8001:80-82", "p")).hasMessageContaining("invalid ranges");
        assertThatThrownBy(() -> ShortSyntax.ports("80/icmp", "p")).hasMessageContaining("invalid proto");
        assertThatThrownBy(() -> ShortSyntax.ports("999999", "p")).hasMessageContaining("invalid containerPort");
    }

    @Test
    void volume_classifiesBindAndNamedSources() {
        assertThat(ShortSyntax.volume("./src:/app:ro", "v")).containsEntry("type", "bind").containsEntry("read_only", true)
                .containsEntry("bind", Map.of("create_host_path", true));
        assertThat(ShortSyntax.volume("data:/data:nocopy", "v")).containsEntry("type", "volume")
                .containsEntry("volume", Map.of("nocopy", true));
        assertThat(ShortSyntax.volume("/anon", "v")).containsEntry("type", "volume").doesNotContainKey("source");
        assertThat(ShortSyntax.volume("C:\\data:/data", "v")).containsEntry("type", "bind").containsEntry("source", "C:\\data");
    }

    @Test
    void volume_rejectsTooManyColons() {
        assertThatThrownBy(() -> ShortSyntax.volume("/a:/b:ro:x", "v")).hasMessageContaining("too many colons");
    }

    @Test
    void durationsAndSizes_matchGo() {
        assertThat(dev.berth.internal.GoDuration.format(dev.berth.internal.GoDuration.parseNanos("90s"))).isEqualTo("1m30s");
        assertThat(dev.berth.internal.GoDuration.format(dev.berth.internal.GoDuration.parseNanos("1.5h"))).isEqualTo("1h30m0s");
        assertThat(dev.berth.internal.GoDuration.format(dev.berth.internal.GoDuration.parseNanos("500ms"))).isEqualTo("500ms");
        assertThat(Units.ramInBytes("50M")).isEqualTo(52_428_800L);
        assertThat(Units.ramInBytes("1gb")).isEqualTo(1L << 30);
        assertThat(ShellWords.parse("a \"b c\" 'd e' f\\ g")).containsExactly("a", "b c", "d e", "f g");
    }
}
