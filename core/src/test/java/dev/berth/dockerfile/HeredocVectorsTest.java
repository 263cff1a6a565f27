package dev.berth.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Heredoc extraction pinned to BuildKit's TestParseExtractsHeredoc (parser_heredoc_test.go), ported as a table. */
class HeredocVectorsTest {

    /** Expected heredocs per instruction after FROM, in file order; an empty list means none. */
    private static final List<List<Heredoc>> EXPECTED = List.of(
            List.of(), // ENV NAME=me
            List.of(), // RUN ls
            List.of(new Heredoc("EMPTY", "", false, true)),
            List.of(new Heredoc("EMPTY2", "", false, true)), // RUN 3<<EMPTY2 (file descriptor 3)
            List.of(), // RUN "<<NOHEREDOC"
            List.of(new Heredoc("INDENT", "\tfoo\n\tbar\n", false, true)),
            List.of(new Heredoc("UNINDENT", "\tbaz\n\tquux\n", true, true)),
            List.of(new Heredoc("UNINDENT2", "\tbaz\n\tquux\n", true, true)),
            List.of(new Heredoc("EXPAND", "\texpand $NAME\n", true, true)),
            List.of(new Heredoc("NOEXPAND", "\tdon't expand $NAME\n", true, false)),
            List.of(new Heredoc("COPY", "echo hello world\necho foo bar\n", false, true)),
            List.of(new Heredoc("COMMENT", "# internal comment\necho hello world\necho foo bar # trailing comment\n",
                    false, true)),
            List.of(new Heredoc("MOUNT", "echo hello\n", false, true)),
            List.of(new Heredoc("FILE1", "content 1\n", false, true), new Heredoc("FILE2", "content 2\n", false, true)),
            List.of(new Heredoc("EOF", "\"foo\"\n'bar'\n", false, true)),
            List.of(new Heredoc("X", "Y\n", false, true), new Heredoc("Y", "X\n", false, true)),
            List.of(new Heredoc("COMPLEX", "print('hello world')\n", false, true)),
            List.of(new Heredoc("file.txt", "hello world\n", false, true)),
            List.of(new Heredoc("eof", "echo foo\n", false, false)),
            List.of(new Heredoc("eo'f", "echo foo\n", false, true)),
            List.of(new Heredoc("eo'f", "echo foo\n", false, false)),
            List.of(new Heredoc("one two", "echo bar\n", false, false)),
            List.of(new Heredoc("$EOF", "", false, true)),
            List.of(new Heredoc("EOF", "", false, true)),
            List.of(new Heredoc("EOF", "", false, true)));

    @Test
    void parse_extractsHeredocsAsBuildkitDoes() throws IOException {
        Dockerfile df = Dockerfile.parse(BuildkitGoldenTest.read("heredoc/Dockerfile"));
        List<Instruction> after = df.instructions().subList(1, df.instructions().size());
        assertThat(after).hasSize(EXPECTED.size());
        for (int i = 0; i < EXPECTED.size(); i++) {
            assertThat(heredocs(after.get(i))).as("instruction %d: %s", i, after.get(i)).isEqualTo(EXPECTED.get(i));
        }
    }

    @Test
    void render_ofHeredocVectors_parsesBackEqual() throws IOException {
        Dockerfile df = Dockerfile.parse(BuildkitGoldenTest.read("heredoc/Dockerfile"));
        assertThat(Dockerfile.parse(df.render())).isEqualTo(df);
    }

    @Test
    void builtHeredocNames_withQuotesAndSpaces_roundTrip() {
        for (Heredoc h : List.of(new Heredoc("one two", "x\n", false, false), new Heredoc("eo'f", "y\n", false, true),
                new Heredoc("a\"b", "z\n", true, false))) {
            Dockerfile df = Dockerfile.builder().from("alpine:3.20")
                    .append(new Run(Command.shell("cat " + h.marker()), List.of(), java.util.Optional.empty(),
                            java.util.Optional.empty(), List.of(h)))
                    .build();
            assertThat(Dockerfile.parse(df.render())).as(df.render()).isEqualTo(df);
        }
    }

    private static List<Heredoc> heredocs(Instruction i) {
        if (i instanceof Run r) {
            return r.heredocs();
        }
        if (i instanceof Copy c) {
            return c.heredocs();
        }
        return List.of();
    }
}
