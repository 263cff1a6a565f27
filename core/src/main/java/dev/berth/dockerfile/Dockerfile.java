package dev.berth.dockerfile;

import static java.util.Objects.requireNonNull;

import dev.berth.internal.Utf8;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An immutable Dockerfile: parser directives, then statements (instructions, comments, blank lines) in order.
 *
 * <pre>{@code
 * Dockerfile df = Dockerfile.builder()
 *     .from("golang:1.22").as("builder").workdir("/src").copy(".", ".").run("go build -o /app")
 *     .stage("final").from("scratch").copy().from("builder").src("/app").dest("/app").done()
 *     .entrypoint("/app")
 *     .build();
 * String text = df.render();
 * Dockerfile back = Dockerfile.parse(text);   // back.equals(df)
 * }</pre>
 *
 * <p>Equality covers directives and statements, not line numbers or the source name.
 */
public final class Dockerfile {
    private static final Pattern DIRECTIVE_LIKE =
            Pattern.compile("\\s*(?i:syntax|escape|check)\\s*=\\s*\\S.*");

    private final List<Directive> directives;
    private final List<Statement> statements;
    private final int[] lines;
    private final String sourceName;
    private final char escape;
    private List<Stage> stages;

    private Dockerfile(List<Directive> directives, List<Statement> statements, int[] lines, String sourceName) {
        this.directives = directives;
        this.statements = statements;
        this.sourceName = sourceName;
        this.escape = directives.stream().filter(d -> d.name() == Directive.Name.ESCAPE)
                .map(d -> d.value().charAt(0)).findFirst().orElse('\\');
        this.lines = lines != null ? lines : new int[statements.size()];
        if (lines == null) {
            render(this.lines); // validates and numbers the lines
        }
    }

    /**
     * Creates a Dockerfile from directives and statements, checking that it renders to text that parses back to it.
     *
     * @throws DockerfileValueException when a value cannot be written faithfully, e.g. a line break in ENV
     */
    public static Dockerfile of(List<Directive> directives, List<? extends Statement> statements) {
        List<Directive> ds = List.copyOf(requireNonNull(directives, "directives"));
        List<Statement> ss = List.copyOf(requireNonNull(statements, "statements"));
        java.util.EnumSet<Directive.Name> seen = java.util.EnumSet.noneOf(Directive.Name.class);
        for (Directive d : ds) {
            if (!seen.add(d.name())) {
                throw new DockerfileValueException("# " + d.name().value(), d.value(),
                        "only one " + d.name().value() + " directive is allowed");
            }
        }
        if (!ss.isEmpty() && ss.get(0) instanceof Comment c && DIRECTIVE_LIKE.matcher(c.text()).matches()) {
            throw new DockerfileValueException("#", c.text(), "a first comment that looks like a parser directive "
                    + "would be read as one; use a Directive or put a blank line before it");
        }
        return new Dockerfile(ds, ss, null, null);
    }

    /** Creates a Dockerfile of statements without directives. */
    public static Dockerfile of(List<? extends Statement> statements) {
        return of(List.of(), statements);
    }

    static Dockerfile parsed(List<Directive> directives, List<Statement> statements, int[] lines, String source) {
        return new Dockerfile(List.copyOf(directives), List.copyOf(statements), lines, source);
    }

    /** Starts a fluent builder; see {@link DockerfileBuilder}. */
    public static DockerfileBuilder builder() {
        return new DockerfileBuilder();
    }

    /** A builder holding this Dockerfile's directives and statements, to append to. */
    public DockerfileBuilder toBuilder() {
        return new DockerfileBuilder(directives, statements);
    }

    /**
     * Parses Dockerfile text as BuildKit does.
     *
     * @throws DockerfileParseException with the line and column of the first problem
     */
    public static Dockerfile parse(String text) {
        return parse(text, null);
    }

    /** Parses Dockerfile text; {@code sourceName} (e.g. a path) is used in error messages. */
    public static Dockerfile parse(String text, String sourceName) {
        return new DockerfileParser(requireNonNull(text, "text"), sourceName).parse();
    }

    /**
     * Reads and parses a Dockerfile, which must be UTF-8; blocks on file I/O.
     *
     * @throws DockerfileParseException naming the file, line and column of the first problem, including bytes that
     *     are not UTF-8 (BuildKit passes such bytes through; the model holds text, so Berth refuses them)
     * @throws UncheckedIOException when the file cannot be read
     */
    public static Dockerfile parse(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read Dockerfile " + file + ": " + e.getMessage(), e);
        }
        String text;
        try {
            text = Utf8.decode(bytes);
        } catch (Utf8.MalformedException e) {
            throw new DockerfileParseException(file.toString(), e.line(), e.column(), e.getMessage()
                    + "; save the Dockerfile as UTF-8");
        }
        return parse(text, file.toString());
    }

    /** Renders the Dockerfile text; every line ends with a newline. */
    public String render() {
        return render(null);
    }

    private String render(int[] numbers) {
        DockerfileWriter out = new DockerfileWriter(escape, statements.size() * 96 + 64);
        directives.forEach(out::directive);
        for (int i = 0; i < statements.size(); i++) {
            if (numbers != null) {
                numbers[i] = out.line();
            }
            if (i == statements.size() - 1) {
                out.lastStatement();
            }
            statements.get(i).writeTo(out);
        }
        return out.result();
    }

    /** The parser directives, in order. */
    public List<Directive> directives() {
        return directives;
    }

    /** The escape character: {@code \} unless an {@code escape} directive says {@code `}. */
    public char escape() {
        return escape;
    }

    /** The {@code syntax} directive's value, if any. */
    public Optional<String> syntax() {
        return directives.stream().filter(d -> d.name() == Directive.Name.SYNTAX).map(Directive::value).findFirst();
    }

    /** Instructions, comments and blank lines, in order. */
    public List<Statement> statements() {
        return statements;
    }

    /** The instructions only, in order. */
    public List<Instruction> instructions() {
        List<Instruction> out = new ArrayList<>(statements.size());
        for (Statement s : statements) {
            if (s instanceof Instruction i) {
                out.add(i);
            }
        }
        return out;
    }

    /** The 1-based start line of {@code statements().get(index)}: in the parsed source, or in {@link #render()}. */
    public int line(int index) {
        return lines[index];
    }

    /** The name of the parsed source, if one was given. */
    public Optional<String> sourceName() {
        return Optional.ofNullable(sourceName);
    }

    /** Instructions before the first FROM (global ARGs). */
    public List<Instruction> preamble() {
        List<Instruction> out = new ArrayList<>();
        for (Instruction i : instructions()) {
            if (i instanceof From) {
                break;
            }
            out.add(i);
        }
        return out;
    }

    /** The build stages, one per FROM. */
    public List<Stage> stages() {
        if (stages == null) {
            List<Stage> out = new ArrayList<>();
            From from = null;
            List<Instruction> body = new ArrayList<>();
            for (Instruction i : instructions()) {
                if (i instanceof From f) {
                    if (from != null) {
                        out.add(new Stage(out.size(), from, body));
                    }
                    from = f;
                    body = new ArrayList<>();
                } else if (from != null) {
                    body.add(i);
                }
            }
            if (from != null) {
                out.add(new Stage(out.size(), from, body));
            }
            stages = List.copyOf(out);
        }
        return stages;
    }

    /** The stage with the given {@code AS} name (case-insensitive, as BuildKit matches it). */
    public Optional<Stage> stage(String name) {
        return stages().stream().filter(s -> s.name().filter(n -> n.equalsIgnoreCase(name)).isPresent()).findFirst();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dockerfile d && d.directives.equals(directives) && d.statements.equals(statements);
    }

    @Override
    public int hashCode() {
        return 31 * directives.hashCode() + statements.hashCode();
    }

    /** The rendered text. */
    @Override
    public String toString() {
        return render();
    }
}
