package dev.berth.dockerfile;

/** {@code MAINTAINER <name>}: deprecated by Docker; use {@code LABEL maintainer=…} instead. */
@Deprecated
public record Maintainer(String name) implements Instruction {

    /** Trims the value and refuses a blank value or a line break. */
    public Maintainer {
        name = Checks.text("MAINTAINER", name);
    }

    @Override
    public String keyword() {
        return "MAINTAINER";
    }

    @Override
    public void writeTo(DockerfileWriter out) {
        out.begin("MAINTAINER");
        out.text(name);
        out.end();
    }
}
