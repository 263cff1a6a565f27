package dev.berth.dockerfile;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/** A build stage: its {@link From} and the instructions after it up to the next FROM; {@code index} counts from 0. */
public record Stage(int index, From from, List<Instruction> instructions) {

    /** Copies the instructions. */
    public Stage {
        requireNonNull(from, "from");
        instructions = List.copyOf(instructions);
    }

    /** The stage name given by {@code AS}, if any. */
    public Optional<String> name() {
        return from.stageName();
    }

    /** The base image or earlier stage this stage builds on. */
    public String base() {
        return from.image();
    }
}
