package dev.berth.image;

import dev.berth.registry.RegistryAuth;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What {@code docker build} needs: a context (a directory, in-memory files, or both), a Dockerfile, tags and options.
 *
 * <pre>{@code
 * Image img = engine.build(BuildSpec.builder()
 *         .dockerfile("FROM scratch\nCOPY busybox /bin/busybox\n")
 *         .file("busybox", Path.of("/bin/busybox"))
 *         .tag("demo:1")
 *         .build());
 * }</pre>
 */
public final class BuildSpec {
    private final Optional<Path> context;
    private final Optional<Path> dockerfile;
    private final Optional<String> dockerfileText;
    private final Map<String, ContextFile> files;
    private final List<String> tags;
    private final Map<String, String> buildArgs;
    private final Map<String, String> labels;
    private final Optional<String> target;
    private final boolean noCache;
    private final boolean pull;
    private final Optional<String> networkMode;
    private final Optional<Consumer<String>> output;
    private final Optional<Consumer<BuildEvent>> events;
    private final Optional<String> platform;
    private final Optional<RegistryAuth> auth;
    private final boolean sessionLabel;

    private BuildSpec(Optional<Path> context, Optional<Path> dockerfile, Optional<String> dockerfileText,
                      Map<String, ContextFile> files, List<String> tags, Map<String, String> buildArgs,
                      Map<String, String> labels, Optional<String> target, boolean noCache, boolean pull,
                      Optional<String> networkMode, Optional<Consumer<String>> output,
                      Optional<Consumer<BuildEvent>> events, Optional<String> platform, Optional<RegistryAuth> auth,
                      boolean sessionLabel) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(dockerfile, "dockerfile");
        Objects.requireNonNull(dockerfileText, "dockerfileText");
        files = Map.copyOf(files);
        tags = List.copyOf(tags);
        buildArgs = Map.copyOf(buildArgs);
        labels = Map.copyOf(labels);
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(networkMode, "networkMode");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(auth, "auth");
        platform.ifPresent(PullOptions::checkPlatform);
        buildArgs.keySet().forEach(BuildSpec::checkName);
        if (dockerfile.isPresent() && dockerfileText.isPresent()) {
            throw new IllegalArgumentException("Give either a Dockerfile path or Dockerfile text, not both");
        }
        if (context.isEmpty() && dockerfileText.isEmpty() && dockerfile.isEmpty()) {
            throw new IllegalArgumentException("A build needs a context directory or a Dockerfile");
        }
        tags.forEach(ImageRef::parse);
        this.context = context;
        this.dockerfile = dockerfile;
        this.dockerfileText = dockerfileText;
        this.files = files;
        this.tags = tags;
        this.buildArgs = buildArgs;
        this.labels = labels;
        this.target = target;
        this.noCache = noCache;
        this.pull = pull;
        this.networkMode = networkMode;
        this.output = output;
        this.events = events;
        this.platform = platform;
        this.auth = auth;
        this.sessionLabel = sessionLabel;
    }

    /** A directory sent as the build context, if any. */
    public Optional<Path> context() {
        return context;
    }

    /** A Dockerfile on disk (inside or outside the context), if any. */
    public Optional<Path> dockerfile() {
        return dockerfile;
    }

    /** The Dockerfile text, used instead of a file, if any. */
    public Optional<String> dockerfileText() {
        return dockerfileText;
    }

    /** Extra context entries: archive path → content. */
    public Map<String, ContextFile> files() {
        return files;
    }

    /** Image references to tag the result with. */
    public List<String> tags() {
        return tags;
    }

    /** {@code --build-arg} values. */
    public Map<String, String> buildArgs() {
        return buildArgs;
    }

    /** Labels on the image. */
    public Map<String, String> labels() {
        return labels;
    }

    /** The stage to build ({@code --target}), if any. */
    public Optional<String> target() {
        return target;
    }

    /** {@code --no-cache}. */
    public boolean noCache() {
        return noCache;
    }

    /** {@code --pull}: always pull base images. */
    public boolean pull() {
        return pull;
    }

    /** The network for RUN steps ({@code --network}), if any. */
    public Optional<String> networkMode() {
        return networkMode;
    }

    /** Receives each line of build output, if set. */
    public Optional<Consumer<String>> output() {
        return output;
    }

    /** Receives each typed {@link BuildEvent}, if set. */
    public Optional<Consumer<BuildEvent>> events() {
        return events;
    }

    /** The platform to build for ({@code --platform}), if not the engine's. */
    public Optional<String> platform() {
        return platform;
    }

    /** Credentials for pulling base images; {@link RegistryAuth#fromEnv()} when empty. */
    public Optional<RegistryAuth> auth() {
        return auth;
    }

    /**
     * Whether the image carries this session's {@code dev.berth.session} label (so that
     * {@link ImageQuery#ownSession()} lists it); true unless {@link Builder#withoutSessionLabel()}.
     */
    public boolean sessionLabel() {
        return sessionLabel;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof BuildSpec other && values().equals(other.values());
    }

    @Override
    public int hashCode() {
        return values().hashCode();
    }

    @Override
    public String toString() {
        return "BuildSpec[context=" + context + ", dockerfile=" + dockerfile + ", dockerfileText=" + dockerfileText
                + ", files=" + files + ", tags=" + tags + ", buildArgs=" + buildArgs + ", labels=" + labels
                + ", target=" + target + ", noCache=" + noCache + ", pull=" + pull + ", networkMode=" + networkMode
                + ", output=" + output + ", events=" + events + ", platform=" + platform + ", auth=" + auth
                + ", sessionLabel=" + sessionLabel + "]";
    }

    private List<Object> values() {
        return Arrays.asList(context, dockerfile, dockerfileText, files, tags, buildArgs, labels, target, noCache, pull,
                networkMode, output, events, platform, auth, sessionLabel);
    }

    /**
     * One in-memory or host file placed in the build context.
     *
     * @param content the bytes, if given in memory
     * @param source  a host file to stream, if given by path
     * @param mode    the file mode in the archive, e.g. {@code 0644} or {@code 0755}
     */
    public record ContextFile(Optional<byte[]> content, Optional<Path> source, int mode) {
        public ContextFile {
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(source, "source");
            if (content.isPresent() == source.isPresent()) {
                throw new IllegalArgumentException("A context file has either content or a source path");
            }
            content = content.map(byte[]::clone);
        }
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this spec's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.context = context.orElse(null);
        b.dockerfile = dockerfile.orElse(null);
        b.dockerfileText = dockerfileText.orElse(null);
        b.files.putAll(files);
        b.tags.addAll(tags);
        b.buildArgs.putAll(buildArgs);
        b.labels.putAll(labels);
        b.target = target.orElse(null);
        b.noCache = noCache;
        b.pull = pull;
        b.networkMode = networkMode.orElse(null);
        b.output = output.orElse(null);
        b.events = events.orElse(null);
        b.platform = platform.orElse(null);
        b.auth = auth.orElse(null);
        b.sessionLabel = sessionLabel;
        return b;
    }

    private static void checkName(String name) {
        if (name.isEmpty() || name.contains("=") || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("Build argument name '" + name + "' must be non-empty, without '='"
                    + " or spaces");
        }
    }

    /** Collects a {@link BuildSpec}; each method is named after its {@code docker build} flag. */
    public static final class Builder {
        private Path context;
        private Path dockerfile;
        private String dockerfileText;
        private final Map<String, ContextFile> files = new LinkedHashMap<>();
        private final List<String> tags = new ArrayList<>();
        private final Map<String, String> buildArgs = new LinkedHashMap<>();
        private final Map<String, String> labels = new LinkedHashMap<>();
        private String target;
        private boolean noCache;
        private boolean pull;
        private String networkMode;
        private Consumer<String> output;
        private Consumer<BuildEvent> events;
        private String platform;
        private RegistryAuth auth;
        private boolean sessionLabel = true;

        private Builder() {
        }

        /** Sends this directory as the build context ({@code docker build DIR}). */
        public Builder context(Path directory) {
            this.context = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** Uses this Dockerfile ({@code -f}); it may lie outside the context. */
        public Builder dockerfile(Path file) {
            this.dockerfile = Objects.requireNonNull(file, "file");
            return this;
        }

        /**
         * Uses this Dockerfile text instead of a file. (A typed Dockerfile model plugs in here: its rendered text is
         * what the engine receives.)
         */
        public Builder dockerfile(String text) {
            this.dockerfileText = Objects.requireNonNull(text, "text");
            return this;
        }

        /** Uses the rendered Dockerfile model, e.g. from {@code Dockerfile.builder()…build()}. */
        public Builder dockerfile(dev.berth.dockerfile.Dockerfile model) {
            return dockerfile(Objects.requireNonNull(model, "model").render());
        }

        /** Adds an in-memory file to the context at {@code path} with mode 0644. */
        public Builder file(String path, byte[] content) {
            return file(path, content, 0644);
        }

        /** Adds an in-memory text file (UTF-8) to the context at {@code path} with mode 0644. */
        public Builder file(String path, String content) {
            return file(path, content.getBytes(StandardCharsets.UTF_8), 0644);
        }

        /** Adds an in-memory file to the context with the given mode. */
        public Builder file(String path, byte[] content, int mode) {
            files.put(checkPath(path), new ContextFile(Optional.of(content), Optional.empty(), mode));
            return this;
        }

        /** Adds a host file to the context at {@code path}, keeping its executable bit. */
        public Builder file(String path, Path source) {
            int mode = java.nio.file.Files.isExecutable(source) ? 0755 : 0644;
            files.put(checkPath(path), new ContextFile(Optional.empty(), Optional.of(source), mode));
            return this;
        }

        /** Tags the built image ({@code -t}); call again for more tags. */
        public Builder tag(String reference) {
            ImageRef.parse(reference);
            tags.add(reference);
            return this;
        }

        /** Sets a build argument ({@code --build-arg}). */
        public Builder buildArg(String name, String value) {
            buildArgs.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Adds a label to the image ({@code --label}). */
        public Builder label(String key, String value) {
            labels.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Builds only up to this stage ({@code --target}). */
        public Builder target(String stage) {
            this.target = Objects.requireNonNull(stage, "stage");
            return this;
        }

        /** Ignores the build cache ({@code --no-cache}). */
        public Builder noCache() {
            this.noCache = true;
            return this;
        }

        /** Always pulls newer base images ({@code --pull}). */
        public Builder pull() {
            this.pull = true;
            return this;
        }

        /** The network RUN steps use ({@code --network}), e.g. {@code host} or {@code none}. */
        public Builder network(String mode) {
            this.networkMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** Receives each line of build output as it arrives, step lines included. */
        public Builder output(Consumer<String> consumer) {
            this.output = Objects.requireNonNull(consumer, "consumer");
            return this;
        }

        /** Receives each typed build event (step started, output line, pull progress, image built, failure). */
        public Builder events(Consumer<BuildEvent> consumer) {
            this.events = Objects.requireNonNull(consumer, "consumer");
            return this;
        }

        /** Builds for this platform ({@code --platform}, e.g. {@code linux/amd64}). */
        public Builder platform(String platform) {
            this.platform = Objects.requireNonNull(platform, "platform");
            return this;
        }

        /**
         * Where credentials for base images come from; by default the docker config, all of whose credentials are
         * sent, as {@code docker build} does.
         */
        public Builder auth(RegistryAuth auth) {
            this.auth = Objects.requireNonNull(auth, "auth");
            return this;
        }

        /**
         * Leaves out the session label, for an image that is an artifact rather than a resource of this session — a
         * build tool's output. The engine applies labels as the last build steps, so a label that changes with every
         * session reruns them and gives an unchanged build a new image id each time; without it an unchanged build
         * is served from the cache whole and keeps its id, as {@code docker build} and Docker Compose's builds do.
         * The image still carries {@code dev.berth.managed}; {@link ImageQuery#ownSession()} no longer lists it.
         */
        public Builder withoutSessionLabel() {
            this.sessionLabel = false;
            return this;
        }

        public BuildSpec build() {
            return new BuildSpec(Optional.ofNullable(context), Optional.ofNullable(dockerfile),
                    Optional.ofNullable(dockerfileText), files, tags, buildArgs, labels, Optional.ofNullable(target),
                    noCache, pull, Optional.ofNullable(networkMode), Optional.ofNullable(output),
                    Optional.ofNullable(events), Optional.ofNullable(platform), Optional.ofNullable(auth), sessionLabel);
        }

        private static String checkPath(String path) {
            Objects.requireNonNull(path, "path");
            String p = path.replace('\\', '/');
            while (p.startsWith("./")) {
                p = p.substring(2);
            }
            if (p.isEmpty() || p.startsWith("/") || p.equals("..") || p.startsWith("../") || p.contains("/../")) {
                throw new IllegalArgumentException("Context path '" + path + "' must be relative and stay inside the context");
            }
            return p;
        }
    }
}
