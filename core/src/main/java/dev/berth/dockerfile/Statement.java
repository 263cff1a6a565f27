package dev.berth.dockerfile;

/** One entry of a Dockerfile body: an {@link Instruction}, a {@link Comment} or a {@link BlankLine}. */
public sealed interface Statement permits Instruction, Comment, BlankLine {

    /** Writes this statement through the writer, which owns all quoting and escaping. */
    void writeTo(DockerfileWriter out);
}
