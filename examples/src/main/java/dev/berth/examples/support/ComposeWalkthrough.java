package dev.berth.examples.support;

import dev.berth.Engine;
import dev.berth.compose.Compose;
import dev.berth.compose.ComposeProject;
import dev.berth.compose.LoadOptions;
import dev.berth.compose.RemoveImages;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * How the Compose walk-throughs run a project: their files are written into a temporary project directory, the
 * project gets a name unique to the run, and {@code docker compose down -v --rmi local} always ends it, so nothing but
 * the cached base images is left.
 */
public final class ComposeWalkthrough {
    private ComposeWalkthrough() {
    }

    /** What a walk-through does with its project once it is loaded. */
    @FunctionalInterface
    public interface Body<T> {
        T run(ComposeProject project) throws Exception;
    }

    /**
     * Loads {@code compose.yaml} from the resource directory {@code files} (with the other named files) as project
     * {@code PREFIX-RANDOM}, interpolating {@code env}; runs {@code body}; then tears the project down. Returns what
     * {@code body} returns.
     */
    public static <T> T run(Engine engine, Console out, String files, String[] names, String prefix,
                            Map<String, String> env, Body<T> body) throws Exception {
        Path dir = Files.createTempDirectory(prefix + "-");
        try {
            Resources.copy(files, dir, names);
            ComposeProject project = Compose.project(engine, LoadOptions.builder().file(dir.resolve("compose.yaml"))
                    .projectName(prefix + "-" + Walkthroughs.suffix()).env(env).build());
            try {
                return body.run(project);
            } finally {
                out.section("docker compose -p " + project.name() + " down -v --rmi local");
                try (Block b = out.block("[+] Running down")) {
                    project.down().volumes().rmi(RemoveImages.LOCAL).progress(Progress.compose(b)).run();
                }
            }
        } finally {
            Resources.deleteTree(dir);
        }
    }
}
