package dev.berth.bench;

import dev.berth.Engine;
import dev.berth.EngineConfig;
import dev.berth.container.Container;
import dev.berth.image.BuildSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One container lifecycle (create, start, wait, remove; command {@code true}) through Berth, raw HTTP on the socket,
 * the transport candidate Apache HttpClient 5.6 (same calls, same body as raw) and the docker CLI, alternating in the
 * same run. Usage: {@code LifecycleBenchmark [rounds]}.
 */
public final class LifecycleBenchmark {
    static final String IMAGE = "berth-test/busybox:1";
    /** The engine's unix socket: DOCKER_HOST's path if it names one, else the default. */
    static final String SOCKET = System.getenv().getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock")
            .replaceFirst("^unix://", "");
    /** Whether to measure the transport candidate too ({@code -Dbench.candidate=false} for a build without it). */
    static final boolean CANDIDATE = Boolean.parseBoolean(System.getProperty("bench.candidate", "true"));
    private static final Pattern ID = Pattern.compile("\"Id\":\"([0-9a-f]+)\"");

    private LifecycleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int warmup = 5;
        try (Engine engine = Engine.connect(EngineConfig.builder().cleanupOnClose(true).build());
             RawHttp raw = new RawHttp(SOCKET);
             Hc5Http hc5 = CANDIDATE ? new Hc5Http(SOCKET) : null) {
            ensureImage(engine);
            String api = "/v" + engine.apiVersion();
            String labels = engine.labels().entrySet().stream().map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"")
                    .reduce((a, b) -> a + "," + b).orElse("");
            String createBody = createBody("\"Cmd\":[\"true\"]", labels);
            Stats berth = new Stats();
            Stats rawStats = new Stats();
            Stats cli = new Stats();
            Stats hc5Stats = new Stats();
            Stats ratio = new Stats();
            Stats hc5Ratio = new Stats();
            Body berthRun = () -> {
                Container c = engine.container(IMAGE).command("true").create();
                c.start();
                c.await();
                c.remove();
            };
            Body rawRun = () -> {
                Matcher m = ID.matcher(raw.call("POST", api + "/containers/create", createBody));
                m.find();
                String id = m.group(1);
                raw.call("POST", api + "/containers/" + id + "/start", null);
                raw.call("POST", api + "/containers/" + id + "/wait", null);
                raw.call("DELETE", api + "/containers/" + id, null);
            };
            Body hc5Run = () -> {
                Matcher m = ID.matcher(hc5.call("POST", api + "/containers/create", createBody));
                m.find();
                String id = m.group(1);
                hc5.call("POST", api + "/containers/" + id + "/start", null);
                hc5.call("POST", api + "/containers/" + id + "/wait", null);
                hc5.call("DELETE", api + "/containers/" + id, null);
            };
            Body cliRun = () -> {
                String id = exec("docker", "create", "--label", "dev.berth.managed=true", IMAGE, "true").trim();
                exec("docker", "start", id);
                exec("docker", "wait", id);
                exec("docker", "rm", id);
            };
            for (int i = 0; i < rounds + warmup; i++) {
                // Alternate whether Berth or raw goes first, so neither always follows the other's disturbance.
                double b;
                double r;
                if (i % 2 == 0) {
                    b = time(berthRun);
                    r = time(rawRun);
                } else {
                    r = time(rawRun);
                    b = time(berthRun);
                }
                double h = CANDIDATE ? time(hc5Run) : 0;
                double d = time(cliRun);
                if (i >= warmup) {
                    berth.add(b);
                    rawStats.add(r);
                    hc5Stats.add(h);
                    cli.add(d);
                    ratio.add(b / r);
                    hc5Ratio.add(h / r);
                }
            }
            System.out.println("| path | n | median ms | p10 ms | p90 ms |");
            System.out.println("|---|---:|---:|---:|---:|");
            System.out.println(rawStats.row("raw HTTP on the socket"));
            System.out.println(berth.row("Berth"));
            if (CANDIDATE) {
                System.out.println(hc5Stats.row("Apache HttpClient 5.6 on the JDK unix socket (candidate)"));
            }
            System.out.println(cli.row("docker CLI (create, start, wait, rm)"));
            System.out.printf("Berth / raw: ratio of medians %.3f, median of per-round ratios %.3f%n",
                    berth.median() / rawStats.median(), ratio.median());
            if (CANDIDATE) {
                System.out.printf("HttpClient 5.6 / raw: ratio of medians %.3f, median of per-round ratios %.3f%n",
                        hc5Stats.median() / rawStats.median(), hc5Ratio.median());
            }
        }
    }

    /** The create body raw HTTP and the HttpClient candidate send: image, command, labels, attach flags. */
    static String createBody(String cmd, String labels) {
        return "{\"Image\":\"" + IMAGE + "\"," + cmd + ",\"Labels\":{" + labels + "},"
                + "\"AttachStdout\":true,\"AttachStderr\":true,\"HostConfig\":{}}";
    }

    static void ensureImage(Engine engine) {
        if (!engine.image(IMAGE).exists()) {
            engine.build(BuildSpec.builder()
                    .dockerfile("FROM scratch\nCOPY busybox /bin/busybox\nRUN [\"/bin/busybox\", \"--install\", \"-s\", \"/bin\"]\n")
                    .file("busybox", Path.of("/bin/busybox")).tag(IMAGE).build());
        }
    }

    interface Body {
        void run() throws Exception;
    }

    static double time(Body body) throws Exception {
        long t = System.nanoTime();
        body.run();
        return (System.nanoTime() - t) / 1e6;
    }

    static String exec(String... cmd) throws Exception {
        Process p = new ProcessBuilder(List.of(cmd)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
        }
        return out;
    }
}
