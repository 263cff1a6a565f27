package dev.berth.dockerfile;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/** A HEALTHCHECK being built: {@code healthcheck().interval(…).retries(3).cmd("curl", "-f", "http://localhost/")}. */
public final class HealthcheckStep {
    private final DockerfileBuilder parent;
    private Optional<Duration> interval = Optional.empty();
    private Optional<Duration> timeout = Optional.empty();
    private Optional<Duration> startPeriod = Optional.empty();
    private Optional<Duration> startInterval = Optional.empty();
    private OptionalInt retries = OptionalInt.empty();

    HealthcheckStep(DockerfileBuilder parent) {
        this.parent = parent;
    }

    /** {@code --interval} (default 30s). */
    public HealthcheckStep interval(Duration d) {
        interval = Optional.of(d);
        return this;
    }

    /** {@code --timeout} (default 30s). */
    public HealthcheckStep timeout(Duration d) {
        timeout = Optional.of(d);
        return this;
    }

    /** {@code --start-period} (default 0s). */
    public HealthcheckStep startPeriod(Duration d) {
        startPeriod = Optional.of(d);
        return this;
    }

    /** {@code --start-interval} (default 5s). */
    public HealthcheckStep startInterval(Duration d) {
        startInterval = Optional.of(d);
        return this;
    }

    /** {@code --retries} (default 3). */
    public HealthcheckStep retries(int n) {
        retries = OptionalInt.of(n);
        return this;
    }

    /** Finishes with {@code CMD ["arg", …]} in exec form. */
    public DockerfileBuilder cmd(String... args) {
        return cmd(Command.exec(args));
    }

    /** Finishes with {@code CMD} and the given command. */
    public DockerfileBuilder cmd(Command command) {
        return parent.append(new Healthcheck(Optional.of(command), interval, timeout, startPeriod, startInterval,
                retries));
    }
}
