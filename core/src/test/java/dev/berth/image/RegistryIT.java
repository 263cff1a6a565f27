package dev.berth.image;

import dev.berth.Engine;
import dev.berth.ImageNotFoundException;
import dev.berth.ImagePullException;
import dev.berth.registry.RegistryAuth;
import dev.berth.testing.EngineExtension;
import dev.berth.testing.Names;
import dev.berth.testing.TestImages;
import dev.berth.testing.TestRegistries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Push and pull against a real registry without authentication (Debian's docker-registry on 127.0.0.1, started by
 * .ci/setup.d/registry.sh), pinning what `docker push` / `docker pull` do.
 */
@ExtendWith(EngineExtension.class)
class RegistryIT {

    /**
     * An image unique to this test, so removing it locally really removes it, with a 1.5 MB incompressible layer so
     * that the engine reports download bytes (it reports none for tiny layers).
     */
    static Image uniqueImage(Engine engine, String tag) {
        return engine.build(BuildSpec.builder()
                .dockerfile("FROM " + TestImages.BUSYBOX + "\nRUN echo " + Names.unique("content") + " > /unique"
                        + " && head -c 1500000 /dev/urandom > /blob\n")
                .tag(tag).build());
    }

    @Test
    void pushRemovePull_roundTripsTheSameImageId_asDockerPushAndPull(Engine engine) {
        String ref = TestRegistries.repository(TestRegistries.plain(), "roundtrip") + ":1";
        Image image = uniqueImage(engine, ref);
        String id = image.id();
        List<PushProgress> pushed = new CopyOnWriteArrayList<>();
        ProgressTracker pushBar = new ProgressTracker();
        PushResult result = image.push(PushOptions.defaults().auth(RegistryAuth.anonymous())
                .progress(pushBar.andThen(p -> pushed.add((PushProgress) p))));
        try {
            assertThat(result.reference()).isEqualTo(ref);
            assertThat(result.digest()).startsWith("sha256:");
            assertThat(pushBar.fraction()).isEqualTo(1.0);
            assertThat(pushBar.layerCount()).isGreaterThanOrEqualTo(2);
            assertThat(pushed).anyMatch(p -> p.status().equals("Pushed") && p.layerId().isPresent());

            RemovedImages removed = image.remove();
            assertThat(removed.untagged()).contains(ref);
            assertThat(removed.deleted()).contains(id);
            assertThat(image.exists()).isFalse();

            ProgressTracker pullBar = new ProgressTracker();
            List<PullProgress> pulled = new CopyOnWriteArrayList<>();
            Image back = engine.image(ref).pull(PullOptions.defaults().auth(RegistryAuth.anonymous())
                    .progress(pullBar.andThen(p -> pulled.add((PullProgress) p))));
            assertThat(back.id()).isEqualTo(id);
            assertThat(back.inspect().digests()).contains(ref.substring(0, ref.lastIndexOf(':')) + "@"
                    + result.digest());
            assertThat(pulled).anyMatch(p -> p.status().equals("Pull complete"));
            assertThat(pulled).anyMatch(p -> p.status().startsWith("Downloading") && p.total() > 0);
            assertThat(pullBar.fraction()).isEqualTo(1.0);
            assertThat(pullBar.completedLayers()).isEqualTo(pullBar.layerCount());
        } finally {
            engine.images().reference(ref).remove(ImageRemoveOption.FORCE);
        }
    }

    @Test
    void pullByDigest_andWithPlatform_asDockerPullRepoAtDigest(Engine engine) {
        String repo = TestRegistries.repository(TestRegistries.plain(), "digest");
        Image image = uniqueImage(engine, repo + ":1");
        String id = image.id();
        try {
            PushResult pushed = image.push();
            image.remove();
            Image byDigest = engine.image(repo + "@" + pushed.digest()).pull(PullOptions.defaults()
                    .platform("linux/" + engine.version().arch()));
            assertThat(byDigest.id()).isEqualTo(id);
            // A pull by digest leaves the image untagged, with the digest recorded.
            assertThat(byDigest.inspect().tags()).isEmpty();
            assertThat(byDigest.inspect().digests()).containsExactly(repo + "@" + pushed.digest());
        } finally {
            engine.images().reference(repo).remove(ImageRemoveOption.FORCE);
            engine.images().find(id).ifPresent(i -> i.remove(ImageRemoveOption.FORCE));
        }
    }

    @Test
    void pullMissingTag_isImagePullException_namingTheImage(Engine engine) {
        String ref = TestRegistries.repository(TestRegistries.plain(), "missing") + ":nope";
        assertThatThrownBy(() -> engine.image(ref).pull())
                .isInstanceOf(ImagePullException.class)
                .hasMessageContaining(ref).hasMessageContaining("not found");
    }

    @Test
    void pullFromRegistryThatIsDown_saysItCannotBeReached(Engine engine) {
        assertThatThrownBy(() -> engine.image("127.0.0.1:5999/berth-test/none:1").pull())
                .isInstanceOf(ImagePullException.class).hasMessageContaining("cannot be reached");
    }

    @Test
    void pushWithoutLocalTag_isImageNotFound(Engine engine) {
        String ref = TestRegistries.repository(TestRegistries.plain(), "untagged") + ":1";
        assertThatThrownBy(() -> engine.image(ref).push()).isInstanceOf(ImageNotFoundException.class)
                .hasMessageContaining(ref);
    }

    @Test
    void pushOfDigestReference_isRefusedBeforeAnyIo(Engine engine) {
        assertThatThrownBy(() -> engine.image("127.0.0.1:5000/a@sha256:" + "0".repeat(64)).push())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("push a tag");
    }

    @Test
    void buildWithPull_fetchesBaseFromRegistry_asDockerBuildPull(Engine engine) {
        String base = TestRegistries.repository(TestRegistries.plain(), "base") + ":1";
        Image baseImage = uniqueImage(engine, base);
        String baseId = baseImage.id();
        String tag = "berth-test/build:" + Names.unique("pulled");
        try {
            baseImage.push();
            baseImage.remove();
            List<BuildEvent> events = new CopyOnWriteArrayList<>();
            Image built = engine.build(BuildSpec.builder().dockerfile("FROM " + base + "\nRUN cat /unique\n")
                    .tag(tag).pull().events(events::add).build());
            assertThat(events).anyMatch(e -> e instanceof BuildEvent.Pulling p
                    && p.progress().status().startsWith("Pulling from"));
            assertThat(engine.image(base).id()).isEqualTo(baseId);
            assertThat(built.exists()).isTrue();
        } finally {
            engine.images().reference(tag).remove(ImageRemoveOption.FORCE);
            engine.images().reference(base).remove(ImageRemoveOption.FORCE);
        }
    }
}
