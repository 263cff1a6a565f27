package dev.berth.bench;

import dev.berth.CleanupReport;
import dev.berth.Engine;
import dev.berth.EngineConfig;
import dev.berth.Labels;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Time from {@code kill -9} of a JVM in the middle of a berth-junit run (3 containers, a network, a volume, its
 * heartbeat) to all of it being gone, when the next Berth session starts right after the kill: (a) in a fresh JVM, as
 * the next {@code mvn test} would ({@link NextSession}; from its launch to its report), (b) in a running JVM (from
 * {@code Engine.connect} to {@code reapDeadSessions()} returning). Usage: {@code CrashReapBenchmark [rounds]}.
 */
public final class CrashReapBenchmark {
    private CrashReapBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        String cp = System.getProperty("java.class.path");
        try (Engine engine = Engine.connect(EngineConfig.fromEnv())) {
            LifecycleBenchmark.ensureImage(engine);
        }
        Stats freshKillToGone = new Stats();
        Stats freshStartToGone = new Stats();
        Stats inJvmKillToGone = new Stats();
        Stats inJvmStartToGone = new Stats();
        for (int i = 0; i < rounds; i++) {
            // (a) the next session is a fresh JVM
            Killed victim = startAndKill(cp);
            String dead = victim.session();
            long kill = victim.killedAt();
            long launch = System.nanoTime();
            Process next = new ProcessBuilder(List.of(System.getProperty("java.home") + "/bin/java", "-cp", cp,
                    NextSession.class.getName())).redirectErrorStream(true).start();
            long reaped = awaitLine(next, "REAPED");
            next.waitFor();
            check(dead);
            freshKillToGone.add((reaped - kill) / 1e6);
            freshStartToGone.add((reaped - launch) / 1e6);

            // (b) the next session starts in this JVM
            victim = startAndKill(cp);
            dead = victim.session();
            kill = victim.killedAt();
            long start = System.nanoTime();
            try (Engine engine = Engine.connect(EngineConfig.builder().cleanupOnClose(true).build())) {
                engine.startHeartbeat();
                CleanupReport r = engine.reapDeadSessions();
                long done = System.nanoTime();
                if (r.containers().size() < 3) {
                    throw new IllegalStateException("reaped only " + r);
                }
                inJvmKillToGone.add((done - kill) / 1e6);
                inJvmStartToGone.add((done - start) / 1e6);
            }
            check(dead);
        }
        System.out.println("| next session | n | kill → all gone, median ms | session start → all gone, median ms |"
                + " p90 ms |");
        System.out.println("|---|---:|---:|---:|---:|");
        System.out.printf("| fresh JVM (next test run) | %d | %.1f | %.1f | %.1f |%n", freshKillToGone.size(),
                freshKillToGone.median(), freshStartToGone.median(), freshStartToGone.percentile(90));
        System.out.printf("| running JVM | %d | %.1f | %.1f | %.1f |%n", inJvmKillToGone.size(),
                inJvmKillToGone.median(), inJvmStartToGone.median(), inJvmStartToGone.percentile(90));
    }

    /** A killed victim: its session, and when SIGKILL was sent ({@link System#nanoTime()}). */
    private record Killed(String session, long killedAt) {
    }

    /** Starts a victim JVM, waits until its test blocks with its fixtures up, kills it with SIGKILL. */
    private static Killed startAndKill(String cp) throws Exception {
        Process victim = new ProcessBuilder(List.of(System.getProperty("java.home") + "/bin/java", "-cp", cp,
                FixtureRunner.class.getName(), VictimFixtures.class.getName())).redirectErrorStream(true).start();
        String session = null;
        BufferedReader r = new BufferedReader(new InputStreamReader(victim.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = r.readLine()) != null; ) {
            if (line.startsWith("SESSION ")) {
                session = line.substring(8).trim();
                break;
            }
        }
        if (session == null) {
            throw new IllegalStateException("the victim JVM printed no session");
        }
        try (Engine engine = Engine.connect(EngineConfig.fromEnv())) {
            int n = engine.containers().label(Labels.SESSION, session).ids().size();
            if (n != 3) {
                throw new IllegalStateException("victim has " + n + " containers, expected 3");
            }
        }
        long killedAt = System.nanoTime();
        victim.destroyForcibly(); // SIGKILL
        victim.waitFor();
        return new Killed(session, killedAt);
    }

    private static long awaitLine(Process p, String prefix) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder out = new StringBuilder();
        for (String line; (line = r.readLine()) != null; ) {
            out.append(line).append('\n');
            if (line.startsWith(prefix)) {
                return System.nanoTime();
            }
        }
        throw new IllegalStateException("no " + prefix + " line:\n" + out);
    }

    private static void check(String dead) {
        try (Engine engine = Engine.connect(EngineConfig.fromEnv())) {
            int left = engine.containers().all().label(Labels.SESSION, dead).ids().size()
                    + engine.networks().label(Labels.SESSION, dead).ids().size()
                    + engine.volumes().label(Labels.SESSION, dead).names().size();
            if (left != 0) {
                throw new IllegalStateException(left + " resources of dead session " + dead + " remain");
            }
        }
    }
}
