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

/** Keeps README's API tour true to the code: every tour region of ReadmeTourIT appears in README.md verbatim. */
class ReadmeSnippetsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void everyTourRegion_appearsInReadme() throws IOException {
        String readme = normalize(Files.readString(ROOT.resolve("README.md")));
        List<String> missing = new ArrayList<>();
        int regions = 0;
        for (Path source : List.of(ROOT.resolve("examples/src/test/java/dev/berth/examples/ReadmeTourIT.java"))) {
            Matcher m = Pattern.compile("// tour:(\\w+)\\n(.*?)\\n\\s*// end", Pattern.DOTALL)
                    .matcher(Files.readString(source));
            while (m.find()) {
                regions++;
                if (!readme.contains(normalize(m.group(2)))) {
                    missing.add(m.group(1));
                }
            }
        }
        assertThat(regions).isGreaterThanOrEqualTo(5);
        assertThat(missing).as("tour regions missing from README.md (copy them from ReadmeTourIT)").isEmpty();
    }

    private static String normalize(String s) {
        return s.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce("", (a, b) -> a + b + "\n");
    }
}
