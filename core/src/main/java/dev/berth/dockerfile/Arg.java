package dev.berth.dockerfile;

import static java.util.Objects.requireNonNull;

import dev.berth.dockerfile.internal.Template;
import java.util.List;
import java.util.Optional;

/** {@code ARG name[=default] …}: build arguments; defaults are templates like {@link KeyValue} values. */
public record Arg(List<Variable> variables) implements Instruction {

    /** One declared build argument. */
    public record Variable(String name, Optional<String> defaultValue) {
        /** Requires a name without whitespace, quotes, {@code =}, {@code $} or escapes. */
        public Variable {
            Checks.word("ARG", name);
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (c == '=' || c == '"' || c == '\'' || c == '$' || c == '\\' || c == '`') {
                    throw new DockerfileValueException("ARG", name, "a name must not contain = \" ' $ \\ or `");
                }
            }
            requireNonNull(defaultValue, "defaultValue");
            defaultValue = defaultValue.map(v -> Template.canonical(Checks.singleLine("ARG", v, "the default of " + name)));
        }
    }

    /** Requires at least one variable. */
    public Arg {
        variables = Checks.list("ARG", variables);
        if (variables.isEmpty()) {
            throw new DockerfileValueException("ARG", "", "ARG needs at least one name");
        }
    }

    /** {@code ARG name}. */
    public static Arg of(String name) {
        return new Arg(List.of(new Variable(name, Optional.empty())));
    }

    /** {@code ARG name=default}. */
    public static Arg of(String name, String defaultValue) {
        return new Arg(List.of(new Variable(name, Optional.of(defaultValue))));
    }

    @Override
    public String keyword() {
        return "ARG";
    }

    @Override
    public void writeTo(DockerfileWriter out) {
        out.begin("ARG");
        for (Variable v : variables) {
            out.arg(v.name(), v.defaultValue());
        }
        out.end();
    }
}
