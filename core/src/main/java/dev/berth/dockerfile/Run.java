package dev.berth.dockerfile;

import static java.util.Objects.requireNonNull;

import dev.berth.dockerfile.internal.Words;
import java.util.List;
import java.util.Optional;

/** {@code RUN [--mount=…] [--network=…] [--security=…] <command>}, with here-documents for shell form. */
public record Run(Command command, List<Mount> mounts, Optional<NetworkMode> network, Optional<SecurityMode> security,
                  List<Heredoc> heredocs) implements Instruction {

    /** Requires the here-documents to match the {@code <<NAME} markers of a shell-form script, in order. */
    public Run {
        requireNonNull(command, "command");
        mounts = Checks.list("RUN --mount", mounts);
        requireNonNull(network, "network");
        requireNonNull(security, "security");
        heredocs = Checks.list("RUN heredoc", heredocs);
        String line = command instanceof ShellForm s ? s.joined() : "";
        checkHeredocs("RUN", line, heredocs);
    }

    /** {@code RUN <script>} in shell form. */
    public static Run of(String script) {
        return of(Command.shell(script));
    }

    /** {@code RUN} with the given command. */
    public static Run of(Command command) {
        return new Run(command, List.of(), Optional.empty(), Optional.empty(), List.of());
    }

    @Override
    public String keyword() {
        return "RUN";
    }

    @Override
    public void writeTo(DockerfileWriter out) {
        out.begin("RUN");
        for (Mount m : mounts) {
            out.flag("mount", String.join(",", m.options()));
        }
        network.ifPresent(n -> out.flag("network", n.value()));
        security.ifPresent(s -> out.flag("security", s.value()));
        out.command(command);
        out.end(heredocs);
    }

    static void checkHeredocs(String keyword, String line, List<Heredoc> heredocs) {
        List<Words.Marker> markers = Words.heredocMarkers(line);
        boolean same = markers.size() == heredocs.size();
        for (int i = 0; same && i < markers.size(); i++) {
            Words.Marker m = markers.get(i);
            Heredoc h = heredocs.get(i);
            same = m.name().equals(h.name()) && m.chomp() == h.chomp() && m.expand() == h.expand();
        }
        if (!same) {
            throw new DockerfileValueException(keyword, line, "the here-documents " + heredocs.stream()
                    .map(Heredoc::marker).toList() + " do not match the markers in the line " + markers.stream()
                    .map(m -> new Heredoc(m.name(), "", m.chomp(), m.expand()).marker()).toList());
        }
    }
}
