package dev.berth.maven;

import dev.berth.wait.Wait;
import dev.berth.wait.WaitStrategy;

import java.time.Duration;
import java.util.Optional;

/**
 * The start goal's {@code waitFor} value: {@code running} (nothing more), {@code healthy}, {@code log:REGEX},
 * {@code port:PORT} or {@code http:PORT/PATH} (200 on {@code GET PATH} over the published port).
 */
final class WaitSpec {
    private WaitSpec() {
    }

    static Optional<WaitStrategy> parse(String value, Duration timeout) {
        String v = value == null ? "" : value.strip();
        int colon = v.indexOf(':');
        String kind = colon < 0 ? v : v.substring(0, colon);
        String arg = colon < 0 ? "" : v.substring(colon + 1);
        WaitStrategy strategy = switch (kind) {
            case "", "running" -> null;
            case "healthy" -> Wait.forHealthy();
            case "log" -> Wait.forLogMessage(require(arg, v));
            case "port" -> Wait.forPort(port(require(arg, v), v));
            case "http" -> {
                String a = require(arg, v);
                int slash = a.indexOf('/');
                String path = slash < 0 ? "/" : a.substring(slash);
                yield Wait.forHttp(path).forPort(port(slash < 0 ? a : a.substring(0, slash), v));
            }
            default -> throw bad(v);
        };
        return Optional.ofNullable(strategy).map(s -> s.withTimeout(timeout));
    }

    private static String require(String arg, String value) {
        if (arg.isEmpty()) {
            throw bad(value);
        }
        return arg;
    }

    private static int port(String text, String value) {
        try {
            int port = Integer.parseInt(text);
            if (port > 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below with the whole value
        }
        throw bad(value);
    }

    private static IllegalArgumentException bad(String value) {
        return new IllegalArgumentException("<waitFor> '" + value + "' is not understood; use running, healthy,"
                + " log:REGEX, port:PORT or http:PORT/PATH");
    }
}
