package dev.berth.testing.fuzz;

/** A valid input that the fuzzer mutates; {@code name} says where it came from. */
public record CorpusFile(String name, byte[] content) {
}
