package dev.berth.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Rendering and escaping: each expectation is Dockerfile grammar from the reference, checked by parsing back. */
class DockerfileRenderTest {

    private static String render(Statement... statements) {
        return Dockerfile.of(List.of(statements)).render();
    }

    @Test
    void execForm_isValidJson_withEscapedQuotesBackslashesAndControls() {
        String text = render(new Cmd(Command.exec("say \"hi\"", "C:\\dir", "line\nbreak", "tab\t", "\u0001")));
        assertThat(text).isEqualTo("CMD [\"say \\\"hi\\\"\", \"C:\\\\dir\", \"line\\nbreak\", \"tab\\t\", \"\\u0001\"]\n");
    }

    @Test
    void envValues_areQuotedOnlyWhenNeeded() {
        assertThat(render(Env.of("A", "plain"))).isEqualTo("ENV A=plain\n");
        assertThat(render(Env.of("PATH", "/app/bin:$PATH"))).isEqualTo("ENV PATH=/app/bin:$PATH\n");
        assertThat(render(Env.of("MY_NAME", "John Doe"))).isEqualTo("ENV MY_NAME=\"John Doe\"\n");
        assertThat(render(Env.of("Q", "say \"hi\""))).isEqualTo("ENV Q=\"say \\\"hi\\\"\"\n");
        assertThat(render(Env.of("S", "it's"))).isEqualTo("ENV S=\"it's\"\n");
        assertThat(render(Env.of("E", ""))).isEqualTo("ENV E=\"\"\n");
        assertThat(render(Env.of("P", "5\\$"))).isEqualTo("ENV P=\"5\\$\"\n");
        assertThat(render(Env.of("W", "C:\\Windows"))).isEqualTo("ENV W=\"C:\\\\Windows\"\n");
    }

    @Test
    void labelKeysWithSpaces_andArgDefaults_areQuoted() {
        assertThat(render(Label.of("com.example label", "a b"))).isEqualTo("LABEL \"com.example label\"=\"a b\"\n");
        assertThat(render(Arg.of("GREETING", "hello world"))).isEqualTo("ARG GREETING=\"hello world\"\n");
        assertThat(render(Arg.of("V"))).isEqualTo("ARG V\n");
    }

    @Test
    void values_parseBackToTheSameMeaning_underBothEscapeCharacters() {
        List<String> values = List.of("a b", "\"", "'", "\\", "`", "$HOME", "\\$HOME", "x\\", "${A:-b c}", "#", "=",
                "tab\there", "\u00a0nbsp", "é☃");
        for (char escape : new char[] {'\\', '`'}) {
            for (String v : values) {
                Dockerfile df = Dockerfile.builder().escape(escape).from("a").env("K", v).label("L" + v.replace("=", "-"), v).arg("A", v)
                        .build();
                assertThat(Dockerfile.parse(df.render())).as("escape %s value %s:%n%s", escape, v, df.render())
                        .isEqualTo(df);
            }
        }
    }

    @Test
    void escapeDirective_isUsedForQuotesAndContinuations() {
        Dockerfile df = Dockerfile.builder().escape('`').from("a").env("Q", "a\"b").run("echo one \n  two").build();
        assertThat(df.render()).isEqualTo("# escape=`\nFROM a\nENV Q=\"a`\"b\"\nRUN echo one `\n  two\n");
    }

    @Test
    void pathsWithSpaces_useJsonForm() {
        assertThat(render(Copy.of(List.of("my file.txt", "b"), "/dst dir/")))
                .isEqualTo("COPY [\"my file.txt\", \"b\", \"/dst dir/\"]\n");
        assertThat(render(Volume.of("/data"))).isEqualTo("VOLUME /data\n");
        assertThat(render(Volume.of("/my data"))).isEqualTo("VOLUME [\"/my data\"]\n");
    }

    @Test
    void newlineThatWouldStartANewInstruction_isRefusedNamingInstructionAndValue() {
        assertThatThrownBy(() -> Env.of("A", "x\nRUN rm -rf /"))
                .isInstanceOfSatisfying(DockerfileValueException.class, e -> {
                    assertThat(e.instruction()).isEqualTo("ENV/LABEL");
                    assertThat(e.value()).isEqualTo("x\nRUN rm -rf /");
                    assertThat(e.getMessage()).contains("key 'A'").contains("new instruction");
                });
        assertThatThrownBy(() -> new Workdir("/app\nUSER root")).isInstanceOf(DockerfileValueException.class)
                .hasMessageContaining("WORKDIR");
        assertThatThrownBy(() -> Label.of("a\rb", "c")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Comment("x\nRUN evil")).isInstanceOf(DockerfileValueException.class);
        assertThatThrownBy(() -> From.of("alpine\nRUN evil")).isInstanceOf(DockerfileValueException.class);
        assertThatThrownBy(() -> Copy.of("a", "/b\nRUN evil")).isInstanceOf(DockerfileValueException.class);
    }

    @Test
    void lineEndingInEscapeCharacter_isRefusedAtBuildTime() {
        assertThatThrownBy(() -> Dockerfile.builder().from("a").workdir("C:\\").user("root").build())
                .isInstanceOfSatisfying(DockerfileValueException.class, e -> {
                    assertThat(e.instruction()).isEqualTo("WORKDIR");
                    assertThat(e.getMessage()).contains("join the next line");
                });
        assertThat(Dockerfile.builder().from("a").workdir("C:\\").build().render())
                .as("at the end of the file a continuation joins nothing").isEqualTo("FROM a\nWORKDIR C:\\ \\\n");
        assertThat(Dockerfile.parse("FROM a\nWORKDIR C:\\ \\\n").instructions().get(1)).isEqualTo(new Workdir("C:\\"));
        assertThat(Dockerfile.builder().escape('`').from("a").workdir("C:\\").build().render())
                .isEqualTo("# escape=`\nFROM a\nWORKDIR C:\\\n");
        assertThatThrownBy(() -> Dockerfile.builder().from("a").run("echo \\\\\nfoo").build())
                .isInstanceOf(DockerfileValueException.class).hasMessageContaining("continuation");
    }

    @Test
    void shellScriptsThatWouldBeReadBackDifferently_areRefused() {
        assertThatThrownBy(() -> Command.shell("echo a\n# not a comment")).hasMessageContaining("comment");
        assertThatThrownBy(() -> Command.shell("echo a\n   \necho b")).hasMessageContaining("blank");
        assertThatThrownBy(() -> Command.shell("[\"a\"]")).hasMessageContaining("exec form");
        assertThatThrownBy(() -> Command.shell("--help")).hasMessageContaining("flag");
        assertThatThrownBy(() -> Run.of("cat <<EOF")).hasMessageContaining("here-documents");
    }

    @Test
    void heredocBodyContainingItsDelimiter_isRefused() {
        assertThatThrownBy(() -> Heredoc.of("EOF", "a\nEOF\nb\n")).hasMessageContaining("end the here-document");
        assertThat(Heredoc.delimiterFor("a\nEOF\n", "EOF")).isEqualTo("EOF1");
    }

    @Test
    void directiveLookingFirstComment_isRefused() {
        assertThatThrownBy(() -> Dockerfile.of(List.of(new Comment("syntax=evil/frontend"), From.of("a"))))
                .hasMessageContaining("parser directive");
        assertThat(Dockerfile.of(List.of(new BlankLine(), new Comment("syntax=x"))).render()).isEqualTo("\n# syntax=x\n");
    }

    @Test
    void healthcheck_rendersGoDurations() {
        Healthcheck h = new Healthcheck(Optional.of(Command.exec("curl", "-f", "http://localhost/")),
                Optional.of(Duration.ofSeconds(90)), Optional.of(Duration.ofMillis(1500)), Optional.of(Duration.ZERO),
                Optional.of(Duration.ofHours(1)), java.util.OptionalInt.of(3));
        assertThat(render(h)).isEqualTo("HEALTHCHECK --interval=1m30s --timeout=1.5s --start-period=0s "
                + "--start-interval=1h0m0s --retries=3 CMD [\"curl\", \"-f\", \"http://localhost/\"]\n");
        assertThatThrownBy(() -> new Healthcheck(Optional.empty(), Optional.of(Duration.ofSeconds(1)), Optional.empty(),
                Optional.empty(), Optional.empty(), java.util.OptionalInt.empty())).hasMessageContaining("NONE");
    }

    @Test
    void mountOptions_withCommas_areRefused() {
        assertThatThrownBy(() -> Mount.cache("/a,b")).isInstanceOf(DockerfileValueException.class);
        assertThat(render(new Run(Command.shell("make"), List.of(Mount.tmpfs("/tmp").size("64m"), Mount.ssh().required(true)),
                Optional.empty(), Optional.empty(), List.of())))
                .isEqualTo("RUN --mount=type=tmpfs,target=/tmp,size=64m --mount=type=ssh,required=true make\n");
    }
}
