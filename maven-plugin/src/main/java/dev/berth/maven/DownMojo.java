package dev.berth.maven;

import dev.berth.Engine;
import dev.berth.compose.DownCommand;
import dev.berth.compose.RemoveImages;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code docker compose down}: removes the project's containers, networks and (by default) volumes after the
 * integration tests. Bound to {@code post-integration-test}, which runs even when tests fail: Failsafe's
 * {@code integration-test} goal records failures and its {@code verify} goal fails the build afterwards.
 */
@Mojo(name = "down", defaultPhase = LifecyclePhase.POST_INTEGRATION_TEST, threadSafe = true)
public class DownMojo extends ComposeMojo {
    /** Also removes named and anonymous volumes ({@code -v}). */
    @Parameter(property = "berth.volumes", defaultValue = "true")
    boolean volumes;

    /** Also removes images: {@code local} (those without a custom tag) or {@code all} ({@code --rmi}). */
    @Parameter(property = "berth.rmi")
    String rmi;

    /** Seconds to wait for containers to stop before killing them ({@code -t}); default: each container's own. */
    @Parameter(property = "berth.timeout")
    Integer timeout;

    /** Skips this goal. */
    @Parameter(property = "berth.skip.down", defaultValue = "false")
    boolean skipDown;

    @Override
    Optional<String> goalSkipFlag() {
        return skipDown ? Optional.of("berth.skip.down") : Optional.empty();
    }

    @Override
    void run() {
        try (Engine engine = connect()) {
            DownCommand down = load(engine).down().removeOrphans().progress(this::progress);
            if (volumes) {
                down.volumes();
            }
            if (rmi != null && !rmi.isBlank()) {
                down.rmi(removeImages(rmi));
            }
            if (timeout != null) {
                down.timeout(Duration.ofSeconds(timeout));
            }
            down.run();
        }
    }

    static RemoveImages removeImages(String value) {
        try {
            return RemoveImages.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("<rmi> '" + value + "' must be local or all", e);
        }
    }
}
