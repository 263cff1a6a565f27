package dev.berth.dockerfile.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Word splitting as BuildKit's Dockerfile parser does it before an instruction sees its arguments. */
public final class Words {
    private Words() {}

    /** A heredoc marker found in an instruction line, such as {@code <<-"EOF"}. */
    public record Marker(String name, boolean chomp, boolean expand) {}

    /** The builder flags ({@code --name=value}, quotes removed) and the rest of an instruction's arguments. */
    public record Flags(List<String> flags, String rest, int restOffset) {}

    private static final Pattern HEREDOC = Pattern.compile("^(\\d*)<<(-?)\\s*([^<]*)$");

    /** Splits on whitespace, keeping quotes and escapes in the words (BuildKit's {@code parseWords}). */
    public static List<String> parseWords(String rest, char escape) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        int n = rest.length();
        for (int i = 0; i < n; i++) {
            char ch = rest.charAt(i);
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                } else if (ch == escape && quote != '\'') {
                    if (i + 1 == n) {
                        quote = 0;
                        continue;
                    }
                    word.append(ch);
                    ch = rest.charAt(++i);
                }
                word.append(ch);
                continue;
            }
            if (isGoSpace(ch)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                continue;
            }
            inWord = true;
            if (ch == '\'' || ch == '"') {
                quote = ch;
            } else if (ch == escape) {
                if (i + 1 == n) {
                    continue;
                }
                word.append(ch);
                ch = rest.charAt(++i);
            }
            word.append(ch);
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** Splits on runs of whitespace, as BuildKit does for FROM, EXPOSE and shell-form COPY/ADD/VOLUME. */
    public static List<String> splitWhitespace(String rest) {
        List<String> words = new ArrayList<>();
        int n = rest.length();
        int i = 0;
        while (i < n) {
            while (i < n && isSpace(rest.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isSpace(rest.charAt(i))) {
                i++;
            }
            if (i > start) {
                words.add(rest.substring(start, i));
            }
        }
        return words;
    }

    /** Whitespace as Go's {@code unicode.IsSpace}, which BuildKit uses to trim lines and split words. */
    public static boolean isGoSpace(char ch) {
        if (ch <= ' ') {
            return ch == ' ' || (ch >= '\t' && ch <= '\r');
        }
        if (ch == 0x85 || ch == 0xA0) {
            return true;
        }
        int type = Character.getType(ch);
        return type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    /** Removes leading and trailing {@link #isGoSpace Go whitespace}, like Go's {@code strings.TrimSpace}. */
    public static String goStrip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isGoSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isGoSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** Removes leading {@link #isGoSpace Go whitespace}. */
    public static String goStripLeading(String s) {
        int start = 0;
        while (start < s.length() && isGoSpace(s.charAt(start))) {
            start++;
        }
        return s.substring(start);
    }

    /** Whitespace as BuildKit's {@code [\t\v\f\r ]} plus newline. */
    public static boolean isSpace(char ch) {
        return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == 0x0b;
    }

    /** Takes leading {@code --flag[=value]} words off an argument string; {@code --} alone ends the flags. */
    public static Flags extractFlags(String line, char escape) {
        List<String> flags = new ArrayList<>();
        int n = line.length();
        int pos = 0;
        while (true) {
            while (pos < n && isGoSpace(line.charAt(pos))) {
                pos++;
            }
            if (pos >= n) {
                return new Flags(flags, "", n);
            }
            if (!line.startsWith("--", pos) || pos + 2 > n) {
                return new Flags(flags, line.substring(pos), pos);
            }
            StringBuilder word = new StringBuilder();
            char quote = 0;
            int i = pos;
            for (; i < n; i++) {
                char ch = line.charAt(i);
                if (quote == 0 && isGoSpace(ch)) {
                    break;
                }
                if (quote == 0 && (ch == '\'' || ch == '"')) {
                    quote = ch;
                    continue;
                }
                if (quote != 0 && ch == quote) {
                    quote = 0;
                    continue;
                }
                if (ch == escape) {
                    if (i + 1 == n) {
                        continue;
                    }
                    ch = line.charAt(++i);
                }
                word.append(ch);
            }
            pos = i;
            if (word.toString().equals("--")) {
                return new Flags(flags, goStrip(line.substring(pos)), pos);
            }
            flags.add(word.toString());
        }
    }

    /** Finds heredoc markers such as {@code <<EOF}, {@code <<-EOT}, {@code <<"EOF"} among the words of a line. */
    public static List<Marker> heredocMarkers(String line) {
        List<Marker> markers = new ArrayList<>();
        if (!line.contains("<<")) {
            return markers;
        }
        for (String word : rawShellWords(line)) {
            Matcher m = HEREDOC.matcher(word);
            if (!m.matches() || m.group(3).isEmpty()) {
                continue;
            }
            String rest = m.group(3);
            String name = unquote(rest);
            if (name == null) {
                continue;
            }
            boolean quoted = rest.indexOf('"') >= 0 || rest.indexOf('\'') >= 0;
            boolean expand = !quoted || quoteCount(name) == quoteCount(rest);
            markers.add(new Marker(name, !m.group(2).isEmpty(), expand));
        }
        return markers;
    }

    private static int quoteCount(String s) {
        int c = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '"' || s.charAt(i) == '\'') {
                c++;
            }
        }
        return c;
    }

    /** Removes shell quotes and backslash escapes; returns null if the text is more than one word. */
    private static String unquote(String s) {
        StringBuilder out = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (quote == 0 && isGoSpace(ch)) {
                return null; // more than one word
            }
            if (quote == 0 && (ch == '"' || ch == '\'')) {
                quote = ch;
            } else if (quote != 0 && ch == quote) {
                quote = 0;
            } else if (ch == '\\' && quote == 0 && i + 1 < s.length()) {
                out.append(s.charAt(++i));
            } else if (ch == '\\' && quote == '"' && i + 1 < s.length() && "\"$\\".indexOf(s.charAt(i + 1)) >= 0) {
                out.append(s.charAt(++i));
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    /** Splits a line into shell words keeping quotes and escapes (BuildKit's raw ProcessWords). */
    private static List<String> rawShellWords(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quote == 0 && isGoSpace(ch)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                continue;
            }
            inWord = true;
            if (quote == 0 && ch == '<' && i + 1 < line.length() && line.charAt(i + 1) == '<') {
                word.append("<<");
                i += 2;
                while (i < line.length() && isGoSpace(line.charAt(i))) {
                    word.append(line.charAt(i++)); // "<<  EOF" is one word, as in BuildKit's lexer
                }
                i--;
                continue;
            }
            if (quote == 0 && (ch == '"' || ch == '\'')) {
                quote = ch;
            } else if (quote != 0 && ch == quote) {
                quote = 0;
            } else if (ch == '\\' && quote != '\'' && i + 1 < line.length()) {
                word.append(ch);
                ch = line.charAt(++i);
            }
            word.append(ch);
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
