package dev.berth.compose.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the loader produced: the final tree (normalized, profiles applied), disabled services, the Go-shaped rendering
 * used for {@code config} output, and the warnings.
 */
public record LoadResult(String name, Path workingDir, List<Path> files, Map<String, String> environment,
                         Map<String, Object> tree, Map<String, Object> disabled, Map<String, Object> rendered,
                         boolean interpolated, List<String> warnings) {

    /** {@code docker compose config --format json}. */
    public String toJson() {
        String json = GoJson.write(interpolated ? rendered : sortedCopy(rendered));
        return interpolated ? json.replace("$", "$$") : json;
    }

    /** {@code docker compose config --format yaml}. */
    public String toYaml() {
        Map<String, Object> tree = interpolated ? GoRenderer.project(this.tree, true) : sortedCopy(rendered);
        String yaml = YamlWriter.write(tree);
        return interpolated ? yaml.replace("$", "$$") : yaml;
    }

    /** The tree with every mapping's keys sorted, as Go writes maps (config output without interpolation). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> sortedCopy(Map<String, Object> tree) {
        return (Map<String, Object>) GoRenderer.goMapOrder(tree);
    }
}
