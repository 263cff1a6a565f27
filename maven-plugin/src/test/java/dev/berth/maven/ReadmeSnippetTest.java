package dev.berth.maven;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "Maven plugin" section shows only tested XML: its plugin snippet is, line for line, the build of the
 * invoker project {@code src/it/shop}, and its BOM snippet the dependency management of the consumer project that
 * release-check runs (with {@code @project.version@} standing for the version, as the invoker filters it).
 */
class ReadmeSnippetTest {
    private static final Path ROOT = Path.of("..");

    @Test
    void pluginSnippet_isTheShopProjectsBuild() throws IOException {
        assertThat(normalized(Files.readString(Path.of("src/it/shop/pom.xml"))))
                .contains(normalized(snippets().get(0)));
    }

    @Test
    void bomSnippet_isTheConsumerProjectsDependencyManagement() throws IOException {
        assertThat(normalized(Files.readString(ROOT.resolve("release-check/src/it/consumer/pom.xml"))))
                .contains(normalized(snippets().get(1)));
    }

    /** The xml blocks of the README's "Maven plugin" section, in order. */
    private static List<String> snippets() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int start = readme.indexOf("\n## Maven plugin\n");
        assertThat(start).as("README has a '## Maven plugin' section").isPositive();
        int end = readme.indexOf("\n## ", start + 1);
        Matcher m = Pattern.compile("```xml\n(.*?)```", Pattern.DOTALL).matcher(readme.substring(start, end));
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        assertThat(out).hasSize(2);
        String version = System.getProperty("berth.version");
        assertThat(version).as("berth.version, set by the module's POM").isNotBlank();
        return out.stream().map(s -> s.replace("<version>" + version + "</version>", "<version>@project.version@</version>"))
                .toList();
    }

    /** Each line stripped, blank lines and XML comments dropped, so that only indentation may differ. */
    private static String normalized(String xml) {
        return xml.replaceAll("(?s)<!--.*?-->", "").lines().map(String::strip).filter(l -> !l.isEmpty())
                .collect(Collectors.joining("\n"));
    }
}
