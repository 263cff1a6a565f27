package dev.berth.maven;

import org.apache.maven.project.MavenProject;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Names derived from the Maven project: the image repository and tag, the Compose project name and the OCI labels,
 * each made valid for Docker (lower case, allowed characters only).
 */
final class Coordinates {
    private Coordinates() {
    }

    /** The default image repository: the artifactId, lower-cased, other characters than {@code [a-z0-9._-]} as '-'. */
    static String imageName(String artifactId) {
        return trim(artifactId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-"), "._-");
    }

    /** A tag from a version: characters other than {@code [A-Za-z0-9_.-]} as '-', at most 128, not starting with '.' or '-'. */
    static String tag(String version) {
        String t = trim(version.replaceAll("[^A-Za-z0-9_.-]", "-"), ".-");
        return t.length() > 128 ? t.substring(0, 128) : t;
    }

    /** The default Compose project name, as {@code docker compose -p} accepts it: {@code [a-z0-9][a-z0-9_-]*}. */
    static String projectName(String artifactId) {
        return trim(artifactId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-"), "_-");
    }

    /** OCI annotations ({@code org.opencontainers.image.*}) for what the POM says about the project. */
    static Map<String, String> ociLabels(MavenProject project) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("org.opencontainers.image.title", project.getArtifactId());
        labels.put("org.opencontainers.image.version", project.getVersion());
        putIfSet(labels, "org.opencontainers.image.description", project.getDescription());
        putIfSet(labels, "org.opencontainers.image.url", project.getUrl());
        if (project.getScm() != null) {
            putIfSet(labels, "org.opencontainers.image.source", project.getScm().getUrl());
        }
        if (project.getOrganization() != null) {
            putIfSet(labels, "org.opencontainers.image.vendor", project.getOrganization().getName());
        }
        if (!project.getLicenses().isEmpty()) {
            putIfSet(labels, "org.opencontainers.image.licenses", project.getLicenses().get(0).getName());
        }
        return labels;
    }

    private static void putIfSet(Map<String, String> labels, String key, String value) {
        if (value != null && !value.isBlank()) {
            labels.put(key, value.strip());
        }
    }

    private static String trim(String s, String leading) {
        int i = 0;
        while (i < s.length() && leading.indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        if (i == s.length()) {
            throw new IllegalArgumentException("'" + s + "' leaves no usable Docker name; set the name explicitly");
        }
        return s.substring(i);
    }
}
