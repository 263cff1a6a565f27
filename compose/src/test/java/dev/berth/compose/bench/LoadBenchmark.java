package dev.berth.compose.bench;

import dev.berth.compose.Compose;
import dev.berth.compose.LoadOptions;
import dev.berth.compose.model.Project;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Warm load of the 500-service {@link BigProject} (anchors, interpolation, override file), with and without rendering
 * {@code config --format json}. Run: see docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LoadBenchmark {
    private LoadOptions options;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path dir = Files.createTempDirectory("berth-bench");
        BigProject.write(dir);
        options = LoadOptions.builder().projectDirectory(dir).environment(Map.of("LOG_LEVEL", "debug"))
                .file(dir.resolve("compose.yaml")).file(dir.resolve("compose.override.yaml")).build();
    }

    @Benchmark
    public Project load() {
        return Compose.load(options);
    }

    @Benchmark
    public String loadAndRenderJson() {
        return Compose.load(options).toJson();
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(LoadBenchmark.class.getSimpleName()).build()).run();
    }
}
