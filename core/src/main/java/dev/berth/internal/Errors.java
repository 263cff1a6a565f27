package dev.berth.internal;

import dev.berth.BerthException;
import dev.berth.ConflictException;
import dev.berth.ContainerNotFoundException;
import dev.berth.ContainerNotRunningException;
import dev.berth.EngineUnavailableException;
import dev.berth.ImageNotFoundException;
import dev.berth.NetworkNotFoundException;
import dev.berth.UnauthorizedException;
import dev.berth.VolumeNotFoundException;

import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the engine's error statuses and connection failures into Berth's exceptions, with the resource name and what to do. */
public final class Errors {
    private static final Pattern NETWORK_NOT_FOUND = Pattern.compile("\\bnetwork \\S+ not found|no such network",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PORT = Pattern.compile("(?:Bind for [^ ]*:(\\d+) failed|listen tcp[46]? [^ ]*:(\\d+): bind)");

    private Errors() {
    }

    /**
     * Translates a failure of {@code action} (e.g. "start") on the resource {@code kind} named {@code name}.
     *
     * @return the exception to throw; never null
     */
    public static RuntimeException translate(RuntimeException e, String kind, String name, String action) {
        if (e instanceof BerthException) {
            return e;
        }
        if (e instanceof EngineHttpException de) {
            return fromStatus(de, de.getHttpStatus(), engineMessage(de), kind, name, action);
        }
        if (hasCause(e, ClosedByInterruptException.class)) {
            // The calling thread was interrupted while it waited for the engine: not the engine's failure. The JDK
            // keeps the interrupt status set; set it again in case a layer above cleared it.
            Thread.currentThread().interrupt();
            return new BerthException("Interrupted while trying to " + action + " " + kind + " '" + name + "'", e);
        }
        if (hasCause(e, IOException.class)) {
            return new EngineUnavailableException(null, "Lost the connection to the Docker engine while trying to "
                    + action + " " + kind + " '" + name + "': " + rootMessage(e)
                    + "; check that the engine is still running", e);
        }
        return new BerthException("Cannot " + action + " " + kind + " '" + name + "': " + rootMessage(e), e);
    }

    /**
     * A stream (logs, events, a build's progress) whose connection broke before the engine ended it: the engine
     * stopped, crashed or restarted. {@code doing} completes "while …", e.g. "following the logs of container 'web'".
     */
    public static EngineUnavailableException lost(URI host, String doing, Throwable cause) {
        return new EngineUnavailableException(host, "Lost the connection to the Docker engine at " + host + " while "
                + doing + ": " + rootMessage(cause) + "; the engine stopped or restarted: check that it is running,"
                + " then try again", cause);
    }

    /** The connection-level failure when the engine cannot be reached at all. */
    public static EngineUnavailableException unavailable(URI host, String source, Throwable cause) {
        return new EngineUnavailableException(host, "Cannot connect to the Docker engine at " + host + " (from " + source
                + "): " + rootMessage(cause) + ". Is the engine running? Start it (e.g. `sudo systemctl start docker`"
                + " or `sudo dockerd`), or point DOCKER_HOST or a docker context at a running engine.", cause);
    }

    private static RuntimeException fromStatus(EngineHttpException e, int status, String msg, String kind, String name,
                                               String action) {
        String lower = msg.toLowerCase(Locale.ROOT);
        String what = "Cannot " + action + " " + kind + (name.isEmpty() ? "" : " '" + name + "'");
        RuntimeException networkOrVolume = networkOrVolume(e, status, msg, lower, kind, name, what);
        if (networkOrVolume != null) {
            return networkOrVolume;
        }
        if (status == 404) {
            if (lower.contains("no such image") || lower.contains("pull access denied")
                    || (lower.contains("repository") && lower.contains("not found"))) {
                return new ImageNotFoundException(imageIn(msg, kind.equals("image") ? name : null), e);
            }
            if (lower.contains("network") && lower.contains("not found")) {
                return new NetworkNotFoundException(kind.equals("network") ? name : quoted(msg, name), e);
            }
            if (lower.contains("no such volume")) {
                return new VolumeNotFoundException(kind.equals("volume") ? name : quoted(msg, name), e);
            }
            if (lower.contains("could not find the file") || lower.contains("no such file")) {
                return new dev.berth.NotFoundException("path", name, what + ": " + msg
                        + "; check the path inside the container (its parent directory must exist)", e);
            }
            if (lower.contains("no such container")) {
                return new ContainerNotFoundException(kind.equals("container") ? name : containerIn(msg, name), e);
            }
            if (kind.equals("container")) {
                return new ContainerNotFoundException(name, e);
            }
            if (kind.equals("image")) {
                return new ImageNotFoundException(name, e);
            }
            return new dev.berth.NotFoundException(kind, name, what + ": " + msg, e);
        }
        if (status == 401) {
            return new UnauthorizedException(what + ": the registry refused the credentials (" + msg
                    + "); check the user name and password or token", e);
        }
        if (status == 409) {
            if (lower.contains("is not running") || lower.contains("is paused")) {
                return new ContainerNotRunningException(name, msg, e);
            }
            if (lower.contains("already in use") || lower.contains("already exists")) {
                return new ConflictException(what + ": the name is already in use (" + msg + "); choose another name or"
                        + " remove the " + kind + " that has it", e);
            }
            return new ConflictException(what + ": " + msg + "; " + conflictAdvice(kind), e);
        }
        if (lower.contains("port is already allocated") || lower.contains("address already in use")) {
            Matcher m = PORT.matcher(msg);
            String port = m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)) : "?";
            if (kind.equals("swarm")) {
                return new ConflictException(what + ": port " + port + " is already in use on the engine's host (another"
                        + " engine there may be a swarm manager); pass another listen address (SwarmInit listenAddr,"
                        + " docker swarm init --listen-addr) or stop what listens there", e);
            }
            return new ConflictException(what + ": host port " + port + " is already allocated; publish another host"
                    + " port or stop the container using it", e);
        }
        if (status == 400) {
            return new BerthException(what + ": the engine rejected the request: " + msg
                    + "; check the values passed to Berth", e);
        }
        return new BerthException(what + ": " + msg + " (HTTP " + status + ")", e);
    }

    /** Failures specific to networks and volumes, whatever status the engine version sends them with; else null. */
    private static RuntimeException networkOrVolume(EngineHttpException e, int status, String msg, String lower,
                                                    String kind, String name, String what) {
        if (lower.contains("has active endpoints")) {
            return new ConflictException(what + ": containers are still connected to it (" + msg + "); disconnect"
                    + " them (network.disconnect(container)) or remove them first", e);
        }
        if (lower.contains("endpoint with name") && lower.contains("already exists in network")) {
            return new ConflictException(what + ": the container is already connected to that network (" + msg
                    + "); disconnect it first to connect it with other settings", e);
        }
        if (lower.contains("volume is in use")) {
            return new ConflictException(what + ": the volume is in use by containers " + inBrackets(msg)
                    + "; remove those containers first (a stopped container still holds its volumes)", e);
        }
        if (NETWORK_NOT_FOUND.matcher(msg).find()) {
            return new NetworkNotFoundException(kind.equals("network") && !lower.contains("attach")
                    ? name : quoted(msg, name), e);
        }
        if (lower.contains("plugin") && lower.contains("not found")) {
            return new dev.berth.NotFoundException("plugin", name, what + ": " + msg + "; install the driver's"
                    + " plugin (docker plugin install) or use a built-in driver such as local or bridge", e);
        }
        if (lower.contains("not a swarm manager")) {
            return new BerthException(what + ": the engine is not a swarm manager (" + msg + "); overlay networks"
                    + " and services need swarm mode: run docker swarm init, or use the bridge driver", e);
        }
        if (lower.contains("address pool") || lower.contains("pool overlaps") || lower.contains("overlaps with")) {
            return new ConflictException(what + ": no free address range (" + msg + "); give the network a subnet"
                    + " that no other network uses (.subnet(\"10.99.0.0/24\"), an IPv6 one for ipv6()), or remove"
                    + " unused networks", e);
        }
        return null;
    }

    private static String inBrackets(String msg) {
        int open = msg.indexOf('[');
        int close = msg.lastIndexOf(']');
        return open >= 0 && close > open ? msg.substring(open, close + 1) : "[?]";
    }

    private static String containerIn(String msg, String fallback) {
        Matcher m = Pattern.compile("No such container: ?([^ ,]+)", Pattern.CASE_INSENSITIVE).matcher(msg);
        return m.find() ? m.group(1) : fallback;
    }

    private static String conflictAdvice(String kind) {
        return switch (kind) {
            case "network" -> "disconnect or remove the containers using the network first";
            case "volume" -> "remove the containers using the volume first";
            case "image" -> "remove the containers using the image first, or force the removal";
            default -> "resolve the conflict and retry";
        };
    }

    /** The engine's own message, unwrapped from the "Status N: {json}" text. */
    public static String engineMessage(EngineHttpException e) {
        String text = e.getMessage() == null ? "" : e.getMessage().trim();
        int brace = text.indexOf('{');
        if (brace >= 0) {
            try {
                String message = JsonValues.str(Json.read(text.substring(brace)), "message");
                if (!message.isEmpty()) {
                    return message.trim();
                }
            } catch (IllegalArgumentException notJson) {
                // not the engine's JSON error body: use the text as it is
            }
        }
        return text.replaceFirst("^Status \\d+: ", "");
    }

    private static String imageIn(String msg, String fallback) {
        Matcher m = Pattern.compile("(?:No such image|repository does not exist or may require 'docker login'|"
                + "pull access denied for) ?:? ?([^ ,]+)").matcher(msg);
        if (m.find()) {
            return m.group(1);
        }
        return fallback != null ? fallback : msg;
    }

    private static String quoted(String msg, String fallback) {
        Matcher m = Pattern.compile("(?:network|volume) ([^ ]+) not found|no such volume: ?([^ ]+)",
                Pattern.CASE_INSENSITIVE).matcher(msg);
        if (m.find()) {
            return m.group(1) != null ? m.group(1) : m.group(2);
        }
        return fallback;
    }

    /** Whether {@code t} or one of its causes is a {@code type}. */
    public static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    /** The innermost message of a cause chain. */
    public static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        String m = c.getMessage();
        return m == null ? c.getClass().getSimpleName() : m;
    }
}
