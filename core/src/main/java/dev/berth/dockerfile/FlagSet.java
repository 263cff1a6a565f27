package dev.berth.dockerfile;

import dev.berth.internal.GoDuration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The {@code --name[=value]} flags of one instruction, with BuildKit's checks (unknown, duplicate, missing value). */
final class FlagSet {
    private static final Set<String> REPEATABLE = Set.of("mount", "exclude");

    /** Builds a parse error for a reason, located at a needle in the instruction's first line. */
    interface Errors {
        DockerfileParseException at(String reason, String needle);
    }

    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final String keyword;
    private final Errors errors;

    FlagSet(List<String> words, String keyword, Errors errors) {
        this.keyword = keyword;
        this.errors = errors;
        for (String w : words) {
            String body = w.startsWith("--") ? w.substring(2) : w;
            int eq = body.indexOf('=');
            String name = eq < 0 ? body : body.substring(0, eq);
            List<String> list = values.computeIfAbsent(name, n -> new ArrayList<>());
            if (!list.isEmpty() && !REPEATABLE.contains(name)) {
                throw errors.at("Duplicate flag specified: " + name, "--" + name);
            }
            list.add(eq < 0 ? null : body.substring(eq + 1));
        }
    }

    /** Fails on any flag not among {@code names}. */
    void allow(String... names) {
        Set<String> allowed = Set.of(names);
        for (String name : values.keySet()) {
            if (!allowed.contains(name)) {
                throw errors.at("Unknown flag: " + name + " (" + keyword + " accepts "
                        + (names.length == 0 ? "no flags" : String.join(", ", names)) + ")", "--" + name);
            }
        }
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    /** All values of a repeatable flag; a flag without a value is an error. */
    List<String> values(String name, List<String> fallback) {
        List<String> v = values.get(name);
        if (v == null) {
            return fallback;
        }
        if (v.contains(null)) {
            throw errors.at("Missing a value on flag: " + name, "--" + name);
        }
        return v;
    }

    Optional<String> string(String name) {
        List<String> v = values.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (v.get(0) == null) {
            throw errors.at("Missing a value on flag: " + name, "--" + name);
        }
        return Optional.of(v.get(0));
    }

    /** A boolean flag: {@code --link} and {@code --link=true} are true, {@code --link=false} is false. */
    Optional<Boolean> bool(String name) {
        List<String> v = values.get(name);
        if (v == null) {
            return Optional.empty();
        }
        String s = v.get(0);
        if (s == null || s.equalsIgnoreCase("true")) {
            return Optional.of(true);
        }
        if (s.equalsIgnoreCase("false")) {
            return Optional.of(false);
        }
        throw errors.at("expecting boolean value for flag " + name + ", not: " + s, "--" + name);
    }

    Optional<Duration> duration(String name) {
        return string(name).map(s -> {
            try {
                return GoDuration.parse(s);
            } catch (IllegalArgumentException e) {
                throw errors.at("invalid --" + name + " value '" + s + "': " + e.getMessage(), "--" + name);
            }
        });
    }
}
