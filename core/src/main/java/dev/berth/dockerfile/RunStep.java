package dev.berth.dockerfile;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A RUN being built: {@code run().mount(…).network(…).shell("…").done()}. */
public final class RunStep {
    private final DockerfileBuilder parent;
    private final List<Mount> mounts = new ArrayList<>();
    private final List<Heredoc> heredocs = new ArrayList<>();
    private Optional<NetworkMode> network = Optional.empty();
    private Optional<SecurityMode> security = Optional.empty();
    private Command command;

    RunStep(DockerfileBuilder parent) {
        this.parent = parent;
    }

    /** Adds a {@code --mount}. */
    public RunStep mount(Mount mount) {
        mounts.add(requireNonNull(mount, "mount"));
        return this;
    }

    /** Sets {@code --network}. */
    public RunStep network(NetworkMode mode) {
        network = Optional.of(mode);
        return this;
    }

    /** Sets {@code --security}. */
    public RunStep security(SecurityMode mode) {
        security = Optional.of(mode);
        return this;
    }

    /** The command in shell form. */
    public RunStep shell(String script) {
        command = Command.shell(script);
        return this;
    }

    /** The command in exec form. */
    public RunStep exec(String... args) {
        command = Command.exec(args);
        return this;
    }

    /** The command as a here-document script: {@code RUN <<EOF} followed by the script (a final newline is added). */
    public RunStep heredoc(String script) {
        String body = script.endsWith("\n") ? script : script + "\n";
        Heredoc h = Heredoc.of(Heredoc.delimiterFor(body, "EOF"), body);
        heredocs.clear();
        heredocs.add(h);
        command = Command.shell(h.marker());
        return this;
    }

    /** Adds the RUN to the Dockerfile and returns to it. */
    public DockerfileBuilder done() {
        if (command == null) {
            throw new IllegalStateException("run() needs shell(…), exec(…) or heredoc(…) before done()");
        }
        return parent.append(new Run(command, mounts, network, security, heredocs));
    }
}
