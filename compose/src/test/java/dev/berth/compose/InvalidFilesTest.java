package dev.berth.compose;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Bad input: each project under {@code src/test/resources/invalid} must fail with a {@link ComposeFileException} that
 * names the file, the line and column of the offending key (from {@code expectations.tsv}, written by hand from the
 * files), the key, and what was expected. Docker Compose v2 must reject the same project too.
 */
class InvalidFilesTest {
    static final Path ROOT = Path.of("src/test/resources/invalid").toAbsolutePath();

    record Expectation(String name, int line, int column, String key, String fragment, Map<String, String> env) {
    }

    static List<Expectation> expectations() throws Exception {
        List<Expectation> out = new ArrayList<>();
        for (String l : Files.readAllLines(ROOT.resolve("expectations.tsv"), StandardCharsets.UTF_8)) {
            if (l.startsWith("#") || l.isBlank()) {
                continue;
            }
            String[] f = l.split("\t", -1);
            Map<String, String> env = new LinkedHashMap<>();
            if (f.length > 5 && !f[5].isEmpty()) {
                for (String kv : f[5].split(";")) {
                    int eq = kv.indexOf('=');
                    env.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
            }
            out.add(new Expectation(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), f[3], f[4], env));
        }
        return out;
    }

    @TestFactory
    List<DynamicTest> load_rejectsInvalidFileWithLocation() throws Exception {
        List<Expectation> all = expectations();
        assertThat(all).hasSizeGreaterThanOrEqualTo(40);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ComposePeer.Result>> peer = new ArrayList<>();
            for (Expectation e : all) {
                peer.add(pool.submit(() -> ComposePeer.run(ROOT.resolve(e.name()), List.of("config", "--format", "json"), e.env())));
            }
            List<DynamicTest> tests = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                Expectation e = all.get(i);
                ComposePeer.Result r = peer.get(i).get();
                tests.add(DynamicTest.dynamicTest(e.name(), () -> check(e, r)));
            }
            return tests;
        } finally {
            pool.shutdown();
        }
    }

    private static void check(Expectation e, ComposePeer.Result peer) {
        Path dir = ROOT.resolve(e.name());
        ComposeFileException ex = catchThrowableOfType(() -> Compose.load(LoadOptions.builder()
                .file(dir.resolve("compose.yaml")).projectDirectory(dir).environment(e.env()).build()), ComposeFileException.class);
        assertThat(ex).as("%s must raise ComposeFileException", e.name()).isNotNull();
        assertThat(ex.reason()).as("message of %s", e.name()).contains(e.fragment());
        assertThat(ex.file()).as("file of %s", e.name()).isPresent();
        assertThat(ex.file().get()).as("file of %s", e.name()).startsWith(dir);
        if (e.line() > 0) {
            assertThat(ex.line()).as("line of %s: %s", e.name(), ex.getMessage()).isEqualTo(e.line());
            if (e.column() > 0) {
                assertThat(ex.column()).as("column of %s: %s", e.name(), ex.getMessage()).isEqualTo(e.column());
            }
        }
        if (!e.key().isEmpty()) {
            assertThat(ex.key()).as("key of %s", e.name()).isEqualTo(e.key());
        }
        assertThat(peer.exitCode()).as("docker compose must reject %s too; it printed %s", e.name(), peer.stdout()).isNotZero();
    }
}
