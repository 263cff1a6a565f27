package dev.berth.dockerfile;

import java.util.List;

/** {@code VOLUME <path>…}: mount points; written as a JSON array when a path contains whitespace or quotes. */
public record Volume(List<String> paths) implements Instruction {

    /** Requires at least one path. */
    public Volume {
        paths = Checks.lines("VOLUME", paths);
        if (paths.isEmpty()) {
            throw new DockerfileValueException("VOLUME", "", "VOLUME needs at least one path");
        }
    }

    /** {@code VOLUME path…}. */
    public static Volume of(String... paths) {
        return new Volume(List.of(paths));
    }

    @Override
    public String keyword() {
        return "VOLUME";
    }

    @Override
    public void writeTo(DockerfileWriter out) {
        out.begin("VOLUME");
        out.paths(paths, true);
        out.end();
    }
}
