package dev.berth.image;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Docker's reference grammar (distribution/reference): registry, repository, tag, digest. */
class ImageRefTest {
    @Test
    void parsesTheCommonForms() {
        assertThat(ImageRef.parse("nginx")).isEqualTo(new ImageRef("nginx", java.util.Optional.empty(), java.util.Optional.empty()));
        ImageRef r = ImageRef.parse("127.0.0.1:5000/team/app:1.2");
        assertThat(r.repository()).isEqualTo("127.0.0.1:5000/team/app");
        assertThat(r.tag()).contains("1.2");
        assertThat(r.registry()).contains("127.0.0.1:5000");
        assertThat(ImageRef.parse("localhost/app").registry()).contains("localhost");
        assertThat(ImageRef.parse("library/nginx:1").registry()).isEmpty();
        ImageRef d = ImageRef.parse("busybox@sha256:" + "a".repeat(64));
        assertThat(d.digest()).contains("sha256:" + "a".repeat(64));
        assertThat(d.tag()).isEmpty();
    }

    @Test
    void defaultTagIsLatestOnlyWithoutTagOrDigest() {
        assertThat(ImageRef.parse("nginx").withDefaultTag()).hasToString("nginx:latest");
        assertThat(ImageRef.parse("nginx:1").withDefaultTag()).hasToString("nginx:1");
        assertThat(ImageRef.parse("nginx@sha256:" + "b".repeat(64)).withDefaultTag().tag()).isEmpty();
    }

    @Test
    void rejectsInvalidReferences() {
        assertThatThrownBy(() -> ImageRef.parse("Nginx")).hasMessageContaining("not a valid repository component");
        assertThatThrownBy(() -> ImageRef.parse("app:bad tag")).hasMessageContaining("tag 'bad tag'");
        assertThatThrownBy(() -> ImageRef.parse("app@md5:zz")).hasMessageContaining("digest");
        assertThatThrownBy(() -> ImageRef.parse(":1")).hasMessageContaining("empty");
    }
}
