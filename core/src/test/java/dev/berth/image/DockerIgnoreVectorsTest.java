package dev.berth.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.image.internal.GoPaths;
import dev.berth.image.internal.IgnoreFileReader;
import dev.berth.image.internal.PatternCompiler;
import dev.berth.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins {@link DockerIgnore} to Docker's behaviour: every vector of moby/patternmatcher's and ignorefile's own tests,
 * ported as data under {@code src/test/resources/dockerignore/} (see the README there).
 */
class DockerIgnoreVectorsTest {
    private static final String NAME = "{index}: {0}";

    @ParameterizedTest(name = NAME)
    @MethodSource("matches")
    void testMatches_orParentMatches(String name, Map<String, Object> v) {
        assertThat(load(v).excludes(text(v))).isEqualTo(v.get("match"));
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("matches")
    void testMatches_usingParentResults(String name, Map<String, Object> v) {
        assertThat(walkTo(load(v), text(v)).excluded()).isEqualTo(v.get("match"));
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("matches")
    void testMatches_usingParentResultsNoContext(String name, Map<String, Object> v) {
        assertThat(load(v).match(text(v), null).excluded()).isEqualTo(v.get("match"));
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("filepathMatch")
    void testMatch_filepathMatchTable(String name, Map<String, Object> v) {
        if ((Boolean) v.get("error")) {
            assertThatThrownBy(() -> load(v)).isInstanceOf(DockerIgnoreException.class);
        } else {
            assertThat(topLevelMatches(load(v), text(v))).isEqualTo(v.get("match"));
        }
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("simple")
    void simpleMatchesAndErrors(String name, Map<String, Object> v) {
        String error = (String) v.get("error");
        if ("load".equals(error)) {
            assertThatThrownBy(() -> load(v)).isInstanceOf(DockerIgnoreException.class)
                    .hasMessageContaining("line 1");
        } else if ("match".equals(error)) {
            DockerIgnore ignore = load(v);
            for (int call = 0; call < 2; call++) {
                assertThatThrownBy(() -> ignore.excludes(text(v))).isInstanceOf(DockerIgnoreException.class)
                        .hasMessageContaining("syntax error in pattern");
                assertThatThrownBy(() -> ignore.match(text(v), null)).isInstanceOf(DockerIgnoreException.class);
            }
        } else {
            assertThat(topLevelMatches(load(v), text(v))).isEqualTo(v.get("match"));
        }
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("clean")
    void testCleanPatterns(String name, Map<String, Object> v) {
        if ((Boolean) v.get("error")) {
            assertThatThrownBy(() -> load(v)).isInstanceOf(DockerIgnoreException.class);
            return;
        }
        DockerIgnore ignore = load(v);
        assertThat(ignore.patterns()).hasSize(((Number) v.get("count")).intValue());
        assertThat(ignore.hasExceptions()).isEqualTo(v.get("exceptions"));
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("compile")
    void testCompile_slash(String name, Map<String, Object> v) {
        PatternCompiler.Compiled compiled = PatternCompiler.compile(GoPaths.clean((String) v.get("pattern")));
        assertThat(compiled.type().name()).isEqualTo(v.get("type"));
        assertThat(compiled.regex()).isEqualTo(v.get("regex"));
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("ignorefile")
    void testReadAll(String name, Map<String, Object> v) {
        List<String> patterns = IgnoreFileReader.readAll((String) v.get("content")).stream()
                .map(IgnoreFileReader.Line::pattern).toList();
        assertThat(patterns).isEqualTo(v.get("expected"));
    }

    static Stream<Arguments> matches() {
        return vectors("patternmatcher-matches.json");
    }

    static Stream<Arguments> filepathMatch() {
        return vectors("patternmatcher-match.json");
    }

    static Stream<Arguments> simple() {
        return vectors("patternmatcher-simple.json");
    }

    static Stream<Arguments> clean() {
        return vectors("patternmatcher-clean.json");
    }

    static Stream<Arguments> compile() {
        return vectors("patternmatcher-compile.json");
    }

    static Stream<Arguments> ignorefile() {
        return vectors("ignorefile-readall.json");
    }

    /** All vectors in one file, for counting. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> read(String file) {
        try (InputStream in = DockerIgnoreVectorsTest.class.getResourceAsStream("/dockerignore/" + file)) {
            return (List<Map<String, Object>>) Json.plain(Json.read(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Arguments> vectors(String file) {
        return read(file).stream().map(v -> Arguments.of(describe(v), v));
    }

    private static String describe(Map<String, Object> v) {
        Object what = v.containsKey("patterns") ? v.get("patterns") : v.getOrDefault("pattern", "");
        return v.get("test") + " " + what + (v.containsKey("text") ? " ~ \"" + v.get("text") + "\"" : "");
    }

    @SuppressWarnings("unchecked")
    private static DockerIgnore load(Map<String, Object> v) {
        return DockerIgnore.of((List<String>) v.get("patterns"));
    }

    private static String text(Map<String, Object> v) {
        return (String) v.get("text");
    }

    /** The deprecated top-level {@code Matches(file, patterns)}: cleans the path and never excludes ".". */
    private static boolean topLevelMatches(DockerIgnore ignore, String file) {
        String clean = GoPaths.clean(file);
        return !clean.equals(".") && ignore.excludes(clean);
    }

    /** Matches each parent directory first, as a walk does, then the path itself. */
    private static DockerIgnore.Match walkTo(DockerIgnore ignore, String path) {
        String parent = GoPaths.dir(path);
        DockerIgnore.Match match = null;
        if (!parent.equals(".")) {
            String[] dirs = parent.split("/", -1);
            for (int i = 0; i < dirs.length; i++) {
                match = ignore.match(String.join("/", List.of(dirs).subList(0, i + 1)), match);
            }
        }
        return ignore.match(path, match);
    }
}
