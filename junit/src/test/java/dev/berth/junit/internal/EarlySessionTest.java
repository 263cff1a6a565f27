package dev.berth.junit.internal;

import dev.berth.junit.BerthExtension;
import dev.berth.junit.BerthTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.launcher.LauncherSessionListener;

import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** Which classes open a session during discovery, and where JUnit's launcher finds the listener. */
class EarlySessionTest {

    @BerthTest
    static class Annotated {
        @Nested
        class Inner {
        }
    }

    @ExtendWith(BerthExtension.class)
    static class Extended {
    }

    static class Subclass extends Annotated {
    }

    static class Plain {
    }

    @BerthTest
    static class Outer {
        static class StaticNested {
        }
    }

    @Test
    void berthClasses_byAnnotation_extension_innerNestingOrInheritance() {
        assertThat(EarlySession.usesBerth(Annotated.class)).isTrue();
        assertThat(EarlySession.usesBerth(Annotated.Inner.class)).isTrue();
        assertThat(EarlySession.usesBerth(Extended.class)).isTrue();
        assertThat(EarlySession.usesBerth(Subclass.class)).isTrue();
        assertThat(EarlySession.usesBerth(Plain.class)).isFalse();
        assertThat(EarlySession.usesBerth(Outer.StaticNested.class)).as("static: inherits no extension").isFalse();
        assertThat(EarlySession.usesBerth(null)).isFalse();
    }

    @Test
    void registeredAsALauncherSessionListener() {
        assertThat(ServiceLoader.load(LauncherSessionListener.class).stream().map(ServiceLoader.Provider::type))
                .contains(EarlySession.class);
    }
}
