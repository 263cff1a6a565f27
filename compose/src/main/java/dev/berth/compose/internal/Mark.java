package dev.berth.compose.internal;

import java.nio.file.Path;

/** A position in a source file: 1-based line and column. */
record Mark(Path file, int line, int column) {
}
