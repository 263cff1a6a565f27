package dev.berth.dockerfile;

/** {@code WORKDIR <path>}: the working directory for later instructions. */
public record Workdir(String path) implements Instruction {

    /** Trims the value and refuses a blank value or a line break. */
    public Workdir {
        path = Checks.text("WORKDIR", path);
    }

    @Override
    public String keyword() {
        return "WORKDIR";
    }

    @Override
    public void writeTo(DockerfileWriter out) {
        out.begin("WORKDIR");
        out.text(path);
        out.end();
    }
}
