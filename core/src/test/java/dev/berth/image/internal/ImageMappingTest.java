package dev.berth.image.internal;

import dev.berth.image.HistoryEntry;
import dev.berth.image.ImageSummary;
import dev.berth.image.RemovedImages;
import dev.berth.internal.Json;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Engine 20.10 JSON for images → typed rows, as `docker images`, `docker history`, `docker rmi` print them. */
class ImageMappingTest {
    @Test
    void summary_danglingImage_hasNoTags() throws Exception {
        ImageSummary s = ImageMapping.summary(Json.read("{\"Id\":\"sha256:0123456789abcdef0123\",\"ParentId\":\"\","
                + "\"RepoTags\":[\"<none>:<none>\"],\"RepoDigests\":[\"<none>@<none>\"],\"Created\":1700000000,"
                + "\"Size\":42,\"Labels\":null,\"Containers\":-1}"));
        assertThat(s.isDangling()).isTrue();
        assertThat(s.digests()).isEmpty();
        assertThat(s.labels()).isEmpty();
        assertThat(s.shortId()).isEqualTo("0123456789ab");
        assertThat(s.created()).isEqualTo(Instant.ofEpochSecond(1700000000));
    }

    @Test
    void history_missingIdsAreEmpty() throws Exception {
        HistoryEntry h = ImageMapping.history(Json.read("{\"Id\":\"<missing>\",\"Created\":1,\"CreatedBy\":"
                + "\"/bin/sh -c #(nop)  CMD [\\\"sh\\\"]\",\"Tags\":null,\"Size\":0,\"Comment\":\"\"}"));
        assertThat(h.id()).isEmpty();
        assertThat(h.createdBy()).endsWith("CMD [\"sh\"]");
        assertThat(h.tags()).isEmpty();
    }

    @Test
    void removed_fromRmiArray_andPruneObject() throws Exception {
        RemovedImages rmi = ImageMapping.removed(Json.read("[{\"Untagged\":\"a:1\"},{\"Deleted\":\"sha256:1\"},"
                + "{\"Deleted\":\"sha256:2\"}]"));
        assertThat(rmi.untagged()).containsExactly("a:1");
        assertThat(rmi.deleted()).containsExactly("sha256:1", "sha256:2");
        RemovedImages prune = ImageMapping.removed(Json.read("{\"ImagesDeleted\":[{\"Deleted\":\"sha256:3\"}],"
                + "\"SpaceReclaimed\":1234}"));
        assertThat(prune.deleted()).containsExactly("sha256:3");
        assertThat(prune.reclaimedBytes()).isEqualTo(1234);
        assertThat(ImageMapping.removed(Json.read("{\"ImagesDeleted\":null,\"SpaceReclaimed\":0}")).deleted())
                .isEmpty();
    }
}
