package dev.berth.examples.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the Debian base's packages come from; no engine needed. */
class DebianBaseTest {
    @Test
    void mirror_comesFromTheEnvironment_elseTheHostsAptSources_elseDebianOrg(@TempDir Path dir) throws Exception {
        Path deb822 = Files.writeString(dir.resolve("debian.sources"), """
                Types: deb
                URIs: http://mirror.example/debian
                Suites: bookworm bookworm-updates

                Types: deb
                URIs: http://mirror.example/debian-security
                Suites: bookworm-security
                """);
        Path list = Files.writeString(dir.resolve("sources.list"),
                "deb http://security.example/debian-security bookworm-security main\n"
                        + "deb [arch=amd64] http://list.example/debian bookworm main\n");
        assertThat(DebianBase.mirror("http://env.example/debian", List.of(deb822))).isEqualTo("http://env.example/debian");
        assertThat(DebianBase.mirror(null, List.of(deb822, list))).isEqualTo("http://mirror.example/debian");
        assertThat(DebianBase.mirror(" ", List.of(dir.resolve("missing"), list))).isEqualTo("http://list.example/debian");
        assertThat(DebianBase.mirror(null, List.of())).isEqualTo("http://deb.debian.org/debian");
    }
}
