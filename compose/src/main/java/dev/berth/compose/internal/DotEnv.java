package dev.berth.compose.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses Compose {@code .env} files (compose-go {@code dotenv/parser.go}): optional {@code export}, {@code K=V} or
 * {@code K: V}, bare keys inheriting, comments, single quotes literal, double quotes with escapes, multi-line quoted
 * values and variable expansion.
 */
public final class DotEnv {
    private static final Pattern ESCAPES = Pattern.compile("(\\\\(?:[abcfnrtv$\"\\\\]|0\\d{0,3}))");
    private static final Pattern EXPORT = Pattern.compile("^export\\s+");
    private static final Pattern STARTS_WITH_DIGIT = Pattern.compile("^\\s*\\d.*");

    /** A .env file could not be parsed; the message starts with {@code line N:} where known. */
    public static final class DotEnvException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int line;

        DotEnvException(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private int line = 1;

    private DotEnv() {
    }

    /** Parses {@code src}; {@code lookup} resolves inherited keys and variables first, then earlier keys. */
    public static Map<String, String> parse(String src, Template.Lookup lookup, Consumer<String> warnings) {
        if (src.startsWith("\uFEFF")) {
            src = src.substring(1);
        }
        Map<String, String> out = new LinkedHashMap<>();
        new DotEnv().run(src, out, lookup == null ? k -> null : lookup, warnings);
        return out;
    }

    /** Reads several files in order, later ones overriding; keys starting with a digit are ignored. */
    public static Map<String, String> readFiles(Iterable<Path> files, Map<String, String> current,
                                                Consumer<String> warnings) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        for (Path f : files) {
            String content = Files.readString(f, StandardCharsets.UTF_8);
            Map<String, String> parsed = parse(content, k -> current.containsKey(k) ? current.get(k) : env.get(k), warnings);
            parsed.forEach((k, v) -> {
                if (!STARTS_WITH_DIGIT.matcher(k).matches()) {
                    env.put(k, v);
                }
            });
        }
        return env;
    }

    private void run(String src, Map<String, String> out, Template.Lookup lookup, Consumer<String> warnings) {
        String cutset = src;
        while (true) {
            cutset = statementStart(cutset);
            if (cutset.isEmpty()) {
                return;
            }
            String[] kv = keyName(cutset);
            String key = kv[0];
            String left = kv[1];
            boolean inherited = kv[2] != null;
            if (key.contains(" ")) {
                throw new DotEnvException(line, "line " + line + ": key cannot contain a space");
            }
            if (inherited) {
                String v = lookup.apply(key);
                if (v != null) {
                    out.put(key, v);
                }
                cutset = left;
                continue;
            }
            String[] vr = value(left, out, lookup, warnings);
            out.put(key, vr[0]);
            cutset = vr[1];
        }
    }

    private String statementStart(String src) {
        while (true) {
            int pos = -1;
            for (int i = 0; i < src.length(); i++) {
                char c = src.charAt(i);
                if (c == '\n') {
                    line++;
                }
                if (!Character.isWhitespace(c) && c != 0x85 && c != 0xA0) {
                    pos = i;
                    break;
                }
            }
            if (pos == -1) {
                return "";
            }
            src = src.substring(pos);
            if (src.charAt(0) != '#') {
                return src;
            }
            int nl = src.indexOf('\n');
            if (nl == -1) {
                return "";
            }
            src = src.substring(nl);
        }
    }

    private String[] keyName(String src) {
        if (EXPORT.matcher(src).find()) {
            src = trimLeftSpace(src.substring("export".length()));
        }
        String key = null;
        int offset = 0;
        boolean inherited = false;
        for (int i = 0; i < src.length(); ) {
            int cp = src.codePointAt(i);
            int n = Character.charCount(cp);
            if (isSpace(cp)) {
                i += n;
                continue;
            }
            if (cp == '=' || cp == ':' || cp == '\n') {
                key = src.substring(0, i);
                offset = i + 1;
                inherited = cp == '\n';
                break;
            }
            if (cp == '_' || cp == '.' || cp == '-' || cp == '[' || cp == ']' || Character.isLetter(cp) || Character.isDigit(cp)
                    || Character.getType(cp) == Character.LETTER_NUMBER || Character.getType(cp) == Character.OTHER_NUMBER) {
                i += n;
                continue;
            }
            String first = src.split("\n", -1)[0];
            throw new DotEnvException(line, "line " + line + ": unexpected character " + Template.goQuote(new String(Character.toChars(cp)))
                    + " in variable name " + Template.goQuote(first));
        }
        if (key == null) {
            // reached the end without a separator: Go leaves key empty and takes the rest as the value
            key = "";
            offset = src.length();
        }
        if (inherited && key.indexOf(' ') == -1) {
            line++;
        }
        key = key.stripTrailing();
        String cutset = trimLeftSpace(src.substring(Math.min(offset, src.length())));
        return new String[]{key, cutset, inherited ? "" : null};
    }

    private String[] value(String src, Map<String, String> env, Template.Lookup lookup, Consumer<String> warnings) {
        char quote = src.isEmpty() ? 0 : src.charAt(0);
        if (quote != '"' && quote != '\'') {
            int nl = src.indexOf('\n');
            String value = nl < 0 ? src : src.substring(0, nl);
            String rest = nl < 0 ? "" : src.substring(nl + 1);
            line++;
            int hash = value.indexOf(" #");
            if (hash >= 0) {
                value = value.substring(0, hash);
            }
            value = value.stripTrailing();
            return new String[]{expand(value, env, lookup, warnings), rest};
        }
        boolean escape = false;
        int startLine = line;
        StringBuilder chars = new StringBuilder();
        for (int i = 1; i < src.length(); i++) {
            char c = src.charAt(i);
            if (c == '\n') {
                line++;
            }
            if (c != quote) {
                if (!escape && c == '\\') {
                    escape = true;
                    continue;
                }
                if (escape) {
                    escape = false;
                    chars.append('\\');
                }
                chars.append(c);
                continue;
            }
            if (escape) {
                escape = false;
                chars.append(c);
                continue;
            }
            String value = chars.toString();
            if (quote == '"') {
                value = expand(expandEscapes(value), env, lookup, warnings);
            }
            return new String[]{value, src.substring(i + 1)};
        }
        int end = src.indexOf('\n');
        throw new DotEnvException(startLine, "line " + startLine + ": unterminated quoted value " + (end < 0 ? src : src.substring(0, end)));
    }

    private static String expand(String value, Map<String, String> env, Template.Lookup lookup, Consumer<String> warnings) {
        Template t = new Template(k -> {
            String v = lookup.apply(k);
            return v != null ? v : env.get(k);
        }, warnings);
        try {
            return t.substitute(value);
        } catch (Template.TemplateException e) {
            throw new DotEnvException(0, e.getMessage());
        }
    }

    private static String expandEscapes(String s) {
        Matcher m = ESCAPES.matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String match = m.group();
            String rep;
            if (match.equals("\\$")) {
                rep = "$$";
            } else if (match.startsWith("\\0")) {
                String digits = match.substring(2);
                rep = digits.length() == 3 && digits.chars().allMatch(c -> c >= '0' && c <= '7') && Integer.parseInt(digits, 8) < 256
                        ? String.valueOf((char) Integer.parseInt(digits, 8)) : match;
            } else {
                rep = switch (match.charAt(1)) {
                    case 'a' -> "\u0007";
                    case 'b' -> "\b";
                    case 'f' -> "\f";
                    case 'n' -> "\n";
                    case 'r' -> "\r";
                    case 't' -> "\t";
                    case 'v' -> "\u000b";
                    case '"' -> "\"";
                    case '\\' -> "\\";
                    default -> match;
                };
            }
            m.appendReplacement(b, Matcher.quoteReplacement(rep));
        }
        m.appendTail(b);
        return b.toString();
    }

    private static boolean isSpace(int c) {
        return c == '\t' || c == 0x0b || c == '\f' || c == '\r' || c == ' ' || c == 0x85 || c == 0xA0;
    }

    private static String trimLeftSpace(String s) {
        int i = 0;
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return s.substring(i);
    }
}
