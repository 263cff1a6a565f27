package dev.berth.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Parser behaviour pinned to the Dockerfile reference (frontend/dockerfile/docs/reference.md) and BuildKit's parser. */
class DockerfileParserTest {

    @Test
    void parse_keywordsAreCaseInsensitive() {
        Dockerfile df = Dockerfile.parse("from alpine:3.20\nrUn echo hi\n");
        assertThat(df.instructions()).containsExactly(From.of("alpine:3.20"), Run.of("echo hi"));
    }

    @Test
    void parse_recordsStartLineOfEachStatement() {
        Dockerfile df = Dockerfile.parse("# syntax=docker/dockerfile:1\nFROM a\n\nRUN one \\\n  two\n# c\nCMD [\"x\"]\n");
        assertThat(df.statements()).hasSize(5);
        assertThat(List.of(df.line(0), df.line(1), df.line(2), df.line(3), df.line(4))).containsExactly(2, 3, 4, 6, 7);
    }

    @Test
    void parse_directivesOnlyAtTop_laterOnesAreComments() {
        Dockerfile df = Dockerfile.parse("# syntax=docker/dockerfile:1\n# check=error=true\n# escape=`\nFROM a\n");
        assertThat(df.directives()).extracting(Directive::name)
                .containsExactly(Directive.Name.SYNTAX, Directive.Name.CHECK, Directive.Name.ESCAPE);
        assertThat(df.escape()).isEqualTo('`');
        Dockerfile late = Dockerfile.parse("FROM a\n# escape=`\n");
        assertThat(late.directives()).isEmpty();
        assertThat(late.statements().get(1)).isEqualTo(new Comment("escape=`"));
    }

    @Test
    void parse_repeatedDirective_isAnErrorOnItsLine() {
        assertThatThrownBy(() -> Dockerfile.parse("# syntax=a\n# syntax=b\nFROM x\n"))
                .isInstanceOfSatisfying(DockerfileParseException.class, e -> assertThat(e.line()).isEqualTo(2));
    }

    @Test
    void parse_backtickEscape_keepsWindowsPathsLiteral() {
        // reference.md, "escape": with escape=` the trailing backslashes are plain characters
        Dockerfile df = Dockerfile.parse("# escape=`\n\nFROM microsoft/nanoserver\nCOPY testfile.txt c:\\\nRUN dir c:\\\n");
        assertThat(df.instructions().get(1)).isEqualTo(Copy.of("testfile.txt", "c:\\"));
        assertThat(df.instructions().get(2)).isEqualTo(Run.of("dir c:\\"));
    }

    @Test
    void parse_backtickContinuation_joinsLines() {
        Dockerfile df = Dockerfile.parse("# escape=`\nFROM a\nRUN echo one `\n    two\n");
        assertThat(((ShellForm) ((Run) df.instructions().get(1)).command()).joined()).isEqualTo("echo one     two");
    }

    @Test
    void parse_commentsAndEmptyLinesInsideContinuation_areDropped() {
        Dockerfile df = Dockerfile.parse("FROM a\nRUN apt-get update && \\\n# comment\n\n    apt-get install -y x\n");
        assertThat(((ShellForm) ((Run) df.instructions().get(1)).command()).joined())
                .isEqualTo("apt-get update &&     apt-get install -y x");
        assertThat(df.statements()).hasSize(2);
    }

    @Test
    void parse_invalidJson_fallsBackToShellForm() {
        // reference.md: RUN ["c:\windows\system32\tasklist.exe"] is not valid JSON, so it is shell form
        Dockerfile df = Dockerfile.parse("FROM a\nRUN [\"c:\\windows\\system32\\tasklist.exe\"]\nCMD [ \"echo\", \"$HOME\" ]\n");
        assertThat(((Run) df.instructions().get(1)).command())
                .isEqualTo(Command.shell("[\"c:\\windows\\system32\\tasklist.exe\"]"));
        assertThat(((Cmd) df.instructions().get(2)).command()).isEqualTo(Command.exec("echo", "$HOME"));
    }

    @Test
    void parse_envKeyValueAndLegacyForms_asInTheReference() {
        Dockerfile df = Dockerfile.parse("FROM a\nENV MY_NAME=\"John Doe\"\nENV MY_DOG=Rex\\ The\\ Dog\nENV MY_CAT=fluffy\n"
                + "ENV ONE TWO= THREE=world\nLABEL \"com.example.vendor\"=\"ACME Incorporated\" version=\"1.0\"\n");
        assertThat(df.instructions().subList(1, 6)).containsExactly(
                Env.of("MY_NAME", "John Doe"), Env.of("MY_DOG", "Rex The Dog"), Env.of("MY_CAT", "fluffy"),
                Env.of("ONE", "TWO= THREE=world"),
                new Label(List.of(KeyValue.of("com.example.vendor", "ACME Incorporated"), KeyValue.of("version", "1.0"))));
    }

    @Test
    void parse_variableReferencesStay_escapedDollarIsLiteral() {
        Dockerfile df = Dockerfile.parse("FROM a\nENV A=$HOME B=\\$HOME C='$HOME' D=\"${X:-y z}\"\n");
        Env env = (Env) df.instructions().get(1);
        assertThat(env.pairs()).containsExactly(KeyValue.of("A", "$HOME"), KeyValue.of("B", "\\$HOME"),
                KeyValue.of("C", "\\$HOME"), KeyValue.of("D", "${X:-y z}"));
    }

    @Test
    void parse_argsWithAndWithoutDefaults() {
        Dockerfile df = Dockerfile.parse("ARG foo bar=baz\nFROM ubuntu\nARG abc=\"123 456\" def\n");
        assertThat(df.preamble()).containsExactly(new Arg(List.of(new Arg.Variable("foo", Optional.empty()),
                new Arg.Variable("bar", Optional.of("baz")))));
        assertThat(df.instructions().get(2)).isEqualTo(new Arg(List.of(
                new Arg.Variable("abc", Optional.of("123 456")), new Arg.Variable("def", Optional.empty()))));
    }

    @Test
    void parse_runFlags_mountNetworkSecurity() {
        Dockerfile df = Dockerfile.parse("FROM a\nRUN --mount=type=cache,target=/root/.cache,sharing=locked "
                + "--mount=type=secret,id=aws,required --mount=target=/src,rw --network=none --security=insecure make\n");
        Run run = (Run) df.instructions().get(1);
        assertThat(run.mounts()).containsExactly(
                Mount.cache("/root/.cache").sharing(Mount.Sharing.LOCKED),
                Mount.secret("aws").required(true),
                Mount.bind("/src").readwrite(true));
        assertThat(run.network()).contains(NetworkMode.NONE);
        assertThat(run.security()).contains(SecurityMode.INSECURE);
    }

    @Test
    void parse_copyAndAddFlags() {
        Dockerfile df = Dockerfile.parse("FROM a\nCOPY --from=build --chown=app:app --chmod=0755 --link --parents "
                + "--exclude=*.md --exclude=*.txt a b /dst/\nADD --checksum=sha256:abc --keep-git-dir --unpack=false "
                + "https://x/y.tar.gz /z\n");
        Copy copy = (Copy) df.instructions().get(1);
        assertThat(copy).isEqualTo(new Copy(List.of("a", "b"), "/dst/", Optional.of("build"), Optional.of("app:app"),
                Optional.of("0755"), true, true, List.of("*.md", "*.txt"), List.of()));
        Add add = (Add) df.instructions().get(2);
        assertThat(add.checksum()).contains("sha256:abc");
        assertThat(add.keepGitDir()).isTrue();
        assertThat(add.unpack()).contains(false);
    }

    @Test
    void parse_healthcheckOptionsAsDurations() {
        Dockerfile df = Dockerfile.parse("FROM a\nHEALTHCHECK --interval=5m --timeout=3s --start-period=1m30s "
                + "--start-interval=500ms --retries=4 CMD curl -f http://localhost/ || exit 1\nHEALTHCHECK NONE\n");
        assertThat(df.instructions().get(1)).isEqualTo(new Healthcheck(
                Optional.of(Command.shell("curl -f http://localhost/ || exit 1")), Optional.of(Duration.ofMinutes(5)),
                Optional.of(Duration.ofSeconds(3)), Optional.of(Duration.ofSeconds(90)),
                Optional.of(Duration.ofMillis(500)), OptionalInt.of(4)));
        assertThat(df.instructions().get(2)).isEqualTo(Healthcheck.none());
    }

    @Test
    void parse_exposeProtocols_fromAsAndOnbuild() {
        Dockerfile df = Dockerfile.parse("FROM --platform=$BUILDPLATFORM golang:1.22 as build\n"
                + "EXPOSE 80/tcp 53/UDP 8000-8010\nONBUILD RUN [\"echo\", \"test\"]\n");
        assertThat(df.instructions().get(0)).isEqualTo(From.of("golang:1.22").as("build").platform("$BUILDPLATFORM"));
        assertThat(((Expose) df.instructions().get(1)).ports()).containsExactly(ExposedPort.tcp(80),
                ExposedPort.udp(53), ExposedPort.range(8000, 8010, Protocol.TCP));
        assertThat(df.instructions().get(2)).isEqualTo(new Onbuild(Run.of(Command.exec("echo", "test"))));
    }

    @Test
    @SuppressWarnings("deprecation")
    void parse_maintainerIsKeptAsDeprecatedInstruction() {
        assertThat(Dockerfile.parse("FROM a\nMAINTAINER Jane <jane@example.com>\n").instructions().get(1))
                .isEqualTo(new Maintainer("Jane <jane@example.com>"));
    }

    @Test
    void parse_copyHeredocWithChompAndSeveralPerLine() {
        Dockerfile df = Dockerfile.parse("FROM a\nCOPY <<-EOT /script.sh\n\techo \"hello ${FOO}\"\n\tEOT\n"
                + "RUN <<A cat - && <<\"B\" cat -\na\nA\nb $x\nB\n");
        Copy copy = (Copy) df.instructions().get(1);
        assertThat(copy.heredocs()).containsExactly(new Heredoc("EOT", "\techo \"hello ${FOO}\"\n", true, true));
        Run run = (Run) df.instructions().get(2);
        assertThat(run.heredocs()).containsExactly(Heredoc.of("A", "a\n"), new Heredoc("B", "b $x\n", false, false));
        assertThat(df.line(2)).isEqualTo(5);
    }

    @Test
    void parse_errorsCarryLineAndColumn() {
        assertThatThrownBy(() -> Dockerfile.parse("FROM a\n  FOO bar\n", "Dockerfile.dev"))
                .isInstanceOfSatisfying(DockerfileParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(3);
                    assertThat(e.getMessage()).startsWith("Dockerfile.dev:2:3: unknown instruction: FOO");
                });
        assertThatThrownBy(() -> Dockerfile.parse("FROM a\nRUN --mount=type=nfs,target=/x make\n"))
                .isInstanceOfSatisfying(DockerfileParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(5);
                    assertThat(e.reason()).contains("unsupported mount type");
                });
        assertThatThrownBy(() -> Dockerfile.parse("FROM a\nRUN <<EOF\necho\n")).isInstanceOf(DockerfileParseException.class)
                .hasMessageContaining("unterminated heredoc");
        assertThatThrownBy(() -> Dockerfile.parse("FROM a\nSHELL /bin/bash -c\n"))
                .hasMessageContaining("SHELL requires the arguments to be in JSON form");
        assertThatThrownBy(() -> Dockerfile.parse("FROM a b\n")).hasMessageContaining("one or three arguments");
        assertThatThrownBy(() -> Dockerfile.parse("FROM a\nHEALTHCHECK --interval=5x CMD true\n"))
                .hasMessageContaining("--interval");
    }

    @Test
    void parse_byteOrderMarkAndCrlf_areAccepted() {
        Dockerfile df = Dockerfile.parse("\uFEFFFROM a\r\nRUN echo \\\r\n  hi\r\n");
        assertThat(((ShellForm) ((Run) df.instructions().get(1)).command()).joined()).isEqualTo("echo   hi");
    }

    @Test
    void stages_splitAtFrom_withNamesAndPreamble() {
        Dockerfile df = Dockerfile.parse("ARG V=1\nFROM golang:1.22 AS build\nRUN go build\nFROM scratch\n"
                + "COPY --from=build /app /app\n");
        assertThat(df.preamble()).containsExactly(Arg.of("V", "1"));
        assertThat(df.stages()).hasSize(2);
        assertThat(df.stages().get(0).name()).contains("build");
        assertThat(df.stages().get(0).instructions()).containsExactly(Run.of("go build"));
        assertThat(df.stages().get(1).base()).isEqualTo("scratch");
        assertThat(df.stage("BUILD")).isPresent();
    }
}
