package dev.berth.swarm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The value semantics secret and config specs share, and where they differ (a secret's value is never shown). */
class StoredObjectSpecTest {
    @Test
    void labels_returnANewSpec_andKeepTheBytes() {
        SecretSpec plain = SecretSpec.of("db_password", "s3cr3t");
        SecretSpec labelled = plain.label("team", "db");

        assertThat(plain.labels()).isEmpty();
        assertThat(labelled.labels()).containsEntry("team", "db");
        assertThat(new String(labelled.data(), StandardCharsets.UTF_8)).isEqualTo("s3cr3t");
        assertThat(labelled).isNotEqualTo(plain).isEqualTo(SecretSpec.of("db_password", "s3cr3t").label("team", "db"));
    }

    @Test
    void data_isCopiedInAndOut() {
        byte[] bytes = {1, 2, 3};
        ConfigSpec spec = ConfigSpec.of("c", bytes);
        bytes[0] = 9;
        spec.data()[1] = 9;

        assertThat(spec.data()).containsExactly(1, 2, 3);
    }

    @Test
    void aSecretAndAConfig_withTheSameContent_areNotEqual() {
        assertThat((Object) SecretSpec.of("x", "v")).isNotEqualTo(ConfigSpec.of("x", "v"));
        assertThat(SecretSpec.of("x", "v")).hasSameHashCodeAs(SecretSpec.of("x", "v"));
    }

    @Test
    void toString_hidesASecretsValue_butShowsAConfigsSize() {
        assertThat(SecretSpec.of("x", "hunter2").toString()).doesNotContain("hunter2").contains("****");
        assertThat(ConfigSpec.of("x", "hello").toString()).contains("5 bytes");
    }

    @Test
    void blankNames_areRefused_namingTheKind() {
        assertThatThrownBy(() -> SecretSpec.of(" ", "v")).hasMessage("secret name must not be blank");
        assertThatThrownBy(() -> ConfigSpec.of("", "v")).hasMessage("config name must not be blank");
    }

    @Test
    void anUnreadableFile_isNamed(@TempDir Path dir) {
        Path missing = dir.resolve("missing.txt");
        assertThatThrownBy(() -> SecretSpec.fromFile("db_password", missing))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("secret 'db_password'").hasMessageContaining(missing.toString());
    }
}
