package dev.berth;

import dev.berth.container.Container;
import dev.berth.container.ContainerInfo;
import dev.berth.container.ContainerSpec;
import dev.berth.container.PullPolicy;
import dev.berth.image.Image;
import dev.berth.image.PullOptions;
import dev.berth.image.PushOptions;
import dev.berth.registry.Credentials;
import dev.berth.registry.RegistryAuth;
import dev.berth.testing.CapturedOutput;
import dev.berth.testing.EngineExtension;
import dev.berth.testing.Names;
import dev.berth.testing.TestImages;
import dev.berth.testing.TestRegistries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Secrets reach the engine but no output of Berth's: registry passwords and {@code secretEnv} values are in no
 * {@code toString()}, exception message, stack trace, stdout/stderr line or debug-log line (Berth's request log and
 * docker-java's, both at debug level in tests). Every such text seen while the calls ran is captured and searched.
 */
@ExtendWith(EngineExtension.class)
class SecretsIT {
    private static final String ENV_SECRET = "env-" + Names.unique("s3cret");
    private static final String WRONG = "wrong-" + Names.unique("pa55");

    private static String basic(String user, String password) {
        return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void registryPasswords_andSecretEnvValues_appearInNoOutput(Engine engine) throws Exception {
        String registry = TestRegistries.withAuth();
        String password = TestRegistries.password();
        String ref = TestRegistries.repository(registry, "secrets") + ":1";
        String name = Names.unique("secret-env");
        try (CapturedOutput output = CapturedOutput.start()) {
            // A registry: a refused password, then the right one, for a push and a pull.
            Image image = engine.image(TestImages.BUSYBOX).tag(ref);
            try {
                RegistryAuth wrong = RegistryAuth.of(registry, Credentials.of(TestRegistries.user(), WRONG));
                Throwable refused = catchThrowable(() -> image.push(PushOptions.defaults().auth(wrong)));
                assertThat(refused).isInstanceOf(UnauthorizedException.class);
                output.add(refused);
                RegistryAuth right = RegistryAuth.of(registry, TestRegistries.credentials());
                image.push(PushOptions.defaults().auth(right));
                image.pull(PullOptions.defaults().auth(right));
                output.add(right);
                output.add(TestRegistries.credentials());
            } finally {
                image.remove();
            }

            // A container with a secret variable: the process gets the value; Berth shows only its name.
            ContainerSpec.Builder spec = engine.container(TestImages.BUSYBOX).name(name)
                    .secretEnv("DB_PASSWORD", ENV_SECRET).env("DB_USER", "app")
                    .command("sh", "-c", "echo started; sleep 60");
            output.add(spec.build());
            try (Container c = spec.detached().run()) {
                assertThat(c.exec("sh", "-c", "echo \"$DB_PASSWORD\"").run().stdout().trim()).isEqualTo(ENV_SECRET);
                ContainerInfo info = c.inspect();
                assertThat(info.env()).contains("DB_PASSWORD=" + ENV_SECRET, "DB_USER=app");
                assertThat(info.secretEnv()).containsExactly("DB_PASSWORD");
                assertThat(info.toString()).contains("DB_PASSWORD=****", "DB_USER=app");
                output.add(info);
                output.add(c.logs().fetch().all());
                // A failing create with the same spec (the name is taken): the message names the container only.
                Throwable conflict = catchThrowable(() -> spec.detached().run());
                assertThat(conflict).isInstanceOf(ConflictException.class).hasMessageContaining(name);
                output.add(conflict);
                Throwable missing = catchThrowable(() -> spec.name(Names.unique("secret-env-missing"))
                        .image("berth-test/no-such-image:1").pull(PullPolicy.NEVER).detached().run());
                assertThat(missing).isInstanceOf(ImageNotFoundException.class);
                output.add(missing);
            }
            assertThat(spec.build().toString()).contains("DB_PASSWORD=****", "DB_USER=app");

            String all = output.all();
            assertThat(output.requestLines()).as("Berth's request log was captured").isPositive();
            assertThat(all).contains("DB_PASSWORD").doesNotContain(ENV_SECRET)
                    .doesNotContain(password).doesNotContain(basic(TestRegistries.user(), password))
                    .doesNotContain(WRONG).doesNotContain(basic(TestRegistries.user(), WRONG));
        }
    }
}
