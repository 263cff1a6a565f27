package dev.berth.maven;

import dev.berth.Engine;
import dev.berth.compose.Compose;
import dev.berth.compose.ComposeEvent;
import dev.berth.compose.ComposeProject;
import dev.berth.compose.LoadOptions;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.util.List;

/**
 * The Compose project the up and down goals share: the files ({@code -f}), the project name ({@code -p}), variables,
 * env files and profiles.
 */
abstract class ComposeMojo extends TestEnvironmentMojo {
    /** The compose files ({@code -f}); default: compose.yaml (or Compose's other names) in the project directory. */
    @Parameter(property = "berth.file")
    List<File> file;

    /** Variables for interpolating the compose files, each {@code KEY=VALUE}; they win over the environment. */
    @Parameter(property = "berth.env")
    List<String> env;

    /** Environment files for interpolation ({@code --env-file}); default: {@code .env} beside the compose file. */
    @Parameter(property = "berth.envFile")
    List<File> envFile;

    /** Profiles to activate ({@code --profile}). */
    @Parameter(property = "berth.profiles")
    List<String> profiles;

    /** Loads the project as {@code docker compose -f … -p …} would. */
    ComposeProject load(Engine engine) {
        LoadOptions.Builder options = LoadOptions.builder()
                .projectName(projectName())
                .env(KeyValues.parse(env, "env"));
        if (file == null || file.isEmpty()) {
            options.projectDirectory(project.getBasedir().toPath());
        } else {
            file.forEach(f -> options.file(f.toPath()));
        }
        if (envFile != null) {
            envFile.forEach(f -> options.envFile(f.toPath()));
        }
        if (profiles != null) {
            profiles.forEach(p -> options.profile(p.strip()));
        }
        return Compose.project(engine, options.build());
    }

    /** Logs Compose's progress lines as {@code docker compose} prints them. */
    void progress(ComposeEvent event) {
        getLog().info(event.toString().strip());
    }
}
