package dev.berth.image.bench;

import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import dev.berth.image.BuildContext;
import dev.berth.image.ContextStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Packs and sends a generated 10,000-file context with a realistic {@code .dockerignore}, through Berth and through
 * {@code DOCKER_BUILDKIT=0 docker build}, alternating in one run, (a) to a stand-in engine that only drains the body
 * and (b) to the real engine building {@code FROM scratch}. Prints a Markdown table. See docs/benchmarks.md.
 *
 * <p>Run: {@code mvn -q -pl core test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.berth.image.bench.ContextPackingBenchmark -Dexec.args="7"}
 */
public final class ContextPackingBenchmark {
    private static final String LABELS = "{\"dev.berth.managed\":\"true\"}";

    private ContextPackingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        Path dir = Files.createTempDirectory("berth-bench-context");
        int files = ContextTree.generate(dir);
        long tarBytes = packOnly(dir);
        System.out.printf("context: %s, %d files, Berth tar %.1f MB%n", dir, files, tarBytes / 1e6);

        Map<String, List<Long>> nanos = new LinkedHashMap<>();
        Map<String, Long> uploads = new LinkedHashMap<>();
        Path socket = Path.of("/tmp/berth-bench-engine.sock");
        try (FakeEngine sink = new FakeEngine(socket);
             DockerHttpClient toSink = client("unix://" + socket);
             DockerHttpClient toEngine = client("unix:///var/run/docker.sock")) {
            for (int round = 0; round < rounds; round++) {
                time(nanos, "cli → stand-in", () -> cli(dir, "unix://" + socket, sink));
                upload(nanos, uploads, "cli → stand-in, body only", sink);
                time(nanos, "berth → stand-in", () -> berth(toSink, dir, "berth-bench:berth", sink));
                upload(nanos, uploads, "berth → stand-in, body only", sink);
                time(nanos, "cli → engine", () -> cli(dir, null, null));
                time(nanos, "berth → engine", () -> berth(toEngine, dir, "berth-bench:berth", null));
                time(nanos, "berth pack only", () -> packOnly(dir));
            }
        } finally {
            run(List.of("docker", "rmi", "-f", "berth-bench:cli", "berth-bench:berth"), Map.of());
            delete(dir);
        }
        uploads.forEach((k, v) -> System.out.printf("%s: %d bytes received%n", k, v));
        System.out.printf("%n%d rounds; first round (cold JVM, cold caches) shown apart; times in ms%n%n", rounds);
        System.out.println("| path | first round | median of the rest | best | MB/s (median) | files/s (median) |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (Map.Entry<String, List<Long>> e : nanos.entrySet()) {
            List<Long> rest = new ArrayList<>(e.getValue().subList(1, e.getValue().size()));
            rest.sort(null);
            long median = rest.get(rest.size() / 2);
            System.out.printf("| %s | %.0f | %.0f | %.0f | %.0f | %.0f |%n", e.getKey(), e.getValue().get(0) / 1e6,
                    median / 1e6, rest.get(0) / 1e6, tarBytes / (median / 1e9) / 1e6, files / (median / 1e9));
        }
    }

    private static long packOnly(Path dir) {
        long[] count = {0};
        BuildContext.fromDirectory(dir).writeTo(new OutputStream() {
            @Override
            public void write(int b) {
                count[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                count[0] += len;
            }
        });
        return count[0];
    }

    private static void berth(DockerHttpClient client, Path dir, String tag, FakeEngine sink) throws IOException {
        try (ContextStream context = BuildContext.fromDirectory(dir).open()) {
            String path = "/v1.41/build?rm=1&q=1&t=" + encode(tag) + "&labels=" + encode(LABELS) + "&dockerfile="
                    + encode(context.dockerfile());
            DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                    .method(DockerHttpClient.Request.Method.POST).path(path)
                    .putHeader("Content-Type", "application/x-tar").body(context).build();
            try (DockerHttpClient.Response response = client.execute(request);
                 InputStream body = response.getBody()) {
                String output = new String(body.readAllBytes(), StandardCharsets.UTF_8);
                if (response.getStatusCode() != 200 || output.contains("\"error\"")) {
                    throw new IOException("build failed: " + response.getStatusCode() + " " + output);
                }
            }
        }
        checkUpload(sink);
    }

    private static void cli(Path dir, String host, FakeEngine sink) throws IOException, InterruptedException {
        Map<String, String> env = new LinkedHashMap<>(Map.of("DOCKER_BUILDKIT", "0"));
        if (host != null) {
            env.put("DOCKER_HOST", host);
        }
        int rc = run(List.of("docker", "build", "-q", "--label", "dev.berth.managed=true", "-t", "berth-bench:cli",
                dir.toString()), env);
        if (rc != 0) {
            throw new IOException("docker build failed with exit code " + rc);
        }
        checkUpload(sink);
    }

    private static void checkUpload(FakeEngine sink) throws IOException {
        if (sink != null && sink.lastUpload() == null) {
            throw new IOException("the stand-in engine received no build request");
        }
    }

    /** Records the time from the first to the last body byte the stand-in received, and the byte count. */
    private static void upload(Map<String, List<Long>> nanos, Map<String, Long> uploads, String name,
            FakeEngine sink) {
        FakeEngine.Upload upload = sink.takeUpload();
        nanos.computeIfAbsent(name, k -> new ArrayList<>()).add(upload.lastByteNanos() - upload.firstByteNanos());
        uploads.put(name.substring(0, name.indexOf(',')), upload.bytes());
    }

    private static int run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(env);
        return pb.start().waitFor();
    }

    private static DockerHttpClient client(String host) {
        return new ApacheDockerHttpClient.Builder().dockerHost(URI.create(host)).build();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void time(Map<String, List<Long>> nanos, String name, Step step) throws Exception {
        long start = System.nanoTime();
        step.run();
        nanos.computeIfAbsent(name, k -> new ArrayList<>()).add(System.nanoTime() - start);
    }

    private static void delete(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
