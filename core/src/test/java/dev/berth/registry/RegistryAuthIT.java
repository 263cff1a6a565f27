package dev.berth.registry;

import dev.berth.Engine;
import dev.berth.ImageBuildException;
import dev.berth.UnauthorizedException;
import dev.berth.image.BuildSpec;
import dev.berth.image.Image;
import dev.berth.image.ImageRemoveOption;
import dev.berth.image.PullOptions;
import dev.berth.image.PushOptions;
import dev.berth.image.PushResult;
import dev.berth.testing.EngineExtension;
import dev.berth.testing.Names;
import dev.berth.testing.TestImages;
import dev.berth.testing.TestRegistries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Registry authentication against a real htpasswd-protected registry (127.0.0.1:5001, .ci/setup.d/registry.sh),
 * with credentials given explicitly, from config.json {@code auths}, and from a credential helper, as the docker CLI
 * resolves them. Secrets never show up in messages, stack traces, toString() or the debug log.
 */
@ExtendWith(EngineExtension.class)
class RegistryAuthIT {
    private static final String WRONG = "wrong-Pa55word-42";

    @TempDir
    Path dir;

    private static Image pushed(Engine engine, String ref) {
        Image image = engine.build(BuildSpec.builder()
                .dockerfile("FROM " + TestImages.BUSYBOX + "\nRUN echo " + Names.unique("c") + " > /unique\n")
                .tag(ref).build());
        image.push(PushOptions.defaults().auth(RegistryAuth.of(TestRegistries.withAuth(),
                TestRegistries.credentials())));
        return image;
    }

    private static String stackTrace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    @Test
    void wrongPassword_isUnauthorized_namingRegistryAndWhatToDo_neverThePassword(Engine engine) {
        String registry = TestRegistries.withAuth();
        String ref = TestRegistries.repository(registry, "wrong") + ":1";
        Image image = engine.image(TestImages.BUSYBOX).tag(ref);
        try {
            RegistryAuth wrong = RegistryAuth.of(registry, Credentials.of(TestRegistries.user(), WRONG));
            assertThatThrownBy(() -> image.push(PushOptions.defaults().auth(wrong)))
                    .isInstanceOfSatisfying(UnauthorizedException.class, e -> {
                        assertThat(e.registry()).contains(registry);
                        assertThat(e.getMessage()).contains("registry " + registry)
                                .contains("user '" + TestRegistries.user() + "'")
                                .contains("check the user name and password");
                        assertThat(stackTrace(e)).doesNotContain(WRONG);
                    });
            assertThatThrownBy(() -> image.pull(PullOptions.defaults().auth(wrong)))
                    .isInstanceOfSatisfying(UnauthorizedException.class,
                            e -> assertThat(stackTrace(e)).contains(registry).doesNotContain(WRONG));
        } finally {
            image.remove();
        }
    }

    @Test
    void noCredentials_isUnauthorized_suggestingDockerLogin(Engine engine) {
        String registry = TestRegistries.withAuth();
        String ref = TestRegistries.repository(registry, "anon") + ":1";
        Image image = engine.image(TestImages.BUSYBOX).tag(ref);
        try {
            assertThatThrownBy(() -> image.push(PushOptions.defaults().auth(RegistryAuth.anonymous())))
                    .isInstanceOf(UnauthorizedException.class).hasMessageContaining("anonymous access")
                    .hasMessageContaining("docker login " + registry);
            assertThatThrownBy(() -> image.pull(PullOptions.defaults().auth(RegistryAuth.anonymous())))
                    .isInstanceOf(UnauthorizedException.class).hasMessageContaining(registry);
        } finally {
            image.remove();
        }
    }

    @Test
    void rightPassword_pushRemovePull_sameImageId(Engine engine) {
        String registry = TestRegistries.withAuth();
        String ref = TestRegistries.repository(registry, "right") + ":1";
        Image image = pushed(engine, ref);
        String id = image.id();
        try {
            image.remove();
            Image back = engine.image(ref).pull(PullOptions.defaults()
                    .auth(RegistryAuth.of(registry, TestRegistries.credentials())));
            assertThat(back.id()).isEqualTo(id);
        } finally {
            engine.images().reference(ref).remove(ImageRemoveOption.FORCE);
        }
    }

    @Test
    void configJsonAuths_areUsed_asDockerLoginLeavesThem(Engine engine) throws IOException {
        String registry = TestRegistries.withAuth();
        String ref = TestRegistries.repository(registry, "configjson") + ":1";
        Image image = pushed(engine, ref);
        String id = image.id();
        String basic = Base64.getEncoder().encodeToString((TestRegistries.user() + ":" + TestRegistries.password())
                .getBytes(StandardCharsets.UTF_8));
        Files.writeString(dir.resolve("config.json"), "{\"auths\":{\"" + registry + "\":{\"auth\":\"" + basic + "\"}}}");
        try {
            image.remove();
            // DOCKER_CONFIG, injected instead of read from the process environment.
            DockerConfig config = DockerConfig.fromEnv(Map.of("DOCKER_CONFIG", dir.toString()));
            assertThat(engine.image(ref).pull(PullOptions.defaults().auth(config)).id()).isEqualTo(id);
            assertThat(config.toString()).doesNotContain(basic).doesNotContain(TestRegistries.password());
        } finally {
            engine.images().reference(ref).remove(ImageRemoveOption.FORCE);
        }
    }

    @Test
    void credentialHelper_isRunWithTheGetProtocol_andItsCredentialsWork(Engine engine) throws IOException {
        String registry = TestRegistries.withAuth();
        String ref = TestRegistries.repository(registry, "helper") + ":1";
        Image image = pushed(engine, ref);
        String id = image.id();
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path log = dir.resolve("helper.log");
        Path helper = bin.resolve("docker-credential-berthfake");
        Files.writeString(helper, "#!/bin/sh\nurl=$(cat)\necho \"$1 $url\" >> " + log + "\n"
                + "[ \"$1\" = get ] && [ \"$url\" = \"" + registry + "\" ] || { echo 'credentials not found in native"
                + " keychain'; exit 1; }\n"
                + "printf '{\"ServerURL\":\"%s\",\"Username\":\"%s\",\"Secret\":\"%s\"}' \"$url\" '"
                + TestRegistries.user() + "' '" + TestRegistries.password() + "'\n");
        Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwx------"));
        Files.writeString(dir.resolve("config.json"), "{\"auths\":{\"" + registry + "\":{}},"
                + "\"credHelpers\":{\"" + registry + "\":\"berthfake\"}}");
        try {
            image.remove();
            DockerConfig config = DockerConfig.load(dir, Map.of("PATH", bin.toString()));
            assertThat(engine.image(ref).pull(PullOptions.defaults().auth(config)).id()).isEqualTo(id);
            assertThat(Files.readAllLines(log)).containsExactly("get " + registry);
        } finally {
            engine.images().reference(ref).remove(ImageRemoveOption.FORCE);
        }
    }

    @Test
    void login_checksCredentials_asDockerLogin(Engine engine) {
        String registry = TestRegistries.withAuth();
        assertThat(engine.login(registry, TestRegistries.credentials())).isEmpty();
        assertThatThrownBy(() -> engine.login(registry, Credentials.of(TestRegistries.user(), WRONG)))
                .isInstanceOf(UnauthorizedException.class).hasMessageContaining("Cannot log in to " + registry)
                .satisfies(e -> assertThat(stackTrace(e)).doesNotContain(WRONG));
    }

    @Test
    void build_privateBaseImage_usesRegistryConfigHeader_asDockerBuild(Engine engine) {
        String registry = TestRegistries.withAuth();
        String base = TestRegistries.repository(registry, "base") + ":1";
        Image baseImage = pushed(engine, base);
        String tag = "berth-test/build:" + Names.unique("private");
        try {
            baseImage.remove();
            String dockerfile = "FROM " + base + "\nRUN cat /unique\n";
            assertThatThrownBy(() -> engine.build(BuildSpec.builder().dockerfile(dockerfile).tag(tag)
                    .auth(RegistryAuth.anonymous()).build()))
                    .isInstanceOfSatisfying(ImageBuildException.class,
                            e -> assertThat(e.step()).startsWith("Step 1/").endsWith("FROM " + base));
            Image built = engine.build(BuildSpec.builder().dockerfile(dockerfile).tag(tag)
                    .auth(RegistryAuth.of(registry, TestRegistries.credentials())).build());
            assertThat(built.exists()).isTrue();
        } finally {
            engine.images().reference(tag).remove(ImageRemoveOption.FORCE);
            engine.images().reference(base).remove(ImageRemoveOption.FORCE);
        }
    }

    @Test
    void secrets_neverReachTheDebugLog_ofBerthOrDockerJava(Engine engine) throws IOException {
        String registry = TestRegistries.withAuth();
        String ref = TestRegistries.repository(registry, "logs") + ":1";
        Image image = pushed(engine, ref);
        try {
            image.pull(PullOptions.defaults().auth(RegistryAuth.of(registry, TestRegistries.credentials())));
            assertThatThrownBy(() -> image.push(PushOptions.defaults().auth(RegistryAuth.of(registry,
                    Credentials.of(TestRegistries.user(), WRONG))))).isInstanceOf(UnauthorizedException.class);
            engine.login(registry, TestRegistries.credentials());
        } finally {
            engine.images().reference(ref).remove(ImageRemoveOption.FORCE);
        }
        Path log = Path.of("target/test-debug.log");
        assertThat(log).as("simplelogger.properties sends test logs there").exists();
        String text = Files.readString(log);
        assertThat(text).as("Berth's request log is on, so a leak would show").contains("POST /v1.")
                .contains("/push").contains("/auth");
        String basic = Base64.getEncoder().encodeToString((TestRegistries.user() + ":" + TestRegistries.password())
                .getBytes(StandardCharsets.UTF_8));
        assertThat(text).doesNotContain(TestRegistries.password()).doesNotContain(WRONG).doesNotContain(basic)
                .doesNotContain("X-Registry-Auth");
    }

    @Test
    void pushResult_andOptions_toString_showNoSecret() {
        PushOptions options = PushOptions.defaults().auth(RegistryAuth.of("127.0.0.1:5001",
                Credentials.of("u", "very-secret-value")));
        assertThat(options.toString()).doesNotContain("very-secret-value");
        assertThat(new PushResult("a:1", "sha256:00", 1).toString()).contains("a:1");
    }
}
