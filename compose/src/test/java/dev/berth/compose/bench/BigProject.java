package dev.berth.compose.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the benchmark project: 500 services built from anchors and merge keys, with interpolated values and an
 * override file ({@code compose.yaml} + {@code compose.override.yaml} + {@code .env}).
 */
public final class BigProject {
    public static final int SERVICES = 500;

    private BigProject() {
    }

    public static void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        StringBuilder b = new StringBuilder();
        b.append("""
                name: big
                x-common: &common
                  restart: unless-stopped
                  environment: &env
                    TZ: ${TZ:-UTC}
                    LOG_LEVEL: ${LOG_LEVEL:-info}
                  labels:
                    com.example.stack: big
                  logging:
                    driver: json-file
                    options: {max-size: 10m, max-file: "3"}
                  healthcheck:
                    test: curl -f http://localhost:${PORT:-8080}/health
                    interval: 30s
                    timeout: 5s
                    retries: 3
                  deploy:
                    resources:
                      limits: {cpus: "0.25", memory: 64M}
                services:
                """);
        for (int i = 0; i < SERVICES; i++) {
            b.append("  svc").append(i).append(":\n")
                    .append("    <<: *common\n")
                    .append("    image: ${REGISTRY:-registry.local}/svc").append(i).append(":${TAG:-latest}\n")
                    .append("    ports: [\"").append(20000 + i).append(":8080\"]\n")
                    .append("    volumes: [\"./data/svc").append(i).append(":/data\", \"cache:/cache\"]\n")
                    .append("    environment:\n      <<: *env\n      INDEX: \"").append(i).append("\"\n")
                    .append("    networks: [front, back]\n");
            if (i > 0) {
                b.append("    depends_on: [svc").append(i - 1).append("]\n");
            }
        }
        b.append("volumes:\n  cache: {}\nnetworks:\n  front: {}\n  back: {internal: true}\n");
        Files.writeString(dir.resolve("compose.yaml"), b.toString());
        StringBuilder o = new StringBuilder("services:\n");
        for (int i = 0; i < SERVICES; i += 2) {
            o.append("  svc").append(i).append(":\n    environment:\n      OVERRIDDEN: \"${STAGE:-dev}\"\n")
                    .append("    ports: [\"").append(30000 + i).append(":9090\"]\n");
        }
        Files.writeString(dir.resolve("compose.override.yaml"), o.toString());
        Files.writeString(dir.resolve(".env"), "TAG=1.0.0\nSTAGE=bench\n");
    }

    /** Writes the project into the directory given as the first argument. */
    public static void main(String[] args) throws IOException {
        write(Path.of(args[0]));
    }
}
