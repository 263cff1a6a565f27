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

    /**
     * Deepest nesting of defaults ({@code ${A:-${B:-…}}}) and longest run of references expanded by recursion that
     * Berth follows. compose-go recurses without a limit (Go stacks grow); on a default Java thread stack the
     * expansion overflows near 1,000 nested levels or 2,000 references in one string, so these caps keep a margin.
     */
    static final int MAX_NESTING = 100;
    static final int MAX_RECURSION = 500;

    private final Lookup lookup;
    private final Consumer<String> warnings;
    private int nesting;
    private int recursion;

    private final boolean plainPath;

    public Template(Lookup lookup, Consumer<String> warnings) {
        this(lookup, warnings, true);
    }

    /** {@code plainPath} false: every template takes the regex-driven path (the reference the plain path is tested against). */
    Template(Lookup lookup, Consumer<String> warnings, boolean plainPath) {
        this.lookup = lookup;
        this.warnings = warnings;
        this.plainPath = plainPath;
    }

    /** Substitutes every variable of {@code template}. */
    public String substitute(String template) {
        if (template.indexOf('$') < 0) {
            return template;
        }
        if (plainPath && isPlain(template)) {
            return substitutePlain(template);
        }
        if (recursion >= MAX_RECURSION) {
            throw new TemplateException("more than " + MAX_RECURSION + " variable references in one string, which"
                    + " Berth does not expand; split the value", false);
        }
        recursion++;
        try {
            return substituteMatching(template);
        } finally {
            recursion--;
        }
    }

    /**
     * Whether {@code template} is made only of text without {@code $}, {@code $$}, {@code $NAME}, {@code ${NAME}} and
     * {@code ${NAME<sep>ARG}} with a separator among {@code :-}, {@code -}, {@code :+}, {@code +} and an ARG without
     * {@code $}, braces or line terminators. Such a template cannot fail, and the regex-driven path expands its
     * variables one after the other, left to right, which {@link #substitutePlain} does without a regex. Anything
     * else (required variables, nesting, malformed references) takes the regex-driven path.
     */
    static boolean isPlain(String t) {
        int n = t.length();
        int i = 0;
        while (i < n) {
            char c = t.charAt(i);
            if (c != '$') {
                i++;
                continue;
            }
            if (i + 1 >= n) {
                return false;
            }
            char d = t.charAt(i + 1);
            if (d == '$') {
                i += 2;
                continue;
            }
            if (isNameStart(d)) {
                i = nameEnd(t, i + 1);
                continue;
            }
            if (d != '{' || i + 2 >= n || !isNameStart(t.charAt(i + 2))) {
                return false;
            }
            int j = nameEnd(t, i + 2);
            if (j >= n) {
                return false;
            }
            char e = t.charAt(j);
            if (e == '}') {
                i = j + 1;
                continue;
            }
            if (e == ':') {
                j++;
                if (j >= n) {
                    return false;
                }
                e = t.charAt(j);
            }
            if (e != '-' && e != '+') {
                return false;
            }
            j++;
            while (j < n && t.charAt(j) != '}') {
                char a = t.charAt(j);
                if (a == '$' || a == '{' || a == '\n' || a == '\r' || a == '\u0085' || a == '\u2028' || a == '\u2029') {
                    return false;
                }
                j++;
            }
            if (j >= n) {
                return false;
            }
            i = j + 1;
        }
        return true;
    }

    private static boolean isNameStart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static int nameEnd(String t, int from) {
        int j = from;
        while (j < t.length()) {
            char c = t.charAt(j);
            if (!(isNameStart(c) || (c >= '0' && c <= '9'))) {
                break;
            }
            j++;
        }
        return j;
    }

    /** Expands a template for which {@link #isPlain} holds; same results and warnings as the regex-driven path. */
    private String substitutePlain(String t) {
        StringBuilder out = new StringBuilder(t.length() + 16);
        int n = t.length();
        int i = 0;
        while (i < n) {
            char c = t.charAt(i);
            if (c != '$') {
                out.append(c);
                i++;
                continue;
            }
            char d = t.charAt(i + 1);
            if (d == '$') {
                out.append('$');
                i += 2;
                continue;
            }
            if (d != '{') {
                int j = nameEnd(t, i + 1);
                out.append(valueOrWarn(t.substring(i + 1, j)));
                i = j;
                continue;
            }
            int j = nameEnd(t, i + 2);
            String name = t.substring(i + 2, j);
            if (t.charAt(j) == '}') {
                out.append(valueOrWarn(name));
                i = j + 1;
                continue;
            }
            String sep = t.charAt(j) == ':' ? t.substring(j, j + 2) : t.substring(j, j + 1);
            int argStart = j + sep.length();
            int close = t.indexOf('}', argStart);
            String arg = t.substring(argStart, close);
            String value = lookup.apply(name);
            switch (sep) {
                case ":-" -> out.append(value == null || value.isEmpty() ? arg : value);
                case "-" -> out.append(value == null ? arg : value);
                case ":+" -> out.append(value != null && !value.isEmpty() ? arg : value == null ? "" : value);
                default -> out.append(value != null ? arg : "");
            }
            i = close + 1;
        }
        return out.toString();
    }

    private String valueOrWarn(String name) {
        String value = lookup.apply(name);
        if (value == null) {
            warnings.accept("The \"" + name + "\" variable is not set. Defaulting to a blank string.");
            return "";
        }
        return value;
    }

    /** The regex-driven expansion, compose-go's algorithm; every template can take it. */
    String substituteMatching(String template) {
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
        if (nesting >= MAX_NESTING) {
            throw new TemplateException("variable defaults nested more than " + MAX_NESTING + " levels deep (${"
                    + name + sep + "${…}}), which Berth does not expand; nest fewer defaults", false);
        }
        nesting++;
        String arg;
        try {
            arg = substitute(substitution.substring(idx + sep.length()));
        } finally {
            nesting--;
        }
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
        return dev.berth.internal.GoDuration.quote(s);
    }
}
