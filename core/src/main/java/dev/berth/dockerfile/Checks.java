package dev.berth.dockerfile;

import static java.util.Objects.requireNonNull;

import dev.berth.dockerfile.internal.Words;
import java.util.List;
import java.util.Optional;

/** Argument checks shared by the instruction records; each failure names the instruction and the value. */
final class Checks {
    private Checks() {}

    static String singleLine(String keyword, String value) {
        return singleLine(keyword, value, "");
    }

    /** Refuses line breaks; {@code what} (e.g. "the value of key 'A'") is added to the reason when non-empty. */
    static String singleLine(String keyword, String value, String what) {
        requireNonNull(value, keyword + " value");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                throw new DockerfileValueException(keyword, value, (what.isEmpty() ? "" : what + ": ")
                        + "a line break would start a new instruction; remove it or use the exec (JSON) form");
            }
        }
        return value;
    }

    /** Trims and requires a non-empty single-line value. */
    static String text(String keyword, String value) {
        String v = Words.goStrip(singleLine(keyword, value));
        if (v.isEmpty()) {
            throw new DockerfileValueException(keyword, value, "the value must not be blank");
        }
        return v;
    }

    /** Requires a single word: no whitespace at all. */
    static String word(String keyword, String value) {
        singleLine(keyword, value);
        if (value.isEmpty()) {
            throw new DockerfileValueException(keyword, value, "the value must not be empty");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isWhitespace(value.charAt(i)) || Words.isGoSpace(value.charAt(i))) {
                throw new DockerfileValueException(keyword, value, "the value must not contain whitespace");
            }
        }
        return value;
    }

    static Optional<String> optionalSingleLine(String keyword, Optional<String> value) {
        requireNonNull(value, keyword + " option");
        value.ifPresent(v -> singleLine(keyword, v));
        return value;
    }

    static <T> List<T> list(String keyword, List<T> items) {
        requireNonNull(items, keyword + " list");
        return List.copyOf(items);
    }

    static List<String> lines(String keyword, List<String> items) {
        List<String> copy = list(keyword, items);
        copy.forEach(v -> singleLine(keyword, v));
        return copy;
    }
}
