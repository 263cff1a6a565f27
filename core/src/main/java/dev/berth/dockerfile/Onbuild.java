package dev.berth.dockerfile;

import static java.util.Objects.requireNonNull;

/** {@code ONBUILD <instruction>}: a trigger run when the image is used as the base of another build. */
public record Onbuild(Instruction instruction) implements Instruction {

    /** Requires the wrapped instruction; hadolint DL3043 flags ONBUILD of ONBUILD, FROM or MAINTAINER. */
    public Onbuild {
        requireNonNull(instruction, "instruction");
    }

    @Override
    public String keyword() {
        return "ONBUILD";
    }

    @Override
    public void writeTo(DockerfileWriter out) {
        out.begin("ONBUILD");
        instruction.writeTo(out);
        out.end();
    }
}
