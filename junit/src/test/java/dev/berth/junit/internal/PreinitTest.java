package dev.berth.junit.internal;

import org.junit.platform.launcher.LauncherSessionListener;
import org.junit.jupiter.api.Test;

import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** The background class loading is registered where JUnit's launcher looks for session listeners. */
class PreinitTest {

    @Test
    void registeredAsALauncherSessionListener() {
        assertThat(ServiceLoader.load(LauncherSessionListener.class).stream().map(ServiceLoader.Provider::type))
                .contains(Preinit.class);
    }
}
