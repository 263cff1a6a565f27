package dev.berth.maven;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the generated plugin descriptor against the plugin's configuration rules: the goals and their default
 * phases, and every editable parameter settable as a {@code -Dberth.*} property (the test-skip flags excepted,
 * which deliberately share Failsafe's property names).
 */
class PluginDescriptorTest {
    private static final Set<String> FAILSAFE_FLAGS = Set.of("${skipITs}", "${skipTests}", "${maven.test.skip}");

    private final Element plugin = descriptor();

    @Test
    void goals_areBoundToTheirDefaultPhases() {
        List<String> goals = new ArrayList<>();
        for (Element mojo : children(plugin, "mojo")) {
            goals.add(text(mojo, "goal") + "@" + text(mojo, "phase"));
        }
        assertThat(text(plugin, "goalPrefix")).isEqualTo("berth");
        assertThat(goals).containsExactlyInAnyOrder("build@package", "push@deploy", "lint@validate",
                "up@pre-integration-test", "down@post-integration-test", "start@pre-integration-test",
                "stop@post-integration-test");
    }

    @Test
    void everyParameter_isAlsoABerthProperty() {
        Set<String> missing = new TreeSet<>();
        int checked = 0;
        for (Element mojo : children(plugin, "mojo")) {
            Element configuration = (Element) mojo.getElementsByTagName("configuration").item(0);
            for (Element parameter : children((Element) mojo.getElementsByTagName("parameters").item(0), "parameter")) {
                if (!Boolean.parseBoolean(text(parameter, "editable"))) {
                    continue;
                }
                checked++;
                String name = text(parameter, "name");
                NodeList values = configuration.getElementsByTagName(name);
                String expression = values.getLength() == 0 ? "" : values.item(0).getTextContent();
                if (!expression.startsWith("${berth.") && !FAILSAFE_FLAGS.contains(expression)) {
                    missing.add(text(mojo, "goal") + ":" + name + " = '" + expression + "'");
                }
            }
        }
        assertThat(checked).as("editable parameters found").isGreaterThan(40);
        assertThat(missing).as("parameters without a -Dberth.* property").isEmpty();
    }

    private static Element descriptor() {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(Path.of("target/classes/META-INF/maven/plugin.xml").toFile()).getDocumentElement();
        } catch (Exception e) {
            throw new AssertionError("cannot read the plugin descriptor; run mvn process-classes first", e);
        }
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getTagName().equals(name)) {
                out.add(e);
            }
        }
        if (out.isEmpty() && parent.getElementsByTagName(name + "s").getLength() > 0) {
            return children((Element) parent.getElementsByTagName(name + "s").item(0), name);
        }
        return out;
    }

    private static String text(Element parent, String name) {
        for (Element e : children(parent, name)) {
            return e.getTextContent().strip();
        }
        return "";
    }
}
