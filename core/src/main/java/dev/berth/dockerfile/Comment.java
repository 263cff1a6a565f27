package dev.berth.dockerfile;

import static java.util.Objects.requireNonNull;

/** A comment line; {@code text} is what follows {@code "# "} (one space after the hash is implied). */
public record Comment(String text) implements Statement {

    /** Refuses text with a line break, which would end the comment early. */
    public Comment {
        requireNonNull(text, "text");
        Checks.singleLine("#", text);
    }

    @Override
    public void writeTo(DockerfileWriter out) {
        out.comment(text);
    }
}
