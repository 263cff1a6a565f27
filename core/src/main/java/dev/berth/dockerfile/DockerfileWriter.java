package dev.berth.dockerfile;

import dev.berth.dockerfile.internal.Json;
import dev.berth.dockerfile.internal.Template;
import dev.berth.dockerfile.internal.Words;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes statements as Dockerfile text and owns all quoting and escaping: JSON for exec form, quotes for ENV, LABEL
 * and ARG values, the escape character for continuations. It refuses, with a {@link DockerfileValueException}, any
 * value that would be read back as something else, such as a line break that would start a new instruction.
 */
public final class DockerfileWriter {
    private final StringBuilder out;
    private final char escape;
    private final List<Heredoc> pending = new ArrayList<>(2);
    private int line = 1;
    private int depth;
    private int lineStart;
    private String keyword = "";
    private boolean firstArg;
    private boolean atEnd;

    DockerfileWriter(char escape, int capacity) {
        this.escape = escape;
        this.out = new StringBuilder(capacity);
    }

    /** The 1-based line that the next statement starts on. */
    int line() {
        return line;
    }

    String result() {
        return out.toString();
    }

    void directive(Directive d) {
        out.append("# ").append(d.name().value()).append('=').append(d.value()).append('\n');
        line++;
    }

    void comment(String text) {
        out.append('#');
        if (!text.isEmpty()) {
            out.append(' ').append(text);
        }
        out.append('\n');
        line++;
    }

    void blank() {
        out.append('\n');
        line++;
    }

    /** Marks the next statement as the last, where a value may end with the escape character (see {@link #end}). */
    void lastStatement() {
        atEnd = true;
    }

    /** Starts an instruction, or a nested one after {@code ONBUILD}. */
    void begin(String kw) {
        if (depth == 0) {
            lineStart = out.length();
            keyword = kw;
        } else {
            out.append(' ');
        }
        out.append(kw);
        depth++;
        firstArg = true;
    }

    /** Ends an instruction: checks that its last line does not continue, then writes pending here-documents. */
    void end(List<Heredoc> heredocs) {
        pending.addAll(heredocs);
        if (--depth > 0) {
            return;
        }
        if (continues(lineStart, out.length())) {
            if (!atEnd || !pending.isEmpty()) {
                throw new DockerfileValueException(keyword, out.substring(lineStart),
                        "the line ends with the escape character '" + escape + "', which would join the next line");
            }
            out.append(' ').append(escape); // at the end of the file: a continuation that joins nothing protects it
        }
        out.append('\n');
        line++;
        for (Heredoc h : pending) {
            out.append(h.content()).append(h.name()).append('\n');
            line += countLines(h.content()) + 1;
        }
        pending.clear();
    }

    void end() {
        end(List.of());
    }

    void flag(String name) {
        out.append(" --").append(name);
    }

    void flag(String name, String value) {
        Checks.singleLine(keyword + " --" + name, value);
        out.append(" --").append(name).append('=');
        if (!needsQuotes(value)) {
            out.append(value);
            return;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == escape) {
                out.append(escape);
            }
            out.append(c);
        }
        out.append('"');
    }

    private boolean needsQuotes(String v) {
        if (v.isEmpty()) {
            return true;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Character.isWhitespace(c) || Words.isGoSpace(c) || c == '"' || c == '\'' || c == escape) {
                return true;
            }
        }
        return false;
    }

    /** Writes raw argument text (a word or the rest of the line). */
    void text(String raw) {
        Checks.singleLine(keyword, raw);
        first(raw);
        out.append(' ').append(raw);
    }

    /** Writes {@code key=value} with both sides quoted as the value grammar needs. */
    void pair(String key, String value) {
        first(key);
        out.append(' ');
        Template.write(out, key, escape);
        out.append('=');
        Template.write(out, value, escape);
    }

    /** Writes an ARG name, with {@code =default} when present. */
    void arg(String name, java.util.Optional<String> value) {
        first(name);
        out.append(' ').append(name);
        value.ifPresent(v -> {
            out.append('=');
            Template.write(out, v, escape);
        });
    }

    void json(List<String> items) {
        firstArg = false;
        out.append(' ').append(Json.array(items));
    }

    /** Writes paths as words, or as a JSON array when a word has whitespace, quotes or would be misread. */
    void paths(List<String> items, boolean jsonAllowed) {
        if (jsonAllowed && needsJson(items)) {
            json(items);
            return;
        }
        for (String item : items) {
            Checks.word(keyword, item);
            text(item);
        }
    }

    private boolean needsJson(List<String> items) {
        if (items.isEmpty()) {
            return true;
        }
        String head = items.get(0);
        if (head.startsWith("[") || head.startsWith("--")) {
            return true;
        }
        for (String item : items) {
            if (item.isEmpty()) {
                return true;
            }
            for (int i = 0; i < item.length(); i++) {
                char c = item.charAt(i);
                if (Character.isWhitespace(c) || Words.isGoSpace(c) || c == '"' || c == '\'' || c == '\\'
                        || c == escape) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Writes a command in its form; shell-form line breaks become continuations. */
    void command(Command command) {
        if (command instanceof ExecForm exec) {
            json(exec.args());
            return;
        }
        String script = ((ShellForm) command).script();
        if (script.isEmpty()) {
            return;
        }
        firstArg = false;
        out.append(' ');
        int start = 0;
        int nl;
        while ((nl = script.indexOf('\n', start)) >= 0) {
            if (nl > start && script.charAt(nl - 1) == escape) {
                throw new DockerfileValueException(keyword, script, "a continued line ends with the escape character '"
                        + escape + "', so the continuation would not be recognised");
            }
            out.append(script, start, nl).append(escape).append('\n');
            line++;
            lineStart = out.length();
            start = nl + 1;
        }
        out.append(script, start, script.length());
    }

    private void first(String value) {
        if (firstArg && value.startsWith("--")) {
            throw new DockerfileValueException(keyword, value, "a leading '--' would be read as an instruction flag");
        }
        firstArg = false;
    }

    /** Whether the physical line in [from, to) ends with a line continuation, as BuildKit's parser decides it. */
    private boolean continues(int from, int to) {
        int end = to;
        while (end > from && (out.charAt(end - 1) == ' ' || out.charAt(end - 1) == '\t')) {
            end--;
        }
        if (end == from || out.charAt(end - 1) != escape) {
            return false;
        }
        return end - 1 == from || out.charAt(end - 2) != escape;
    }

    private static int countLines(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}
