package dev.berth.dockerfile;

import dev.berth.dockerfile.lint.DockerfileLinter;
import dev.berth.testing.fuzz.CorpusFile;
import dev.berth.testing.fuzz.DockerfileGrammar;
import dev.berth.testing.fuzz.FuzzInput;
import dev.berth.testing.fuzz.FuzzReport;
import dev.berth.testing.fuzz.Fuzzer;
import dev.berth.testing.fuzz.Location;
import dev.berth.testing.fuzz.Target;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input, fuzzed: mutated Dockerfiles (BuildKit's parser test files and the linter's cases) read with
 * {@link Dockerfile#parse(Path)} either parse, render and lint, or fail with a {@link DockerfileParseException} naming
 * the file, line and column; never another exception, never a hang. See {@link Fuzzer} for the flags.
 */
class DockerfileFuzzTest {
    private static final Path RESOURCES = Path.of("src/test/resources/dockerfile");

    @TempDir
    Path dir;

    @Test
    void parse_mutatedDockerfiles_endInLocatedParseException() throws IOException {
        Fuzzer fuzzer = Fuzzer.of("dockerfile", new DockerfileGrammar(), corpus());
        FuzzReport report = fuzzer.run(new Target() {
            @Override
            public Path write(FuzzInput input) throws IOException {
                return Files.write(dir.resolve("Dockerfile"), input.bytes());
            }

            @Override
            public void load(FuzzInput input, Path file) {
                Dockerfile df = Dockerfile.parse(file);
                df.render();
                DockerfileLinter.defaults().lint(df);
            }
        }, t -> t instanceof DockerfileParseException e
                ? new Location(e.source().map(Path::of).orElse(null), e.line(), e.column()) : null);

        report.assertAllAcceptedOrLocated("DockerfileParseException");
    }

    static List<CorpusFile> corpus() throws IOException {
        List<CorpusFile> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(RESOURCES.resolve("buildkit"))) {
            for (Path p : s.filter(p -> p.getFileName().toString().equals("Dockerfile")).sorted().toList()) {
                out.add(new CorpusFile(RESOURCES.relativize(p).toString(), Files.readAllBytes(p)));
            }
        }
        StringBuilder current = null;
        String title = null;
        for (String line : Files.readAllLines(RESOURCES.resolve("lint/cases.txt"), StandardCharsets.UTF_8)) {
            if (line.startsWith("==")) {
                if (current != null) {
                    out.add(lintCase(title, current));
                }
                current = line.startsWith("=== ") ? new StringBuilder() : null;
                title = line.substring(Math.min(line.length(), 4));
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        if (current != null) {
            out.add(lintCase(title, current));
        }
        return out;
    }

    private static CorpusFile lintCase(String title, StringBuilder text) {
        return new CorpusFile("lint/cases.txt: " + title, text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
