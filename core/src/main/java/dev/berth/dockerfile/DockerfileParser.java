package dev.berth.dockerfile;

import dev.berth.dockerfile.internal.Words;
import dev.berth.internal.Utf8;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads Dockerfile text into the model, following BuildKit's parser: directives, continuations, heredocs. */
final class DockerfileParser {
    private static final Pattern DIRECTIVE = Pattern.compile("([a-zA-Z][a-zA-Z0-9]*)\\s*=\\s*(.+?)\\s*");
    private static final Set<String> HEREDOC_KEYWORDS = Set.of("RUN", "COPY", "ADD");
    /** BuildKit's longest line: Go's {@code bufio.MaxScanTokenSize - 1}. */
    static final int MAX_LINE_BYTES = 65_535;

    private final String source;
    private final String[] lines;
    private final List<Directive> directives = new ArrayList<>();
    private final List<Statement> statements = new ArrayList<>();
    private final List<Integer> starts = new ArrayList<>();
    private char escape = '\\';
    private int next; // index of the next physical line to read

    DockerfileParser(String text, String source) {
        this.source = source;
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        this.lines = splitLines(text);
    }

    /** Splits physical lines, refusing one longer than BuildKit reads (its line scanner's 64 KiB buffer). */
    private String[] splitLines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = text.length();
        while (start < n) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? n : nl;
            if (end - start > MAX_LINE_BYTES / 3 && Utf8.length(text, start, end) > MAX_LINE_BYTES) {
                throw error(out.size() + 1, 1, "dockerfile line greater than max allowed size of " + MAX_LINE_BYTES
                        + " bytes (BuildKit refuses it too); split it with line continuations");
            }
            int trimmed = end;
            while (trimmed > start && (text.charAt(trimmed - 1) == '\r')) {
                trimmed--;
            }
            out.add(text.substring(start, trimmed));
            start = end + 1;
        }
        return out.toArray(new String[0]);
    }

    Dockerfile parse() {
        readDirectives();
        while (next < lines.length) {
            int lineNo = next + 1;
            String raw = lines[next++];
            String trimmed = Words.goStripLeading(raw);
            if (trimmed.isEmpty()) {
                add(new BlankLine(), lineNo);
            } else if (trimmed.charAt(0) == '#') {
                add(comment(raw, trimmed, lineNo), lineNo);
            } else {
                add(instruction(raw, trimmed, lineNo), lineNo);
            }
        }
        int[] numbers = starts.stream().mapToInt(Integer::intValue).toArray();
        return Dockerfile.parsed(directives, statements, numbers, source);
    }

    /** A comment line; one the model cannot hold (a line separator such as U+2028 inside) is refused where it is. */
    private Comment comment(String raw, String trimmed, int lineNo) {
        String text = trimmed.substring(1);
        try {
            return new Comment(text.startsWith(" ") ? text.substring(1) : text);
        } catch (DockerfileValueException e) {
            int at = 0;
            while (at < raw.length() && "\r\u0085\u2028\u2029".indexOf(raw.charAt(at)) < 0) {
                at++;
            }
            int separator = raw.charAt(Math.min(at, raw.length() - 1));
            throw error(lineNo, raw.codePointCount(0, at) + 1, String.format("comment holds a line break (U+%04X),"
                    + " which Berth's Dockerfile model refuses; remove it", separator));
        }
    }

    private void add(Statement s, int line) {
        statements.add(s);
        starts.add(line);
    }

    private void readDirectives() {
        Set<Directive.Name> seen = EnumSet.noneOf(Directive.Name.class);
        while (next < lines.length) {
            String line = Words.goStrip(lines[next]);
            if (!line.startsWith("#")) {
                return;
            }
            Matcher m = DIRECTIVE.matcher(Words.goStripLeading(line.substring(1)));
            if (!m.matches()) {
                return;
            }
            Directive.Name name;
            try {
                name = Directive.Name.valueOf(m.group(1).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return;
            }
            if (!seen.add(name)) {
                throw error(next + 1, 1, "only one " + name.value() + " parser directive can be used");
            }
            String value = m.group(2);
            if (name == Directive.Name.ESCAPE) {
                if (!value.equals("\\") && !value.equals("`")) {
                    throw error(next + 1, 1, "invalid escape token '" + value + "' does not match ` or \\");
                }
                escape = value.charAt(0);
            }
            directives.add(new Directive(name, value));
            next++;
        }
    }

    /** Reads one instruction starting at the given physical line, with its continuations and heredocs. */
    private Instruction instruction(String raw, String trimmed, int lineNo) {
        int column = raw.length() - trimmed.length() + 1;
        StringBuilder joined = new StringBuilder(trimmed.length() + 16);
        StringBuilder marked = new StringBuilder(trimmed.length() + 16);
        boolean more = appendSegment(trimmed, joined, marked, true);
        while (more && next < lines.length) {
            String line = lines[next++];
            String lead = Words.goStripLeading(line);
            if (lead.startsWith("#") || lead.isEmpty()) {
                continue; // comments and empty lines inside a continuation are dropped, as BuildKit does
            }
            more = appendSegment(line, joined, marked, false);
        }
        InstructionParser p = new InstructionParser(this, joined.toString(), marked.toString(), lineNo, column, raw);
        Instruction instruction = p.parse();
        return instruction;
    }

    /** Appends one physical line; returns whether it ends with a line continuation. */
    private boolean appendSegment(String line, StringBuilder joined, StringBuilder marked, boolean first) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
            end--;
        }
        boolean continues = end > 0 && line.charAt(end - 1) == escape
                && (end == 1 || line.charAt(end - 2) != escape);
        String segment = continues ? line.substring(0, end - 1) : line;
        joined.append(segment);
        if (!first && Words.goStrip(segment).isEmpty()) {
            marked.append(segment); // a blank continued line stays on the previous line of the script
        } else {
            if (!first) {
                marked.append('\n');
            }
            marked.append(segment);
        }
        return continues;
    }

    /** Reads the bodies of the heredocs announced in the line, from the lines after the instruction. */
    List<Heredoc> heredocs(String keyword, String line, int lineNo) {
        if (!HEREDOC_KEYWORDS.contains(keyword) || !line.contains("<<")) {
            return List.of();
        }
        List<Heredoc> out = new ArrayList<>();
        for (Words.Marker m : Words.heredocMarkers(line)) {
            StringBuilder content = new StringBuilder();
            boolean terminated = false;
            while (next < lines.length) {
                String body = lines[next++];
                String candidate = m.chomp() ? body.replaceFirst("^\t+", "") : body;
                if (candidate.equals(m.name())) {
                    terminated = true;
                    break;
                }
                content.append(body).append('\n');
            }
            if (!terminated) {
                throw error(lineNo, 1, "unterminated heredoc " + m.name() + " (expected a line holding only '"
                        + m.name() + "')");
            }
            out.add(new Heredoc(m.name(), content.toString(), m.chomp(), m.expand()));
        }
        return out;
    }

    char escape() {
        return escape;
    }

    DockerfileParseException error(int line, int column, String reason) {
        return new DockerfileParseException(source, line, column, reason);
    }
}
