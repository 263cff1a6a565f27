package dev.berth.image;

import dev.berth.testing.fuzz.CorpusFile;
import dev.berth.testing.fuzz.FuzzInput;
import dev.berth.testing.fuzz.FuzzReport;
import dev.berth.testing.fuzz.Fuzzer;
import dev.berth.testing.fuzz.IgnoreGrammar;
import dev.berth.testing.fuzz.Location;
import dev.berth.testing.fuzz.Target;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input, fuzzed: mutated {@code .dockerignore} files (built from moby/patternmatcher's test vectors) read with
 * {@link DockerIgnore#read} and matched against the vectors' paths and paths made to nearly match each pattern either
 * load and match, or fail with a {@link DockerIgnoreException} naming the file, line and column; never another
 * exception, never a hang (a backtracking matcher would hang on {@code *a*a*a…b}). See {@link Fuzzer} for the flags.
 */
class DockerIgnoreFuzzTest {
    private static final String[] VECTORS = {"patternmatcher-matches.json", "patternmatcher-match.json",
        "patternmatcher-simple.json", "patternmatcher-clean.json"};

    @TempDir
    Path dir;

    @Test
    void readAndMatch_mutatedIgnoreFiles_endInLocatedIgnoreException() throws IOException {
        List<String> paths = vectorPaths();
        Fuzzer fuzzer = Fuzzer.of("dockerignore", new IgnoreGrammar(), corpus());
        FuzzReport report = fuzzer.run(new Target() {
            @Override
            public Path write(FuzzInput input) throws IOException {
                return Files.write(dir.resolve(".dockerignore"), input.bytes());
            }

            @Override
            public void load(FuzzInput input, Path file) {
                DockerIgnore ignore = DockerIgnore.read(file);
                Set<String> all = new LinkedHashSet<>(paths);
                all.addAll(nearMisses(ignore.patterns()));
                for (String p : all) {
                    ignore.excludes(p);
                    walk(ignore, p);
                }
            }
        }, t -> t instanceof DockerIgnoreException e
                ? new Location(e.source().map(Path::of).orElse(null), e.line(), e.column()) : null);

        report.assertAllAcceptedOrLocated("DockerIgnoreException");
    }

    /** Matches each directory of the path from the top, as a build context walk does. */
    private static void walk(DockerIgnore ignore, String path) {
        DockerIgnore.Match parent = null;
        for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
            parent = ignore.match(path.substring(0, slash), parent);
        }
        ignore.match(path, parent);
    }

    /**
     * For each of the first patterns, a path that matches it with every wildcard spread over many characters, and the
     * same path with its last character changed, so that a matcher that backtracks has the most to try.
     */
    static List<String> nearMisses(List<String> patterns) {
        List<String> out = new ArrayList<>();
        for (String p : patterns.subList(0, Math.min(patterns.size(), 16))) {
            StringBuilder b = new StringBuilder();
            for (int i = p.startsWith("!") ? 1 : 0; i < p.length() && b.length() < 1_024; i++) {
                char c = p.charAt(i);
                char next = i + 1 < p.length() ? p.charAt(i + 1) : 'a';
                b.append(c == '*' ? String.valueOf(Character.isLetterOrDigit(next) ? next : 'a').repeat(24)
                        : "?[]\\".indexOf(c) >= 0 ? "a" : String.valueOf(c));
            }
            if (b.length() > 0) {
                out.add(b.toString());
                out.add(b.substring(0, b.length() - 1) + "\u0001");
            }
        }
        return out;
    }

    /** Every third path of the vectors (a few dozen: the work per input grows with paths times patterns). */
    static List<String> vectorPaths() {
        Set<String> all = new LinkedHashSet<>();
        for (String file : VECTORS) {
            for (Map<String, Object> v : DockerIgnoreVectorsTest.read(file)) {
                if (v.get("text") instanceof String text) {
                    all.add(text);
                }
            }
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        for (String p : all) {
            if (i++ % 3 == 0) {
                out.add(p);
            }
        }
        out.add("a/".repeat(40) + "b");
        return out;
    }

    static List<CorpusFile> corpus() {
        Map<String, CorpusFile> out = new LinkedHashMap<>();
        out.put("benchmark", new CorpusFile("docs/benchmarks.md context", ("# dependencies, logs and scratch space\n"
                + "node_modules\n**/*.log\n**/tmp\n.git\n!node_modules/keep-me/package.json\n")
                .getBytes(StandardCharsets.UTF_8)));
        for (String file : VECTORS) {
            for (Map<String, Object> v : DockerIgnoreVectorsTest.read(file)) {
                @SuppressWarnings("unchecked")
                List<String> patterns = (List<String>) v.get("patterns");
                String content = "# " + v.get("test") + "\n" + String.join("\n", patterns) + "\n";
                out.putIfAbsent(content, new CorpusFile(file + ": " + v.get("test"),
                        content.getBytes(StandardCharsets.UTF_8)));
            }
        }
        for (Map<String, Object> v : DockerIgnoreVectorsTest.read("ignorefile-readall.json")) {
            String content = (String) v.get("content");
            out.putIfAbsent(content, new CorpusFile("ignorefile-readall.json: " + v.get("test"),
                    content.getBytes(StandardCharsets.UTF_8)));
        }
        return new ArrayList<>(out.values());
    }
}
