package dev.berth.dockerfile;

import static java.util.Objects.requireNonNull;

import dev.berth.internal.GoDuration;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code HEALTHCHECK [--interval] [--timeout] [--start-period] [--start-interval] [--retries] CMD <command>}, or
 * {@code HEALTHCHECK NONE} when {@code command} is empty. Unset options take Docker's defaults (30s, 30s, 0s, 5s, 3).
 */
public record Healthcheck(Optional<Command> command, Optional<Duration> interval, Optional<Duration> timeout,
                          Optional<Duration> startPeriod, Optional<Duration> startInterval, OptionalInt retries)
        implements Instruction {

    /** Refuses options on NONE, an empty command, negative durations and negative retries. */
    public Healthcheck {
        requireNonNull(command, "command");
        nonNegative("interval", interval);
        nonNegative("timeout", timeout);
        nonNegative("start-period", startPeriod);
        nonNegative("start-interval", startInterval);
        requireNonNull(retries, "retries");
        if (retries.isPresent() && retries.getAsInt() < 0) {
            throw new DockerfileValueException("HEALTHCHECK", "" + retries.getAsInt(), "retries must be >= 0");
        }
        boolean options = interval.isPresent() || timeout.isPresent() || startPeriod.isPresent()
                || startInterval.isPresent() || retries.isPresent();
        if (command.isEmpty() && options) {
            throw new DockerfileValueException("HEALTHCHECK", "NONE", "HEALTHCHECK NONE takes no options");
        }
        command.ifPresent(c -> {
            boolean empty = c instanceof ShellForm s ? s.script().isEmpty() : ((ExecForm) c).args().isEmpty();
            if (empty) {
                throw new DockerfileValueException("HEALTHCHECK", "", "HEALTHCHECK CMD needs a command");
            }
        });
    }

    /** {@code HEALTHCHECK NONE}: disables any healthcheck inherited from the base image. */
    public static Healthcheck none() {
        return new Healthcheck(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), OptionalInt.empty());
    }

    /** {@code HEALTHCHECK CMD <command>} with default options. */
    public static Healthcheck of(Command command) {
        return new Healthcheck(Optional.of(command), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), OptionalInt.empty());
    }

    /** Whether this is {@code HEALTHCHECK NONE}. */
    public boolean isNone() {
        return command.isEmpty();
    }

    private static void nonNegative(String name, Optional<Duration> d) {
        requireNonNull(d, name);
        if (d.isPresent() && d.get().isNegative()) {
            throw new DockerfileValueException("HEALTHCHECK", d.get().toString(), name + " must not be negative");
        }
    }

    @Override
    public String keyword() {
        return "HEALTHCHECK";
    }

    @Override
    public void writeTo(DockerfileWriter out) {
        out.begin("HEALTHCHECK");
        if (command.isEmpty()) {
            out.text("NONE");
            out.end();
            return;
        }
        interval.ifPresent(d -> out.flag("interval", GoDuration.format(d)));
        timeout.ifPresent(d -> out.flag("timeout", GoDuration.format(d)));
        startPeriod.ifPresent(d -> out.flag("start-period", GoDuration.format(d)));
        startInterval.ifPresent(d -> out.flag("start-interval", GoDuration.format(d)));
        retries.ifPresent(r -> out.flag("retries", Integer.toString(r)));
        out.text("CMD");
        out.command(command.get());
        out.end();
    }
}
