package dev.berth.image.internal;

import dev.berth.image.ProgressTracker;
import dev.berth.image.PullProgress;
import dev.berth.image.PushProgress;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Folding the engine's progress lines (as `docker pull`/`docker push` draw them) into one progress bar. */
class ProgressTrackerTest {
    private static PullProgress pull(String id, String status, long cur, long total) {
        return new PullProgress(Optional.ofNullable(id), status, cur, total);
    }

    private static PushProgress push(String id, String status, long cur, long total) {
        return new PushProgress(Optional.ofNullable(id), status, cur, total);
    }

    @Test
    void pull_downloadThenExtract_eachHalfOfALayer() {
        ProgressTracker t = new ProgressTracker();
        t.accept(pull("1", "Pulling from berth-test/app", 0, 0));
        t.accept(pull("aaa", "Pulling fs layer", 0, 0));
        t.accept(pull("bbb", "Already exists", 0, 0));
        assertThat(t.layerCount()).isEqualTo(2);
        assertThat(t.completedLayers()).isEqualTo(1);
        t.accept(pull("aaa", "Downloading", 500, 1000));
        assertThat(t.fraction()).isCloseTo((0.25 + 1) / 2, within(1e-9));
        assertThat(t.currentBytes()).isEqualTo(500);
        assertThat(t.totalBytes()).isEqualTo(1000);
        t.accept(pull("aaa", "Verifying Checksum", 0, 0));
        t.accept(pull("aaa", "Download complete", 0, 0));
        assertThat(t.currentBytes()).isEqualTo(1000);
        t.accept(pull("aaa", "Extracting", 500, 1000));
        assertThat(t.layers().get("aaa").fraction()).isCloseTo(0.75, within(1e-9));
        t.accept(pull("aaa", "Pull complete", 0, 0));
        t.accept(pull(null, "Digest: sha256:abc", 0, 0));
        t.accept(pull(null, "Status: Downloaded newer image for x", 0, 0));
        assertThat(t.fraction()).isEqualTo(1.0);
        assertThat(t.completedLayers()).isEqualTo(2);
        assertThat(t.layers().get("aaa").status()).isEqualTo("Pull complete");
    }

    @Test
    void push_overreportedBytes_areCappedAtTheLayerSize_asRecordedFromEngine20_10() {
        // Recorded from a push of berth-test/busybox:1 to 127.0.0.1:5001 on Docker 20.10.24.
        ProgressTracker t = new ProgressTracker();
        t.accept(push(null, "The push refers to repository [127.0.0.1:5001/probe]", 0, 0));
        t.accept(push("e5c1ac0086f2", "Preparing", 0, 0));
        t.accept(push("967cab2a35d5", "Preparing", 0, 0));
        t.accept(push("3dc2f42cf2b6", "Preparing", 0, 0));
        t.accept(push("967cab2a35d5", "Pushing", 512, 3216));
        t.accept(push("e5c1ac0086f2", "Pushing", 5120, 109));
        assertThat(t.layers().get("e5c1ac0086f2").transferred()).isEqualTo(109);
        t.accept(push("3dc2f42cf2b6", "Pushing", 33792, 1982256));
        t.accept(push("967cab2a35d5", "Pushed", 0, 0));
        t.accept(push("e5c1ac0086f2", "Pushed", 0, 0));
        assertThat(t.fraction()).isBetween(0.67, 0.68);
        t.accept(push("3dc2f42cf2b6", "Pushing", 1984512, 1982256));
        assertThat(t.fraction()).isLessThan(1.0);
        t.accept(push("3dc2f42cf2b6", "Pushed", 0, 0));
        t.accept(push(null, "1: digest: sha256:2c47 size: 943", 0, 0));
        assertThat(t.fraction()).isEqualTo(1.0);
        assertThat(t.currentBytes()).isEqualTo(t.totalBytes()).isEqualTo(109 + 3216 + 1982256);
    }

    @Test
    void push_layersAlreadyThereOrMounted_countAsDone() {
        ProgressTracker t = new ProgressTracker();
        t.accept(push("a", "Layer already exists", 0, 0));
        t.accept(push("b", "Mounted from berth-test/other", 0, 0));
        assertThat(t.fraction()).isEqualTo(1.0);
        assertThat(t.toString()).contains("2/2 layers");
    }

    @Test
    void nothingYet_isZero() {
        assertThat(new ProgressTracker().fraction()).isZero();
    }
}
