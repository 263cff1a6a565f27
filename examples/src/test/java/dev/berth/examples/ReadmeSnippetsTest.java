package dev.berth.examples;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps README's code true to the code that runs: every tour region of ReadmeTourIT, and of berth-junit's tests (the
 * "Test fixtures" section), appears in README.md verbatim.
 */
class ReadmeSnippetsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void everyTourRegion_appearsInReadme() throws IOException {
        String readme = normalize(Files.readString(ROOT.resolve("README.md")));
        List<String> missing = new ArrayList<>();
        int regions = 0;
        List<Path> sources = new ArrayList<>(List.of(ROOT.resolve("examples/src/test/java/dev/berth/examples/ReadmeTourIT.java")));
        try (var junit = Files.walk(ROOT.resolve("junit/src/test/java"))) {
            junit.filter(p -> p.toString().endsWith(".java")).sorted().forEach(sources::add);
        }
        for (Path source : sources) {
            Matcher m = Pattern.compile("// tour:(\\w+)\\n(.*?)\\n\\s*// end", Pattern.DOTALL)
                    .matcher(Files.readString(source));
            while (m.find()) {
                regions++;
                if (!readme.contains(normalize(m.group(2)))) {
                    missing.add(m.group(1) + " (" + ROOT.relativize(source) + ")");
                }
            }
        }
        assertThat(regions).isGreaterThanOrEqualTo(5);
        assertThat(missing).as("tour regions missing from README.md (copy them from the file named)").isEmpty();
    }

    private static String normalize(String s) {
        return s.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce("", (a, b) -> a + b + "\n");
    }
}
