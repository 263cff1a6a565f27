package dev.berth.dockerfile;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/** A parser directive at the very top of a Dockerfile, such as {@code # syntax=docker/dockerfile:1}. */
public record Directive(Name name, String value) {

    /** The directives BuildKit knows. */
    public enum Name {
        SYNTAX, ESCAPE, CHECK;

        /** The Dockerfile spelling, e.g. {@code syntax}. */
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Trims the value and refuses a blank value, a line break, or an escape other than {@code \} or a backtick. */
    public Directive {
        requireNonNull(name, "name");
        value = Checks.text("# " + name.value(), value);
        if (name == Name.ESCAPE && !value.equals("\\") && !value.equals("`")) {
            throw new DockerfileValueException("# escape", value, "the escape character must be '\\' or '`'");
        }
    }
}
