package dev.berth.junit.internal;

import dev.berth.BerthException;
import dev.berth.compose.Compose;
import dev.berth.compose.ComposeLogLine;
import dev.berth.compose.ComposeProject;
import dev.berth.compose.LoadOptions;
import dev.berth.compose.model.Project;
import dev.berth.junit.FixtureException;
import dev.berth.junit.FixtureLogs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A {@code @Managed LoadOptions}: the Compose project brought {@code up --wait}, then {@code down -v} after its scope.
 * Without an explicit project name it gets the loaded name plus a random suffix, so parallel classes and runs using
 * the same file do not share containers.
 */
record ComposeFixture(String field, LoadOptions options, Duration timeout, boolean reuse, Set<String> dependsOn)
        implements Fixture {

    @Override
    public Fixture withDependencies(Set<String> more) {
        return new ComposeFixture(field, options, timeout, reuse, Fixture.union(dependsOn, more));
    }

    @Override
    public Started start(EngineSession session) {
        Project loaded = load(options);
        if (reuse && session.reuseEnabled()) {
            return Reuse.compose(session, this, loaded);
        }
        Project project = options.projectName() != null ? loaded
                : load(options.toBuilder().projectName(loaded.name() + "-" + UUID.randomUUID().toString()
                .substring(0, 8)).build());
        ComposeProject app = Compose.project(session.engine(), project);
        up(app);
        return started(app, true);
    }

    /** {@code up -d --wait}; on failure the project's logs are attached and what was created is taken down. */
    void up(ComposeProject app) {
        try {
            app.up().waitReady(timeout).run();
        } catch (BerthException e) {
            FixtureException failure = new FixtureException("Compose fixture '" + field + "' (project " + app.name()
                    + ") did not come up: " + e.getMessage(), e);
            logs(app, 50).forEach(failure::addSuppressed);
            try {
                app.down().volumes().run();
            } catch (RuntimeException suppressed) {
                failure.addSuppressed(suppressed);
            }
            throw failure;
        }
    }

    Started started(ComposeProject app, boolean owned) {
        return new Started(field, app, owned ? () -> app.down().volumes().run() : () -> { }, lines -> logs(app, lines));
    }

    Project load(LoadOptions o) {
        try {
            return Compose.load(o);
        } catch (BerthException e) {
            throw new FixtureException("Cannot load Compose fixture '" + field + "': " + e.getMessage(), e);
        }
    }

    static List<FixtureLogs> logs(ComposeProject app, int lines) {
        try {
            Map<String, StringBuilder> byContainer = new LinkedHashMap<>();
            for (ComposeLogLine l : app.logs().tail(lines).fetch()) {
                byContainer.computeIfAbsent(l.container(), k -> new StringBuilder()).append(l.text()).append('\n');
            }
            List<FixtureLogs> out = new ArrayList<>();
            byContainer.forEach((c, text) -> out.add(new FixtureLogs(c, lines, text.toString())));
            return out;
        } catch (RuntimeException e) {
            return List.of(new FixtureLogs(app.name(), 0, "(logs unavailable: " + e.getMessage() + ")"));
        }
    }
}
