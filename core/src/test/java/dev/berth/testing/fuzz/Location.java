package dev.berth.testing.fuzz;

import java.nio.file.Path;

/** Where a typed exception says the problem is: the file and the 1-based line and column. */
public record Location(Path file, int line, int column) {
}
