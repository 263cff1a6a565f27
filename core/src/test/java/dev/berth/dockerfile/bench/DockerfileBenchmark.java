package dev.berth.dockerfile.bench;

import dev.berth.dockerfile.Dockerfile;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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

/**
 * Parse + render of a 1,000-line Dockerfile (goal: under 5 ms warm). Not a test; run it with
 * {@code mvn -pl core test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.berth.dockerfile.bench.DockerfileBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class DockerfileBenchmark {
    private String text;
    private Dockerfile model;

    @Setup
    public void setUp() {
        text = thousandLines();
        model = Dockerfile.parse(text);
    }

    @Benchmark
    public String parseAndRender() {
        return Dockerfile.parse(text).render();
    }

    @Benchmark
    public Dockerfile parse() {
        return Dockerfile.parse(text);
    }

    @Benchmark
    public String render() {
        return model.render();
    }

    /** A realistic 1,000-line multi-stage Dockerfile: continuations, heredocs, ENV/LABEL quoting, mounts, comments. */
    public static String thousandLines() {
        StringBuilder b = new StringBuilder("# syntax=docker/dockerfile:1.7\nARG BASE=debian:12-slim\n");
        int stage = 0;
        while (b.chars().filter(c -> c == '\n').count() < 1000) {
            b.append("\n# stage ").append(stage).append('\n');
            b.append("FROM --platform=$BUILDPLATFORM ${BASE} AS stage").append(stage).append('\n');
            b.append("LABEL org.opencontainers.image.title=\"Stage ").append(stage)
                    .append("\" org.opencontainers.image.version=1.0.").append(stage).append('\n');
            b.append("ENV APP_HOME=/srv/app PATH=\"/srv/app/bin:$PATH\" GREETING=\"hello \\\"world\\\"\"\n");
            b.append("RUN --mount=type=cache,target=/var/cache/apt,sharing=locked \\\n")
                    .append("    apt-get update \\\n")
                    .append("    && apt-get install -y --no-install-recommends curl=7.88.1 ca-certificates=20230311 \\\n")
                    .append("    && rm -rf /var/lib/apt/lists/*\n");
            b.append("WORKDIR /srv/app\n");
            b.append("COPY --chown=10001:10001 --chmod=0644 [\"config file.yaml\", \"./\"]\n");
            b.append("COPY <<EOF /srv/app/run.sh\n#!/bin/sh\nexec /srv/app/bin/app \"$@\"\nEOF\n");
            b.append("RUN <<-EOT bash\n\tset -eux\n\techo building ").append(stage).append("\n\tEOT\n");
            b.append("EXPOSE 8080/tcp 9090/udp\n");
            b.append("HEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD [\"curl\", \"-f\", \"http://localhost:8080/\"]\n");
            b.append("USER 10001:10001\n");
            b.append("CMD [\"/srv/app/run.sh\", \"--port\", \"8080\"]\n");
            stage++;
        }
        return b.toString();
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(DockerfileBenchmark.class.getSimpleName()).build()).run();
    }
}
