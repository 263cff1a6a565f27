package dev.berth.junit.samples;

import dev.berth.container.Container;
import dev.berth.container.ContainerSpec;
import dev.berth.junit.BerthTest;
import dev.berth.junit.Managed;
import dev.berth.junit.testing.Images;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Run concurrently with {@link ParallelBSample}; see {@link ParallelProbe}. */
@BerthTest
public class ParallelASample {
    @Managed
    static final ContainerSpec shared = ContainerSpec.builder(Images.BUSYBOX).command("sleep", "300").init().build();

    @Managed
    final ContainerSpec own = ContainerSpec.builder(Images.BUSYBOX).command("sleep", "300").init().build();

    @Test
    void one(Container shared, Container own, TestInfo info) throws Exception {
        meet(shared, own, info);
    }

    @Test
    void two(Container shared, Container own, TestInfo info) throws Exception {
        meet(shared, own, info);
    }

    private static void meet(Container shared, Container own, TestInfo info) throws Exception {
        ParallelProbe.SEEN.add(info.getTestClass().orElseThrow().getSimpleName() + " "
                + info.getTestMethod().orElseThrow().getName() + " " + shared.id() + " " + own.id() + " "
                + Thread.currentThread().getName());
        // Every test of both classes must be here at once; a run that is not concurrent times out.
        ParallelProbe.barrier.await(60, TimeUnit.SECONDS);
        assertThat(own.exec("true").run().exitCode()).isZero();
        assertThat(shared.isRunning()).isTrue();
    }
}
