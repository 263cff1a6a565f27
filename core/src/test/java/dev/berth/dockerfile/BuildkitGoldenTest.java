package dev.berth.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.dockerfile.internal.Template;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Pins Berth's parser to BuildKit's golden parser vectors (see resources/dockerfile/buildkit/README.md). */
class BuildkitGoldenTest {
    private static final List<String> REJECTED_BY_INSTRUCTION_LAYER = List.of("flags", "health");

    static Stream<String> cases() {
        try (Stream<Path> dirs = Files.list(root().resolve("testfiles"))) {
            return dirs.map(p -> p.getFileName().toString()).filter(n -> !REJECTED_BY_INSTRUCTION_LAYER.contains(n))
                    .sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parse_matchesBuildkitAstDump(String name) throws IOException {
        Dockerfile df = Dockerfile.parse(read("testfiles/" + name + "/Dockerfile"));
        List<String> expected = read("testfiles/" + name + "/result").lines()
                .map(l -> normalize(Sexp.parse(l), df.escape())).toList();
        List<String> actual = df.instructions().stream().map(BuildkitGoldenTest::dump).toList();
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void renderOfParse_isStableAndParsesBackEqual(String name) throws IOException {
        Dockerfile df = Dockerfile.parse(read("testfiles/" + name + "/Dockerfile"));
        String text = df.render();
        Dockerfile again = Dockerfile.parse(text);
        assertThat(again).isEqualTo(df);
        assertThat(again.render()).isEqualTo(text);
    }

    @Test
    void flagsCase_unknownCopyFlagIsRejectedWithLineAndColumn() throws IOException {
        assertThatThrownBy(() -> Dockerfile.parse(read("testfiles/flags/Dockerfile"), "flags/Dockerfile"))
                .isInstanceOfSatisfying(DockerfileParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isEqualTo(6);
                    assertThat(e.source()).contains("flags/Dockerfile");
                    assertThat(e.reason()).contains("Unknown flag: user");
                });
    }

    @Test
    void healthCase_healthcheckWithoutTypeIsRejectedOnItsLine() throws IOException {
        assertThatThrownBy(() -> Dockerfile.parse(read("testfiles/health/Dockerfile")))
                .isInstanceOfSatisfying(DockerfileParseException.class, e -> assertThat(e.line()).isEqualTo(4));
    }

    @Test
    void negative_envWithoutValueAndNestedJsonAreRejected() throws IOException {
        assertThatThrownBy(() -> Dockerfile.parse(read("testfiles-negative/env_no_value/Dockerfile")))
                .isInstanceOf(DockerfileParseException.class).hasMessageContaining("ENV");
        assertThatThrownBy(() -> Dockerfile.parse(read("testfiles-negative/shykes-nested-json/Dockerfile")))
                .isInstanceOf(DockerfileParseException.class).hasMessageContaining("strings only");
    }

    @Test
    void negative_emptyAndCommentOnlyFilesParseToNoInstructions() throws IOException {
        assertThat(Dockerfile.parse(read("testfiles-negative/empty_dockerfile/Dockerfile")).instructions()).isEmpty();
        assertThat(Dockerfile.parse(read("testfiles-negative/only_comments/Dockerfile")).instructions()).isEmpty();
    }

    // --- BuildKit's Node.Dump() format, normalised to what the instruction layer sees ---

    private static String normalize(Sexp s, char escape) {
        String kw = s.atom(0);
        List<String> args = new ArrayList<>();
        switch (kw) {
            case "env", "label" -> {
                for (int i = 1; i + 2 < s.size() + 1; i += 3) {
                    args.add(Template.lex(s.atom(i), escape) + "=" + Template.lex(s.atom(i + 1), escape));
                }
            }
            case "arg" -> {
                for (int i = 1; i < s.size(); i++) {
                    String w = s.atom(i);
                    int eq = w.indexOf('=');
                    args.add(eq < 0 ? w : w.substring(0, eq) + "=" + Template.lex(w.substring(eq + 1), escape));
                }
            }
            case "expose" -> {
                for (int i = 1; i < s.size(); i++) {
                    args.add(s.atom(i).replaceAll("(?i)/tcp$", "").toLowerCase(Locale.ROOT));
                }
            }
            case "from" -> {
                args.add(s.atom(1));
                if (s.size() == 4) {
                    args.add(s.atom(3));
                }
            }
            case "onbuild" -> args.add(normalize(s.child(1), escape));
            default -> {
                for (int i = 1; i < s.size(); i++) {
                    args.add(s.atom(i));
                }
            }
        }
        return "(" + kw + " " + s.flags() + " " + args + ")";
    }

    @SuppressWarnings("deprecation")
    static String dump(Instruction i) {
        String kw = i.keyword().toLowerCase(Locale.ROOT);
        List<String> flags = new ArrayList<>();
        List<String> args = new ArrayList<>();
        if (i instanceof From f) {
            f.platform().ifPresent(p -> flags.add("--platform=" + p));
            args.add(f.image());
            f.stageName().ifPresent(args::add);
        } else if (i instanceof Run r) {
            command(r.command(), args);
        } else if (i instanceof Cmd c) {
            command(c.command(), args);
        } else if (i instanceof Entrypoint e) {
            command(e.command(), args);
        } else if (i instanceof Shell s) {
            args.addAll(s.command());
        } else if (i instanceof Env e) {
            e.pairs().forEach(kv -> args.add(kv.key() + "=" + kv.value()));
        } else if (i instanceof Label l) {
            l.pairs().forEach(kv -> args.add(kv.key() + "=" + kv.value()));
        } else if (i instanceof Arg a) {
            a.variables().forEach(v -> args.add(v.name() + v.defaultValue().map(d -> "=" + d).orElse("")));
        } else if (i instanceof Expose e) {
            e.ports().forEach(p -> args.add(p.toString()));
        } else if (i instanceof Copy c) {
            args.addAll(c.paths());
        } else if (i instanceof Add a) {
            args.addAll(a.paths());
        } else if (i instanceof Volume v) {
            args.addAll(v.paths());
        } else if (i instanceof User u) {
            args.add(u.user());
        } else if (i instanceof Workdir w) {
            args.add(w.path());
        } else if (i instanceof StopSignal s) {
            args.add(s.signal());
        } else if (i instanceof Maintainer m) {
            args.add(m.name());
        } else if (i instanceof Onbuild o) {
            args.add(dump(o.instruction()));
        } else if (i instanceof Healthcheck h) {
            if (h.isNone()) {
                args.add("NONE");
            } else {
                args.add("CMD");
                command(h.command().get(), args);
            }
        }
        return "(" + kw + " " + flags + " " + args + ")";
    }

    private static void command(Command c, List<String> args) {
        if (c instanceof ExecForm e) {
            args.addAll(e.args());
        } else if (!((ShellForm) c).script().isEmpty()) {
            args.add(((ShellForm) c).joined());
        }
    }

    static Path root() {
        try {
            return Path.of(BuildkitGoldenTest.class.getResource("/dockerfile/buildkit").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String read(String rel) throws IOException {
        return Files.readString(root().resolve(rel), StandardCharsets.UTF_8);
    }
}
