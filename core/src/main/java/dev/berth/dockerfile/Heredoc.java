package dev.berth.dockerfile;

import static java.util.Objects.requireNonNull;

import dev.berth.dockerfile.internal.Words;

/**
 * A here-document attached to RUN, COPY or ADD: the body between the instruction and the line holding only
 * {@code name}. {@code content} is empty or ends with a newline; {@code chomp} is the {@code <<-} form (leading tabs
 * stripped); {@code expand} is false when the marker was quoted ({@code <<"EOF"}), which turns off variable expansion.
 */
public record Heredoc(String name, String content, boolean chomp, boolean expand) {

    /** Refuses an empty or multi-word name, a body that does not end with a newline, or a body line equal to name. */
    public Heredoc {
        requireNonNull(name, "name");
        requireNonNull(content, "content");
        Checks.singleLine("heredoc", name);
        if (name.isEmpty() || name.indexOf('<') >= 0) {
            throw new DockerfileValueException("heredoc", name, "the delimiter must be non-empty without '<'");
        }
        if (!content.isEmpty() && !content.endsWith("\n")) {
            throw new DockerfileValueException("heredoc", content, "the body must end with a newline");
        }
        int start = 0;
        while (start < content.length()) {
            int end = content.indexOf('\n', start);
            String line = content.substring(start, end);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (chomp) {
                line = line.replaceFirst("^\t+", "");
            }
            if (line.equals(name)) {
                throw new DockerfileValueException("heredoc", content,
                        "the line '" + name + "' would end the here-document early; choose another delimiter");
            }
            start = end + 1;
        }
    }

    /** A plain {@code <<name} here-document with variable expansion. */
    public static Heredoc of(String name, String content) {
        return new Heredoc(name, content, false, true);
    }

    /** The marker that introduces this here-document in the instruction line, e.g. {@code <<-"EOF"}. */
    public String marker() {
        StringBuilder out = new StringBuilder(name.length() + 6).append("<<").append(chomp ? "-" : "");
        if (!expand) {
            out.append('"');
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean special = c == '"' || c == '\\' || (expand && (c == '\'' || Words.isGoSpace(c)));
            if (special) {
                out.append('\\');
            }
            out.append(c);
        }
        return (expand ? out : out.append('"')).toString();
    }

    /** Picks a delimiter ({@code EOF}, {@code EOF1}, …) that no line of the body equals. */
    static String delimiterFor(String content, String base) {
        String name = base;
        for (int i = 1; ("\n" + content).contains("\n" + name + "\n"); i++) {
            name = base + i;
        }
        return name;
    }
}
