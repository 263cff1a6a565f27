package dev.berth.maven;

import dev.berth.dockerfile.Command;
import dev.berth.dockerfile.Dockerfile;
import dev.berth.dockerfile.DockerfileBuilder;
import dev.berth.dockerfile.ExposedPort;
import dev.berth.dockerfile.Protocol;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A Dockerfile made from the plugin's short parameters through Berth's typed model, in the order a hand-written one
 * would have: FROM, ENV, WORKDIR, COPY, RUN, EXPOSE, USER, HEALTHCHECK, ENTRYPOINT, CMD.
 */
record GeneratedDockerfile(String from, List<String> copy, List<String> run, Map<String, String> env,
                           List<String> expose, String workdir, String user, List<String> entrypoint,
                           List<String> cmd, String healthcheck) {

    GeneratedDockerfile {
        Objects.requireNonNull(from, "from");
        copy = copy == null ? List.of() : List.copyOf(copy);
        run = run == null ? List.of() : List.copyOf(run);
        env = env == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(env));
        expose = expose == null ? List.of() : List.copyOf(expose);
        entrypoint = entrypoint == null ? List.of() : List.copyOf(entrypoint);
        cmd = cmd == null ? List.of() : List.copyOf(cmd);
    }

    Dockerfile model() {
        DockerfileBuilder b = Dockerfile.builder().from(from.strip());
        env.forEach(b::env);
        if (set(workdir)) {
            b.workdir(workdir.strip());
        }
        for (String entry : copy) {
            String[] words = entry.strip().split("\\s+");
            if (words.length < 2) {
                throw new IllegalArgumentException("<copy> entry '" + entry + "' needs a source and a destination,"
                        + " e.g. <copy>target/app.jar /app/app.jar</copy>");
            }
            b.copy().src(Arrays.copyOf(words, words.length - 1)).dest(words[words.length - 1]).done();
        }
        run.forEach(script -> b.run(script.strip()));
        for (String port : expose) {
            b.expose(exposed(port.strip()));
        }
        if (set(user)) {
            b.user(user.strip());
        }
        if (set(healthcheck)) {
            b.healthcheck().cmd(Command.shell(healthcheck.strip()));
        }
        if (!entrypoint.isEmpty()) {
            b.entrypoint(entrypoint.toArray(String[]::new));
        }
        if (!cmd.isEmpty()) {
            b.cmd(cmd.toArray(String[]::new));
        }
        return b.build();
    }

    private static ExposedPort exposed(String port) {
        int slash = port.indexOf('/');
        if (slash < 0) {
            return new ExposedPort(port, Protocol.TCP);
        }
        String proto = port.substring(slash + 1).toUpperCase(Locale.ROOT);
        if (!List.of("TCP", "UDP", "SCTP").contains(proto)) {
            throw new IllegalArgumentException("<expose> entry '" + port + "' has an unknown protocol; use tcp, udp or sctp");
        }
        return new ExposedPort(port.substring(0, slash), Protocol.valueOf(proto));
    }

    private static boolean set(String s) {
        return s != null && !s.isBlank();
    }
}
