package dev.berth.dockerfile;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Dockerfile} statement by statement; only {@link #build()} checks the whole and returns it.
 *
 * <pre>{@code
 * Dockerfile.builder()
 *     .syntax("docker/dockerfile:1")
 *     .from("maven:3.9-eclipse-temurin-17").as("build")
 *     .run().mount(Mount.cache("/root/.m2")).shell("mvn -B package").done()
 *     .stage("runtime").from("eclipse-temurin:17-jre")
 *     .copy().from("build").src("/src/target/app.jar").dest("/app.jar").done()
 *     .user("10001")
 *     .cmd("java", "-jar", "/app.jar")
 *     .build();
 * }</pre>
 *
 * <p>Steps that take a command follow the Docker best practices: {@link #run(String)} is shell form,
 * {@link #cmd(String...)} and {@link #entrypoint(String...)} are exec form; pass a {@link Command} for the other.
 */
public final class DockerfileBuilder {
    private final Map<Directive.Name, Directive> directives = new EnumMap<>(Directive.Name.class);
    private final List<Statement> statements = new ArrayList<>();
    private String pendingStage;

    DockerfileBuilder() {}

    DockerfileBuilder(List<Directive> directives, List<Statement> statements) {
        directives.forEach(d -> this.directives.put(d.name(), d));
        this.statements.addAll(statements);
    }

    /** Sets the {@code # syntax=} directive, e.g. {@code docker/dockerfile:1}. */
    public DockerfileBuilder syntax(String value) {
        return directive(Directive.Name.SYNTAX, value);
    }

    /** Sets the {@code # escape=} directive: {@code '\\'} (the default) or {@code '`'}. */
    public DockerfileBuilder escape(char value) {
        return directive(Directive.Name.ESCAPE, String.valueOf(value));
    }

    /** Sets the {@code # check=} directive, e.g. {@code skip=JSONArgsRecommended;error=true}. */
    public DockerfileBuilder check(String value) {
        return directive(Directive.Name.CHECK, value);
    }

    private DockerfileBuilder directive(Directive.Name name, String value) {
        directives.put(name, new Directive(name, value));
        return this;
    }

    /** Names the stage started by the next {@link #from(String)}; {@code stage("a").from("x")} is {@code FROM x AS a}. */
    public DockerfileBuilder stage(String name) {
        requireNonNull(name, "name");
        if (pendingStage != null) {
            throw new IllegalStateException("stage(\"" + pendingStage + "\") must be followed by from(image)");
        }
        pendingStage = name;
        return this;
    }

    /** Starts a stage: {@code FROM image}, named by a preceding {@link #stage(String)} if any. */
    public DockerfileBuilder from(String image) {
        From from = From.of(image);
        if (pendingStage != null) {
            from = from.as(pendingStage);
            pendingStage = null;
        }
        statements.add(from);
        return this;
    }

    /** Names the stage of the FROM just added: {@code FROM image AS name}. */
    public DockerfileBuilder as(String name) {
        statements.add(lastFrom("as").as(name));
        return this;
    }

    /** Sets {@code --platform} on the FROM just added, e.g. {@code linux/amd64} or {@code $BUILDPLATFORM}. */
    public DockerfileBuilder platform(String platform) {
        statements.add(lastFrom("platform").platform(platform));
        return this;
    }

    private From lastFrom(String method) {
        if (statements.isEmpty() || !(statements.get(statements.size() - 1) instanceof From from)) {
            throw new IllegalStateException(method + "(…) must directly follow from(image)");
        }
        statements.remove(statements.size() - 1);
        return from;
    }

    /** {@code RUN script} in shell form; {@code \n} in the script becomes a line continuation. */
    public DockerfileBuilder run(String script) {
        return append(Run.of(script));
    }

    /** {@code RUN} with an exec- or shell-form command. */
    public DockerfileBuilder run(Command command) {
        return append(Run.of(command));
    }

    /** Starts a RUN with flags or a here-document; finish with {@link RunStep#done()}. */
    public RunStep run() {
        return new RunStep(this);
    }

    /** {@code CMD ["arg", …]} in exec form. */
    public DockerfileBuilder cmd(String... args) {
        return append(new Cmd(Command.exec(args)));
    }

    /** {@code CMD} with an exec- or shell-form command. */
    public DockerfileBuilder cmd(Command command) {
        return append(new Cmd(command));
    }

    /** {@code ENTRYPOINT ["arg", …]} in exec form. */
    public DockerfileBuilder entrypoint(String... args) {
        return append(new Entrypoint(Command.exec(args)));
    }

    /** {@code ENTRYPOINT} with an exec- or shell-form command. */
    public DockerfileBuilder entrypoint(Command command) {
        return append(new Entrypoint(command));
    }

    /** {@code LABEL key=value}; the value is quoted as needed. */
    public DockerfileBuilder label(String key, String value) {
        return append(Label.of(key, value));
    }

    /** {@code LABEL k1=v1 k2=v2 …} on one line, in the map's order. */
    public DockerfileBuilder label(Map<String, String> pairs) {
        return append(Label.of(pairs));
    }

    /** {@code ENV key=value}; {@code $VAR} in the value is expanded by the builder, {@code \$} is a literal dollar. */
    public DockerfileBuilder env(String key, String value) {
        return append(Env.of(key, value));
    }

    /** {@code ENV k1=v1 k2=v2 …} on one line, in the map's order. */
    public DockerfileBuilder env(Map<String, String> pairs) {
        return append(Env.of(pairs));
    }

    /** {@code ARG name}. */
    public DockerfileBuilder arg(String name) {
        return append(Arg.of(name));
    }

    /** {@code ARG name=default}. */
    public DockerfileBuilder arg(String name, String defaultValue) {
        return append(Arg.of(name, defaultValue));
    }

    /** {@code EXPOSE} of TCP ports. */
    public DockerfileBuilder expose(int... tcpPorts) {
        return append(Expose.tcp(tcpPorts));
    }

    /** {@code EXPOSE} of ports with protocols, e.g. {@code ExposedPort.udp(53)}. */
    public DockerfileBuilder expose(ExposedPort... ports) {
        return append(new Expose(Arrays.asList(ports)));
    }

    /** {@code COPY src dest}. */
    public DockerfileBuilder copy(String source, String destination) {
        return append(Copy.of(source, destination));
    }

    /** Starts a COPY with flags, several sources or a here-document; finish with {@link CopyStep#done()}. */
    public CopyStep copy() {
        return new CopyStep(this, false);
    }

    /** {@code ADD src dest}; prefer {@link #copy(String, String)} for local files (hadolint DL3020). */
    public DockerfileBuilder add(String source, String destination) {
        return append(Add.of(source, destination));
    }

    /** Starts an ADD with flags such as {@code --checksum}; finish with {@link CopyStep#done()}. */
    public CopyStep add() {
        return new CopyStep(this, true);
    }

    /** {@code VOLUME path…}. */
    public DockerfileBuilder volume(String... paths) {
        return append(Volume.of(paths));
    }

    /** {@code USER user[:group]}. */
    public DockerfileBuilder user(String user) {
        return append(new User(user));
    }

    /** {@code WORKDIR path}. */
    public DockerfileBuilder workdir(String path) {
        return append(new Workdir(path));
    }

    /** {@code STOPSIGNAL signal}. */
    public DockerfileBuilder stopSignal(String signal) {
        return append(new StopSignal(signal));
    }

    /** {@code SHELL ["executable", "parameters"…]}. */
    public DockerfileBuilder shell(String... command) {
        return append(Shell.of(command));
    }

    /** {@code ONBUILD instruction}. */
    public DockerfileBuilder onbuild(Instruction instruction) {
        return append(new Onbuild(instruction));
    }

    /** Starts a HEALTHCHECK with options; finish with {@link HealthcheckStep#cmd(String...)} or a sibling. */
    public HealthcheckStep healthcheck() {
        return new HealthcheckStep(this);
    }

    /** {@code HEALTHCHECK NONE}. */
    public DockerfileBuilder healthcheckNone() {
        return append(Healthcheck.none());
    }

    /** {@code MAINTAINER name}; deprecated by Docker, use {@code label("maintainer", name)}. */
    @Deprecated
    public DockerfileBuilder maintainer(String name) {
        return append(new Maintainer(name));
    }

    /** A comment line {@code # text}. */
    public DockerfileBuilder comment(String text) {
        return append(new Comment(text));
    }

    /** An empty line. */
    public DockerfileBuilder blankLine() {
        return append(new BlankLine());
    }

    /** Appends any statement, such as a ready-made instruction record. */
    public DockerfileBuilder append(Statement statement) {
        requireNonNull(statement, "statement");
        if (pendingStage != null) {
            throw new IllegalStateException("stage(\"" + pendingStage + "\") must be followed by from(image)");
        }
        statements.add(statement);
        return this;
    }

    /**
     * Returns the Dockerfile.
     *
     * @throws DockerfileValueException when a value cannot be rendered faithfully
     * @throws IllegalStateException when {@link #stage(String)} was not followed by {@link #from(String)}
     */
    public Dockerfile build() {
        if (pendingStage != null) {
            throw new IllegalStateException("stage(\"" + pendingStage + "\") must be followed by from(image)");
        }
        return Dockerfile.of(new ArrayList<>(directives.values()), statements);
    }
}
