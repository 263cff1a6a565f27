package dev.berth.junit.internal;

import dev.berth.container.ContainerSpec;
import dev.berth.junit.BerthExtension;
import dev.berth.junit.BerthTest;
import dev.berth.junit.Managed;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.ConfigurationParameters;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Which classes may have their static fixtures started before their {@code beforeAll}. */
class EarlyFixturesTest {
    static final ContainerSpec SPEC = ContainerSpec.builder("busybox").build();

    @BerthTest
    static class Eligible {
        @Managed
        static final ContainerSpec a = SPEC;
        @Managed
        final ContainerSpec perTest = SPEC; // instance fixtures start with each test, as always
    }

    static class Subclass extends Eligible {
        @Managed
        static final ContainerSpec b = SPEC;
    }

    @BerthTest
    static class NotFinal {
        @Managed
        static final ContainerSpec a = SPEC;
        @Managed
        static ContainerSpec b = SPEC;
    }

    @BerthTest
    static class OnlyInstanceFixtures {
        @Managed
        final ContainerSpec perTest = SPEC;
    }

    static class Other implements Extension {
    }

    @ExtendWith(Other.class)
    @BerthTest
    static class AnotherExtension {
        @Managed
        static final ContainerSpec a = SPEC;
    }

    @BerthTest
    @EnabledOnOs(OS.LINUX)
    static class Conditional {
        @Managed
        static final ContainerSpec a = SPEC;
    }

    @BerthTest
    @Disabled
    static class DisabledClass {
        @Managed
        static final ContainerSpec a = SPEC;
    }

    @BerthTest
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class PerClass {
        @Managed
        static final ContainerSpec a = SPEC;
    }

    private static ConfigurationParameters parameters(Map<String, String> values) {
        return new ConfigurationParameters() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(values.get(key));
            }

            @Override
            public Optional<Boolean> getBoolean(String key) {
                return get(key).map(Boolean::parseBoolean);
            }

            @Override
            @SuppressWarnings("deprecation")
            public int size() {
                return values.size();
            }

            @Override
            public Set<String> keySet() {
                return values.keySet();
            }
        };
    }

    private static boolean eligible(Class<?> c) {
        return EarlyFixtures.eligible(c, parameters(Map.of()));
    }

    @Test
    void staticFinalFixtures_withBerthAsTheOnlyExtension() {
        assertThat(eligible(Eligible.class)).isTrue();
        assertThat(eligible(Subclass.class)).as("inherited fixtures and extension").isTrue();
    }

    @Test
    void notWhenAFixtureCouldChangeBeforeTheClassStarts() {
        assertThat(eligible(NotFinal.class)).isFalse();
        assertThat(eligible(OnlyInstanceFixtures.class)).as("nothing to start").isFalse();
    }

    @Test
    void notWhenSomethingElseRunsBeforeTheFixturesWouldHaveStarted() {
        assertThat(eligible(AnotherExtension.class)).isFalse();
        assertThat(eligible(Conditional.class)).as("a condition is an extension").isFalse();
        assertThat(eligible(DisabledClass.class)).isFalse();
        assertThat(eligible(PerClass.class)).as("its constructor runs before beforeAll").isFalse();
        assertThat(EarlyFixtures.eligible(Eligible.class,
                parameters(Map.of("junit.jupiter.testinstance.lifecycle.default", "per_class")))).isFalse();
        assertThat(eligible(BerthExtension.class)).as("not a Berth test class").isFalse();
    }
}
