package dev.berth.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Berth's own checks of {@link DockerIgnore}; Docker's vectors are in {@link DockerIgnoreVectorsTest}. */
class DockerIgnoreTest {

    @Test
    void parse_readsFileSyntaxLikeDocker() {
        DockerIgnore ignore = DockerIgnore.parse("\uFEFF# comment\r\n\n  /build/../dist//  \r\n!  /dist/keep \n #x\n");

        assertThat(ignore.patterns()).containsExactly("dist", "!dist/keep", "#x");
        assertThat(ignore.excludes("dist/a.js")).isTrue();
        assertThat(ignore.excludes("dist/keep")).isFalse();
        assertThat(ignore.excludes("#x")).isTrue();
    }

    @Test
    void parse_bareBangNamesItsLine() {
        assertThatThrownBy(() -> DockerIgnore.parse("a\n# c\n\n!\n"))
                .isInstanceOfSatisfying(DockerIgnoreException.class, e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.pattern()).isEqualTo("!");
                })
                .hasMessageContaining("line 4");
    }

    @Test
    void parse_bangSlashCleansToBareBang() {
        assertThatThrownBy(() -> DockerIgnore.parse("!/")).isInstanceOf(DockerIgnoreException.class);
    }

    @Test
    void parse_malformedPatternNamesItsLine() {
        assertThatThrownBy(() -> DockerIgnore.parse("ok\nsrc/[a-\n"))
                .isInstanceOfSatisfying(DockerIgnoreException.class, e -> assertThat(e.line()).isEqualTo(2))
                .hasMessageContaining("\"src/[a-\"");
    }

    @Test
    void read_namesTheFileInErrors(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve(".dockerignore"), "x\n[\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> DockerIgnore.read(file)).hasMessageContaining("line 2 of " + file);
    }

    @Test
    void read_missingFileSaysWhatToDo(@TempDir Path dir) {
        assertThatThrownBy(() -> DockerIgnore.read(dir.resolve("nope"))).hasMessageContaining("check that it exists");
    }

    @Test
    void excludes_lastMatchWins() {
        DockerIgnore ignore = DockerIgnore.of("*.md", "!README*.md", "README-secret.md");

        assertThat(ignore.excludes("CHANGES.md")).isTrue();
        assertThat(ignore.excludes("README.md")).isFalse();
        assertThat(ignore.excludes("README-secret.md")).isTrue();
    }

    @Test
    void excludes_doubleStarAndParentDirectories() {
        DockerIgnore ignore = DockerIgnore.of("**/tmp", "*.log");

        assertThat(ignore.excludes("tmp")).isTrue();
        assertThat(ignore.excludes("a/b/tmp/c/d")).isTrue();
        assertThat(ignore.excludes("app.log")).isTrue();
        assertThat(ignore.excludes("logs/app.log")).as("'*' does not cross '/'").isFalse();
    }

    @Test
    void match_followsUsingParentResultsWhereItDiffersFromOrParentMatches() {
        DockerIgnore ignore = DockerIgnore.of("a/b", "!a");

        DockerIgnore.Match a = ignore.match("a", null);
        DockerIgnore.Match ab = ignore.match("a/b", a);
        assertThat(ignore.excludes("a/b/c")).isFalse();
        assertThat(ignore.match("a/b/c", ab).excluded()).as("what Docker's CLI and BuildKit pack").isTrue();
    }

    @Test
    void match_prunableOnlyWhenNoExceptionCanReachBelow() {
        DockerIgnore literal = DockerIgnore.of("node_modules", "!node_modules/keep/package.json");
        DockerIgnore.Match nm = literal.match("node_modules", null);
        assertThat(nm.excluded()).isTrue();
        assertThat(nm.prunable()).isFalse();
        assertThat(literal.match("node_modules/other", nm).prunable()).isTrue();
        assertThat(literal.match("node_modules/keep", nm).prunable()).isFalse();

        DockerIgnore wildcard = DockerIgnore.of("node_modules", "!**/package.json");
        assertThat(wildcard.match("node_modules", null).prunable()).isFalse();
        assertThat(DockerIgnore.of("node_modules").match("node_modules", null).prunable()).isTrue();
        DockerIgnore trailingGlob = DockerIgnore.of("node_modules", "!node_modules/keep/**");
        DockerIgnore.Match keep = trailingGlob.match("node_modules/keep", null);
        assertThat(keep.excluded()).as("'dir/**' does not match 'dir' itself").isTrue();
        assertThat(keep.prunable()).isFalse();
        assertThat(trailingGlob.match("node_modules/keep/x", keep).excluded()).isFalse();
    }

    @Test
    void valueSemantics() {
        assertThat(DockerIgnore.parse("a\n/b\n")).isEqualTo(DockerIgnore.of("a", "b"))
                .hasSameHashCodeAs(DockerIgnore.of("a", "b"));
        assertThat(DockerIgnore.parse("# only a comment\n")).isSameAs(DockerIgnore.none());
        assertThat(DockerIgnore.none().excludes("anything")).isFalse();
        assertThat(DockerIgnore.of("a").toString()).isEqualTo("DockerIgnore[a]");
    }

    /** Go's regexp (RE2) semantics that the patterns inherit, beyond the upstream vectors. */
    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "[[:digit:]]*.txt | 7up.txt | true",
        "[[:digit:]]*.txt | up.txt | false",
        "[[:^alpha:]]x | 1x | true",
        "a[\\d] | a5 | true",
        "a[\\d] | ad | false",
        "\\d | 5 | true",
        "\\x41* | ABC | true",
        "\\101* | ABC | true",
        "*\\.go | main.go | true",
        "*\\.go | mainxgo | false",
        "[!a]* | !x | true",
        "[!a]* | bx | false",
        "a^* | a^b | false",
        "\\Qa.b* | a\\.b[^/]*$ | true",
        "\\Qa.b* | a\\.b[^/]*$/more | true",
        "\\Qa.b* | a.b | false",
        "[*] | [] | true",
        "[*] | x | false",
        "[α-ω]? | βγ | true",
        "?? | \uD83D\uDE00x | true",
        "\\pL* | Ωx | true",
        "\\PL* | 1 | true",
    })
    void regexpSemantics(String pattern, String path, boolean excluded) {
        assertThat(DockerIgnore.of(pattern).match(path, null).excluded()).isEqualTo(excluded);
    }

    @Test
    void regexpSemantics_newlines() {
        assertThat(DockerIgnore.of("x?").excludes("x\n")).as("'?' and '*' match a newline").isTrue();
        assertThat(DockerIgnore.of("?**").excludes("x\ny")).as("trailing '**' is '.*' here").isFalse();
        assertThat(DockerIgnore.of("x**").excludes("x/y\n/z")).as("but a prefix match there").isTrue();
        assertThat(DockerIgnore.of("a**b").excludes("a/\n/b")).as("'.' in RE2 never matches a newline").isFalse();
        assertThat(DockerIgnore.of("a**b").excludes("a/x/b")).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"[Local-Only]", "[[:alpha:]", "[[:nope:]]", "\\pX*", "x\\e*",
        "\\p{Greek}*", "\\x{41}*"})
    void patternsGoRegexpRefuses_failWhenMatched(String pattern) {
        DockerIgnore ignore = DockerIgnore.of(pattern);

        assertThatThrownBy(() -> ignore.excludes("x")).isInstanceOf(DockerIgnoreException.class)
                .hasMessageContaining("syntax error in pattern");
    }
}
