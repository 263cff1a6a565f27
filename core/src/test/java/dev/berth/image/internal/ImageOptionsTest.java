package dev.berth.image.internal;

import dev.berth.image.ImageRef;
import dev.berth.image.ImportOptions;
import dev.berth.image.PullOptions;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reference handling of pulls as the docker CLI's ImagePull sends it, and option checks made before any I/O. */
class ImageOptionsTest {
    private static String create(String ref, String platform) {
        return URLDecoder.decode(ImagePulls.createPath(ImageRef.parse(ref), Optional.ofNullable(platform)),
                StandardCharsets.UTF_8);
    }

    @Test
    void pull_noTag_meansLatest() {
        assertThat(create("busybox", null)).isEqualTo("/images/create?fromImage=busybox&tag=latest");
    }

    @Test
    void pull_registryWithPort_staysInFromImage() {
        assertThat(create("127.0.0.1:5000/team/app:1.2", null))
                .isEqualTo("/images/create?fromImage=127.0.0.1:5000/team/app&tag=1.2");
    }

    @Test
    void pull_digest_winsOverTag_andTravelsInTheTagParameter() {
        String digest = "sha256:" + "ab".repeat(32);
        assertThat(create("127.0.0.1:5000/app:1@" + digest, null))
                .isEqualTo("/images/create?fromImage=127.0.0.1:5000/app&tag=" + digest);
    }

    @Test
    void pull_platform_isPassed() {
        assertThat(create("app:1", "linux/arm64/v8")).endsWith("&platform=linux/arm64/v8");
    }

    @Test
    void badPlatform_isRefusedBeforeAnyIo() {
        assertThatThrownBy(() -> PullOptions.defaults().platform("linux amd64"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("os[/arch[/variant]]");
    }

    @Test
    void importChange_withNewline_isRefused_soNoInstructionCanBeSmuggled() {
        assertThatThrownBy(() -> ImportOptions.defaults().change("CMD [\"sh\"]\nUSER root"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void options_areImmutable() {
        PullOptions base = PullOptions.defaults();
        PullOptions arm = base.platform("linux/arm64");
        assertThat(base.platform()).isEmpty();
        assertThat(arm.platform()).contains("linux/arm64");
        ImportOptions none = ImportOptions.defaults();
        assertThat(none.change("ENV A=b").changes()).containsExactly("ENV A=b");
        assertThat(none.changes()).isEmpty();
    }
}
