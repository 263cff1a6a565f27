package dev.berth.junit;

import dev.berth.CleanupReport;
import dev.berth.Engine;
import dev.berth.Labels;
import dev.berth.internal.Cleanup;
import dev.berth.internal.EngineAccess;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Objects;
import java.util.UUID;

/** Helpers for declaring fixtures. */
public final class Fixtures {
    private Fixtures() {
    }

    /** {@code prefix-} and eight random hex digits: a name no parallel test or other run will also choose. */
    public static String uniqueName(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * The file of a resource on the test classpath (e.g. {@code src/test/resources/shop/compose.yaml} as
     * {@code "shop/compose.yaml"}), for Compose projects, whose relative paths need a real directory.
     *
     * @throws FixtureException if there is no such resource, or it is inside a jar rather than a directory
     */
    public static Path classpathFile(String resource) {
        Objects.requireNonNull(resource, "resource");
        String name = resource.startsWith("/") ? resource.substring(1) : resource;
        URL url = Thread.currentThread().getContextClassLoader().getResource(name);
        if (url == null) {
            url = Fixtures.class.getClassLoader().getResource(name);
        }
        if (url == null) {
            throw new FixtureException("No resource '" + name + "' on the test classpath; put it under"
                    + " src/test/resources/" + name + " or pass a Path");
        }
        if (!"file".equals(url.getProtocol())) {
            throw new FixtureException("Resource '" + name + "' is inside " + url + ", not a file; Compose needs a"
                    + " directory for its relative paths, so keep it in src/test/resources or pass a Path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new FixtureException("Resource '" + name + "' has an unreadable location " + url, e);
        }
    }

    /**
     * Removes every reusable fixture ({@link Managed#reuse()}) on the engine, whichever run created it: containers,
     * networks and volumes labelled {@link Labels#REUSE}. Blocks until done.
     */
    public static CleanupReport removeReused(Engine engine) {
        Objects.requireNonNull(engine, "engine");
        return Cleanup.byLabel(EngineAccess.connection(engine), Labels.REUSE);
    }
}
