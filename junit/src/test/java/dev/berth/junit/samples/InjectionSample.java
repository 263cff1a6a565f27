package dev.berth.junit.samples;

import dev.berth.container.Container;
import dev.berth.container.ContainerSpec;
import dev.berth.junit.BerthTest;
import dev.berth.junit.Managed;
import dev.berth.junit.testing.Images;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Two containers: injected by @Managed("name"), and a parameter that names neither (its run fails). */
@BerthTest
public class InjectionSample {
    public static final Map<String, String> IDS = new ConcurrentHashMap<>();

    @Managed
    static final ContainerSpec first = ContainerSpec.builder(Images.BUSYBOX).label("which", "first")
            .command("sleep", "300").init().build();

    @Managed
    static final ContainerSpec second = ContainerSpec.builder(Images.BUSYBOX).label("which", "second")
            .command("sleep", "300").init().build();

    @Test
    void byAnnotation(@Managed("second") Container x) {
        IDS.put(x.inspect().labels().get("which"), x.id());
    }

    @Test
    void ambiguous(Container x) {
        IDS.put("ambiguous", x.id());
    }
}
