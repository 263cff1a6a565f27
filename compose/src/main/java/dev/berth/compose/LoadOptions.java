package dev.berth.compose;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to load and how: the counterpart of {@code docker compose} global flags ({@code -f}, {@code -p},
 * {@code --project-directory}, {@code --env-file}, {@code --profile}) plus {@code config --no-interpolate}.
 * The process environment is injectable so loads can be hermetic.
 */
public final class LoadOptions {
    private final List<Path> files;
    private final Path projectDirectory;
    private final String projectName;
    private final Map<String, String> environment;
    private final Map<String, String> envOverrides;
    private final List<Path> envFiles;
    private final List<String> profiles;
    private final boolean interpolate;

    private LoadOptions(List<Path> files, Path projectDirectory, String projectName, Map<String, String> environment,
                        Map<String, String> envOverrides, List<Path> envFiles, List<String> profiles,
                        boolean interpolate) {
        files = List.copyOf(files);
        environment = Map.copyOf(environment);
        envOverrides = Map.copyOf(envOverrides);
        envFiles = List.copyOf(envFiles);
        profiles = List.copyOf(profiles);
        this.files = files;
        this.projectDirectory = projectDirectory;
        this.projectName = projectName;
        this.environment = environment;
        this.envOverrides = envOverrides;
        this.envFiles = envFiles;
        this.profiles = profiles;
        this.interpolate = interpolate;
    }

    /** Compose files in order (empty: {@code COMPOSE_FILE}, then discovery of compose.yaml…). */
    public List<Path> files() {
        return files;
    }

    /** Project (working) directory; null: the directory of the first file. */
    public Path projectDirectory() {
        return projectDirectory;
    }

    /** Explicit project name ({@code -p}); null: COMPOSE_PROJECT_NAME, {@code name:}, directory. */
    public String projectName() {
        return projectName;
    }

    /** The process environment (default {@code System.getenv()}). */
    public Map<String, String> environment() {
        return environment;
    }

    /** Variables that win over both the process environment and {@code .env}. */
    public Map<String, String> envOverrides() {
        return envOverrides;
    }

    /** {@code --env-file} files; empty: {@code <project dir>/.env} when present. */
    public List<Path> envFiles() {
        return envFiles;
    }

    /** Active profiles; empty: COMPOSE_PROFILES. */
    public List<String> profiles() {
        return profiles;
    }

    /** False for {@code --no-interpolate}. */
    public boolean interpolate() {
        return interpolate;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof LoadOptions other && values().equals(other.values());
    }

    @Override
    public int hashCode() {
        return values().hashCode();
    }

    @Override
    public String toString() {
        return "LoadOptions[files=" + files + ", projectDirectory=" + projectDirectory
                + ", projectName=" + projectName + ", environment=" + environment + ", envOverrides=" + envOverrides
                + ", envFiles=" + envFiles + ", profiles=" + profiles + ", interpolate=" + interpolate + "]";
    }

    private List<Object> values() {
        return Arrays.asList(files, projectDirectory, projectName, environment, envOverrides, envFiles, profiles,
                interpolate);
    }

    /** A builder with Compose's defaults: interpolation on, the JVM's process environment. */
    public static Builder builder() {
        return new Builder();
    }

    /** Options that load the given files with the defaults. */
    public static LoadOptions of(Path... files) {
        return builder().files(List.of(files)).build();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.files.addAll(files);
        b.projectDirectory = projectDirectory;
        b.projectName = projectName;
        b.environment = new LinkedHashMap<>(environment);
        b.envOverrides.putAll(envOverrides);
        b.envFiles.addAll(envFiles);
        b.profiles.addAll(profiles);
        b.interpolate = interpolate;
        return b;
    }

    /** Builds {@link LoadOptions}; every setter returns the builder. */
    public static final class Builder {
        private final List<Path> files = new ArrayList<>();
        private Path projectDirectory;
        private String projectName;
        private Map<String, String> environment;
        private final Map<String, String> envOverrides = new LinkedHashMap<>();
        private final List<Path> envFiles = new ArrayList<>();
        private final List<String> profiles = new ArrayList<>();
        private boolean interpolate = true;

        private Builder() {
        }

        /** Adds a compose file ({@code -f}). */
        public Builder file(Path file) {
            files.add(Objects.requireNonNull(file, "file"));
            return this;
        }

        /** Replaces the compose files. */
        public Builder files(List<Path> files) {
            this.files.clear();
            files.forEach(this::file);
            return this;
        }

        /** Sets the project directory ({@code --project-directory}). */
        public Builder projectDirectory(Path dir) {
            this.projectDirectory = dir;
            return this;
        }

        /** Sets the project name ({@code -p}); it must already be a valid name (lowercase, digits, - and _). */
        public Builder projectName(String name) {
            this.projectName = name;
            return this;
        }

        /** Replaces the process environment (default {@code System.getenv()}). */
        public Builder environment(Map<String, String> env) {
            this.environment = new LinkedHashMap<>(Objects.requireNonNull(env, "env"));
            return this;
        }

        /** Sets one variable that wins over the process environment and {@code .env}. */
        public Builder env(String key, String value) {
            envOverrides.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Adds variables that win over the process environment and {@code .env}. */
        public Builder env(Map<String, String> overrides) {
            overrides.forEach(this::env);
            return this;
        }

        /** Adds an environment file ({@code --env-file}). */
        public Builder envFile(Path file) {
            envFiles.add(Objects.requireNonNull(file, "file"));
            return this;
        }

        /** Activates a profile ({@code --profile}); {@code *} activates all. */
        public Builder profile(String profile) {
            profiles.add(Objects.requireNonNull(profile, "profile"));
            return this;
        }

        /** Turns interpolation of {@code ${VAR}} on or off ({@code --no-interpolate}). */
        public Builder interpolate(boolean on) {
            this.interpolate = on;
            return this;
        }

        public LoadOptions build() {
            Map<String, String> env = environment == null ? System.getenv() : environment;
            return new LoadOptions(files, projectDirectory, projectName, env, envOverrides, envFiles, profiles, interpolate);
        }
    }
}
