package dev.berth.junit.samples;

import dev.berth.container.Container;
import dev.berth.container.ContainerSpec;
import dev.berth.junit.BerthTest;
import dev.berth.junit.Managed;
import dev.berth.junit.testing.Images;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Classes for EarlyFixturesIT: each records the container its test was given. */
@BerthTest
public class EarlyStartSample {
    public static final List<String> SEEN = new CopyOnWriteArrayList<>();

    static ContainerSpec sleeper() {
        return ContainerSpec.builder(Images.BUSYBOX).command("sleep", "600").init().build();
    }

    @Managed
    static final ContainerSpec sleeper = sleeper();

    @Test
    void recordsItsContainer(Container sleeper) {
        SEEN.add(sleeper.id());
    }

    /** The same fixture in a field that could still change before the class starts. */
    @BerthTest
    public static class NotFinal {
        @Managed
        static ContainerSpec sleeper = sleeper();

        @Test
        void recordsItsContainer(Container sleeper) {
            SEEN.add(sleeper.id());
        }
    }

    /** Disabled by an extension registered in a field, which the early start cannot see coming. */
    @BerthTest
    public static class SkippedByAField {
        @RegisterExtension
        static final ExecutionCondition OFF = context -> ConditionEvaluationResult.disabled("off for EarlyFixturesIT");

        @Managed
        static final ContainerSpec sleeper = sleeper();

        @Test
        void neverRuns() {
        }
    }

    /** A fixture whose command does not exist: its start fails. */
    @BerthTest
    public static class CannotStart {
        @Managed
        static final ContainerSpec broken = ContainerSpec.builder(Images.BUSYBOX).command("/no/such/binary").build();

        @Test
        void neverRuns() {
        }
    }
}
