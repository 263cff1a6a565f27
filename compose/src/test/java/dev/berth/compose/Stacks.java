package dev.berth.compose;

import dev.berth.Engine;
import dev.berth.testing.TestImages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Compose files for the engine tests, written into a temporary project directory; images are busybox-based. */
final class Stacks {
    static final String IMAGE = TestImages.BUSYBOX;

    private Stacks() {
    }

    /** Writes {@code compose.yaml} (and extra files) and returns its path. */
    static Path write(Path dir, String yaml, Map<String, String> files) {
        try {
            for (var e : files.entrySet()) {
                Path f = dir.resolve(e.getKey());
                Files.createDirectories(f.getParent());
                Files.writeString(f, e.getValue());
            }
            Path compose = dir.resolve("compose.yaml");
            Files.writeString(compose, yaml.replace("IMAGE", IMAGE));
            return compose;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ComposeProject project(Engine engine, Path compose, String name) {
        return project(engine, compose, name, Map.of());
    }

    static ComposeProject project(Engine engine, Path compose, String name, Map<String, String> env) {
        return Compose.project(engine, LoadOptions.builder().file(compose).projectName(name)
                .environment(env).build());
    }

    /**
     * A realistic stack: an httpd front publishing a port and depending on a healthy backend, a redis-like nc server
     * on a declared network with an alias, a one-shot migration, a named volume, a bind mount, a file secret and
     * config, environment, restart policies and stop grace periods.
     */
    static String rich() {
        return """
                services:
                  front:
                    image: IMAGE
                    command: ["httpd", "-f", "-p", "8080", "-h", "/www"]
                    ports:
                      - "127.0.0.1::8080"
                    volumes:
                      - ./www:/www:ro
                    depends_on:
                      backend:
                        condition: service_healthy
                      migrate:
                        condition: service_completed_successfully
                    networks: [front, back]
                    restart: unless-stopped
                    stop_grace_period: 3s
                  backend:
                    image: IMAGE
                    command: ["sh", "-c", "while true; do echo PONG | nc -l -p 6379; done"]
                    environment:
                      MODE: "primary"
                      GREETING: "a<b & c>d"
                    healthcheck:
                      test: ["CMD-SHELL", "true"]
                      interval: 1s
                      retries: 30
                    volumes:
                      - data:/data
                    networks:
                      back:
                        aliases: [redis, cache]
                    secrets: [token]
                    configs:
                      - source: settings
                        target: /etc/settings.conf
                    labels:
                      tier: data
                    restart: always
                  migrate:
                    image: IMAGE
                    command: ["sh", "-c", "echo migrated"]
                    networks: [back]
                networks:
                  front: {}
                  back: {}
                volumes:
                  data: {}
                secrets:
                  token:
                    file: ./token.txt
                configs:
                  settings:
                    file: ./settings.conf
                """;
    }

    static Map<String, String> richFiles() {
        return Map.of("www/index.html", "hello from front\n", "token.txt", "s3cret\n", "settings.conf", "level=debug\n");
    }

    static List<String> composeArgs(String project, String... rest) {
        List<String> args = new java.util.ArrayList<>(List.of("-p", project, "-f", "compose.yaml"));
        args.addAll(List.of(rest));
        return args;
    }
}
