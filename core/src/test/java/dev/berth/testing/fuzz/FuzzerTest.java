package dev.berth.testing.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness itself: inputs rebuilt from seed and index, and each kind of failure caught and counted. */
class FuzzerTest {
    private static final List<CorpusFile> CORPUS = List.of(
            new CorpusFile("a", "FROM alpine\nRUN echo a\n".getBytes(StandardCharsets.UTF_8)),
            new CorpusFile("b", "FROM debian\nCMD [\"b\"]\n".getBytes(StandardCharsets.UTF_8)));

    @TempDir
    Path dir;

    /** The typed exception of the fake loader below. */
    static final class Typed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Location at;

        Typed(Location at) {
            super("typed", null, false, false);
            this.at = at;
        }
    }

    private Fuzzer fuzzer(long seed, int count) {
        return new Fuzzer("harness", new DockerfileGrammar(), CORPUS, seed, count, null, Duration.ofMillis(300));
    }

    @Test
    void input_isRebuiltFromSeedAndIndexAlone() {
        for (int i = 0; i < 60; i++) {
            FuzzInput one = fuzzer(7, 60).input(i);
            FuzzInput again = fuzzer(7, 1).input(i);
            assertThat(again.bytes()).isEqualTo(one.bytes());
            assertThat(again.mutation()).isEqualTo(one.mutation());
        }
        long differ = java.util.stream.IntStream.range(0, 60)
                .filter(i -> !java.util.Arrays.equals(fuzzer(7, 60).input(i).bytes(), fuzzer(8, 60).input(i).bytes()))
                .count();
        assertThat(differ).isGreaterThan(30);
    }

    @Test
    void run_countsEachOutcome_andSurvivesAHang() throws IOException {
        FuzzReport report = fuzzer(1, 12).run(new Target() {
            @Override
            public Path write(FuzzInput input) throws IOException {
                return Files.write(dir.resolve("Dockerfile"), "one\ntwo\n".getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public void load(FuzzInput input, Path file) {
                switch (input.index() % 6) {
                    case 0 -> { }
                    case 1 -> throw new Typed(new Location(file, 2, 3));
                    case 2 -> throw new NullPointerException("a bug");
                    case 3 -> throw new Typed(new Location(file, 0, 0));
                    case 4 -> throw new Typed(new Location(file, 9, 1)); // past the end of the file
                    default -> {
                        while (!Thread.currentThread().isInterrupted()) { // spins until the harness gives up on it
                            Thread.onSpinWait();
                        }
                    }
                }
            }
        }, t -> t instanceof Typed typed ? typed.at : null);

        assertThat(report.count(FuzzReport.Outcome.ACCEPTED)).isEqualTo(2);
        assertThat(report.count(FuzzReport.Outcome.REJECTED)).isEqualTo(2);
        assertThat(report.count(FuzzReport.Outcome.OTHER_EXCEPTION)).isEqualTo(2);
        assertThat(report.count(FuzzReport.Outcome.UNLOCATED)).isEqualTo(4);
        assertThat(report.count(FuzzReport.Outcome.OVER_TIME_LIMIT)).isEqualTo(2);
        assertThat(report.failures()).hasSize(8).anyMatch(f -> f.contains("past the end"))
                .anyMatch(f -> f.contains("NullPointerException")).anyMatch(f -> f.contains("still running"));
        assertThat(Path.of("target", "fuzz", "harness-1-5.input")).exists();
    }
}
