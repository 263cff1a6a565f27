package dev.berth.testing.fuzz;

/** One mutated input: its index in the run, the corpus file it came from and what was done to it. */
public record FuzzInput(int index, CorpusFile origin, Mutation mutation, byte[] bytes) {
    @Override
    public String toString() {
        return "#" + index + " (" + mutation.title() + " of " + origin.name() + ", " + bytes.length + " bytes)";
    }
}
