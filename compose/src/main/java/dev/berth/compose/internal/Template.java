package dev.berth.compose.internal;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compose variable substitution: {@code $VAR}, {@code ${VAR}}, {@code :-}, {@code -}, {@code :?}, {@code ?},
 * {@code :+}, {@code +}, nesting and {@code $$}. Follows compose-go's {@code template} package, including its
 * warnings and error texts.
 */
public final class Template {
    private static final Pattern PATTERN = Pattern.compile(
            "\\$(?i:(?<escaped>\\$)|(?<named>[_a-z][_a-z0-9]*)|\\{(?:(?<braced>[_a-z][_a-z0-9]*(?::?[-+?](.*))?)}|(?<invalid>)))");
    private static final String[] SEPARATORS = {":?", "?", ":-", "-", ":+", "+"};

    /** Looks a variable up; returns null when unset. */
    public interface Lookup extends Function<String, String> {
    }

    /** A template could not be expanded. */
    public static final class TemplateException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final boolean invalid;

        TemplateException(String message, boolean invalid) {
            super(message, null, false, false);
            this.invalid = invalid;
        }

        /** True for a malformed template, false for a missing required variable. */
        public boolean invalid() {
            return invalid;
        }
    }

    private final Lookup lookup;
    private final Consumer<String> warnings;

    public Template(Lookup lookup, Consumer<String> warnings) {
        this.lookup = lookup;
        this.warnings = warnings;
    }

    /** Substitutes every variable of {@code template}. */
    public String substitute(String template) {
        if (template.indexOf('$') < 0) {
            return template;
        }
        Matcher m = PATTERN.matcher(template);
        StringBuilder out = new StringBuilder();
        int last = 0;
        TemplateException first = null;
        while (m.find()) {
            out.append(template, last, m.start());
            try {
                out.append(replace(m.group()));
            } catch (TemplateException e) {
                if (first == null) {
                    first = e.invalid() && e.getMessage() == null
                            ? new TemplateException("Invalid template: " + goQuote(template), true) : e;
                }
            }
            last = m.end();
        }
        out.append(template, last, template.length());
        if (first != null) {
            throw first;
        }
        return out.toString();
    }

    private String replace(String substring) {
        int closing = firstBraceClosingIndex(substring);
        String rest = "";
        if (closing > -1) {
            rest = substring.substring(closing + 1);
            substring = substring.substring(0, closing + 1);
        }
        Matcher m = PATTERN.matcher(substring);
        if (!m.find() || m.start() != 0) {
            throw new TemplateException(null, true);
        }
        if (m.group("escaped") != null) {
            return "$";
        }
        boolean braced = false;
        String substitution = m.group("named");
        if (substitution == null) {
            substitution = m.group("braced");
            braced = true;
        }
        if (substitution == null || substitution.isEmpty()) {
            throw new TemplateException(null, true);
        }
        if (braced) {
            String sep = separatorFor(substitution);
            String applied = apply(sep, substitution);
            if (applied != null) {
                return applied + substitute(rest);
            }
        }
        String value = lookup.apply(substitution);
        if (value == null) {
            warnings.accept("The \"" + substitution + "\" variable is not set. Defaulting to a blank string.");
            return "";
        }
        return value;
    }

    private static String separatorFor(String template) {
        String best = SEPARATORS[0];
        int bestIdx = -1;
        for (String s : SEPARATORS) {
            int idx = template.indexOf(s);
            if (idx >= 0 && (bestIdx < 0 || idx < bestIdx)) {
                best = s;
                bestIdx = idx;
            }
        }
        return best;
    }

    /** Returns the substituted value, or null when {@code sep} does not occur (not applied). */
    private String apply(String sep, String substitution) {
        int idx = substitution.indexOf(sep);
        if (idx < 0) {
            return null;
        }
        String name = substitution.substring(0, idx);
        String arg = substitute(substitution.substring(idx + sep.length()));
        String value = lookup.apply(name);
        switch (sep) {
            case ":-":
                return value == null || value.isEmpty() ? arg : value;
            case "-":
                return value == null ? arg : value;
            case ":+":
                return value != null && !value.isEmpty() ? arg : value == null ? "" : value;
            case "+":
                return value != null ? arg : "";
            case ":?":
                if (value == null || value.isEmpty()) {
                    throw missing(name, arg);
                }
                return value;
            default:
                if (value == null) {
                    throw missing(name, arg);
                }
                return value;
        }
    }

    private static TemplateException missing(String name, String reason) {
        return new TemplateException(reason.isEmpty()
                ? "required variable " + name + " is missing a value"
                : "required variable " + name + " is missing a value: " + reason, false);
    }

    private static int firstBraceClosingIndex(String s) {
        int open = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '}') {
                open--;
                if (open == 0) {
                    return i;
                }
            }
            if (c == '{') {
                open++;
                i++;
            }
        }
        return -1;
    }

    /** Go's %#v of a string. */
    static String goQuote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
