package dev.berth.dockerfile;

import java.util.Arrays;
import java.util.List;

/** {@code EXPOSE <port>[/<protocol>] …}: documents the ports the container listens on. */
public record Expose(List<ExposedPort> ports) implements Instruction {

    /** Requires at least one port. */
    public Expose {
        ports = Checks.list("EXPOSE", ports);
        if (ports.isEmpty()) {
            throw new DockerfileValueException("EXPOSE", "", "EXPOSE needs at least one port");
        }
    }

    /** {@code EXPOSE} of TCP ports. */
    public static Expose tcp(int... ports) {
        return new Expose(Arrays.stream(ports).mapToObj(ExposedPort::tcp).toList());
    }

    @Override
    public String keyword() {
        return "EXPOSE";
    }

    @Override
    public void writeTo(DockerfileWriter out) {
        out.begin("EXPOSE");
        for (ExposedPort p : ports) {
            out.text(p.toString());
        }
        out.end();
    }
}
