package dev.berth.compose;

import dev.berth.testing.fuzz.CorpusFile;
import dev.berth.testing.fuzz.FuzzInput;
import dev.berth.testing.fuzz.FuzzReport;
import dev.berth.testing.fuzz.Fuzzer;
import dev.berth.testing.fuzz.Location;
import dev.berth.testing.fuzz.Target;
import dev.berth.testing.fuzz.YamlGrammar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Bad input, fuzzed: every compose file of the conformance corpus, mutated (truncated, values of other types, wrong
 * indentation, bad anchors, huge values, invalid UTF-8, token edits) and loaded as its project with
 * {@link Compose#load} and rendered with {@code toJson()}: the project either loads or fails with a
 * {@link ComposeFileException} naming the file, line and column; never another exception, never a hang. See
 * {@code dev.berth.testing.fuzz.Fuzzer} for the flags (the full run is {@code -Dberth.fuzz.full=true}).
 */
class ComposeFuzzTest {
    @TempDir
    Path tmp;

    @Test
    void load_mutatedComposeFiles_endInLocatedComposeFileException() throws IOException {
        Map<String, ConformanceCase> cases = new HashMap<>();
        List<CorpusFile> corpus = new ArrayList<>();
        for (ConformanceCase c : ConformanceCase.all()) {
            cases.put(c.name(), c);
            try (Stream<Path> s = Files.walk(c.dir())) {
                for (Path f : s.filter(ComposeFuzzTest::isYaml).sorted().toList()) {
                    corpus.add(new CorpusFile(c.name() + "/" + c.dir().relativize(f), Files.readAllBytes(f)));
                }
            }
        }
        Map<String, Path> copies = new HashMap<>();
        FuzzReport report = Fuzzer.of("compose", new YamlGrammar(), corpus).run(new Target() {
            @Override
            public Path write(FuzzInput input) throws IOException {
                return Files.write(copy(input).resolve(relative(input)), input.bytes());
            }

            @Override
            public void load(FuzzInput input, Path file) {
                Compose.load(caseOf(input).withDir(copy(input)).options()).toJson();
            }

            @Override
            public void restore(FuzzInput input) throws IOException {
                Files.write(copy(input).resolve(relative(input)), input.origin().content());
            }

            private ConformanceCase caseOf(FuzzInput input) {
                return cases.get(input.origin().name().substring(0, input.origin().name().indexOf('/')));
            }

            private String relative(FuzzInput input) {
                return input.origin().name().substring(input.origin().name().indexOf('/') + 1);
            }

            /** The case's folder copied once; each input is written into it and restored afterwards. */
            private Path copy(FuzzInput input) {
                ConformanceCase c = caseOf(input);
                return copies.computeIfAbsent(c.name(), n -> copyTree(c.dir(), tmp.resolve(n)));
            }
        }, t -> t instanceof ComposeFileException e ? new Location(e.file().orElse(null), e.line(), e.column()) : null);

        report.assertAllAcceptedOrLocated("ComposeFileException");
    }

    private static boolean isYaml(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".yaml") || n.endsWith(".yml");
    }

    private static Path copyTree(Path from, Path to) {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
            return to;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
