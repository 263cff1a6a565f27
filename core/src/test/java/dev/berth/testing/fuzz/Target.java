package dev.berth.testing.fuzz;

import java.io.IOException;
import java.nio.file.Path;

/** The code under test: where an input is written and how it is loaded. */
public interface Target {
    /** Writes the input where {@link #load} reads it; runs on the test thread. Returns the file written. */
    Path write(FuzzInput input) throws IOException;

    /** Loads the file as a user would; returns normally when the input is accepted. Runs under the time limit. */
    void load(FuzzInput input, Path file) throws Exception;

    /** Undoes {@link #write}, ready for the next input; runs on the test thread. */
    default void restore(FuzzInput input) throws IOException {
    }
}
