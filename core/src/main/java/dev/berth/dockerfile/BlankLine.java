package dev.berth.dockerfile;

/** An empty line, kept so that a parsed Dockerfile renders with its original spacing. */
public record BlankLine() implements Statement {

    @Override
    public void writeTo(DockerfileWriter out) {
        out.blank();
    }
}
