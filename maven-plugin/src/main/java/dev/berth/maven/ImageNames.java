package dev.berth.maven;

import dev.berth.image.ImageRef;
import org.apache.maven.project.MavenProject;

import java.util.ArrayList;
import java.util.List;

/** The image references build and push agree on: {@code IMAGE:TAG} for each tag. */
final class ImageNames {
    private ImageNames() {
    }

    /** The repository: the configured one, else the artifactId made valid for Docker. */
    static String repository(MavenProject project, String image) {
        return image == null || image.isBlank() ? Coordinates.imageName(project.getArtifactId()) : image.strip();
    }

    /** The tags: the configured ones, else the project version (made valid) and {@code latest}. */
    static List<String> tags(MavenProject project, List<String> tags) {
        if (tags != null && !tags.isEmpty()) {
            return tags.stream().map(String::strip).toList();
        }
        return List.of(Coordinates.tag(project.getVersion()), "latest");
    }

    /** {@code REPOSITORY:TAG} for every tag, each checked as Docker parses references. */
    static List<String> references(MavenProject project, String image, List<String> tags) {
        String repository = repository(project, image);
        ImageRef ref = ImageRef.parse(repository);
        if (ref.tag().isPresent() || ref.digest().isPresent()) {
            throw new IllegalArgumentException("<image> '" + repository + "' must name a repository without a tag or"
                    + " digest; give tags in <tags>");
        }
        List<String> out = new ArrayList<>();
        for (String tag : tags(project, tags)) {
            String reference = repository + ":" + tag;
            ImageRef.parse(reference);
            out.add(reference);
        }
        return out;
    }
}
