package dev.berth.release;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The build as its POMs describe it, read from the source tree (this module runs in {@code release-check/}): the
 * modules of the root POM, and the artifacts the BOM manages.
 */
final class Reactor {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /**
     * One module of the reactor.
     *
     * @param published whether a release deploys it (not {@code maven.deploy.skip})
     */
    record Module(String directory, String artifactId, String packaging, boolean published) {
        Path path() {
            return ROOT.resolve(directory);
        }

        /** A library: a published jar, which the BOM must list. */
        boolean library() {
            return published && packaging.equals("jar");
        }
    }

    private Reactor() {
    }

    /** The modules the root POM lists, in order. */
    static List<Module> modules() {
        List<Module> out = new ArrayList<>();
        for (String dir : texts(pom(ROOT.resolve("pom.xml")), "module")) {
            Element pom = pom(ROOT.resolve(dir).resolve("pom.xml"));
            String packaging = direct(pom, "packaging");
            boolean skipDeploy = texts(pom, "maven.deploy.skip").contains("true");
            out.add(new Module(dir, direct(pom, "artifactId"), packaging.isEmpty() ? "jar" : packaging, !skipDeploy));
        }
        return out;
    }

    /** The library modules: published jars. */
    static List<Module> libraries() {
        return modules().stream().filter(Module::library).toList();
    }

    /** The artifactIds whose versions the BOM manages. */
    static List<String> bomArtifacts() {
        Element bom = pom(ROOT.resolve("bom/pom.xml"));
        List<String> out = new ArrayList<>();
        NodeList deps = bom.getElementsByTagName("dependency");
        for (int i = 0; i < deps.getLength(); i++) {
            out.add(direct((Element) deps.item(i), "artifactId"));
        }
        return out;
    }

    /** The version the BOM declares. */
    static String bomVersion() {
        return direct(pom(ROOT.resolve("bom/pom.xml")), "version");
    }

    private static Element pom(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new AssertionError(file + " is missing; this check runs in the release-check module of the source tree");
        }
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile()).getDocumentElement();
        } catch (Exception e) {
            throw new AssertionError("cannot parse " + file, e);
        }
    }

    /** The text of a direct child element, or "". */
    private static String direct(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().strip();
            }
        }
        return "";
    }

    private static List<String> texts(Element parent, String name) {
        List<String> out = new ArrayList<>();
        NodeList nodes = parent.getElementsByTagName(name);
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent().strip());
        }
        return out;
    }
}
