package dev.berth.image.internal;

import dev.berth.image.BuildEvent;
import dev.berth.image.BuildSpec;
import dev.berth.internal.Json;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The legacy builder's JSON stream (API 1.41) → typed build events, and BuildSpec → the /build query. */
class BuildOutputTest {
    private static List<BuildEvent> feed(BuildOutput out, List<BuildEvent> events, String... messages) throws Exception {
        for (String m : messages) {
            out.accept(Json.read(m));
        }
        out.finish();
        return events;
    }

    @Test
    void successfulBuild_stepsOutputIdAndTag() throws Exception {
        List<BuildEvent> events = new ArrayList<>();
        BuildOutput out = new BuildOutput(events::add);
        feed(out, events,
                "{\"stream\":\"Step 1/3 : FROM berth-test/busybox:1\"}",
                "{\"stream\":\"\\n\"}",
                "{\"stream\":\" ---\\u003e 02b9cd2b9a23\\n\"}",
                "{\"stream\":\"Step 2/3 : RUN echo hi\\n\"}",
                "{\"stream\":\" ---\\u003e Running in 5d1\\n\"}",
                "{\"stream\":\"h\"}", "{\"stream\":\"i\\n\"}",
                "{\"stream\":\"Step 3/3 : LABEL dev.berth.managed=true\\n\"}",
                "{\"aux\":{\"ID\":\"sha256:feed\"}}",
                "{\"stream\":\"Successfully built feed\\n\"}",
                "{\"stream\":\"Successfully tagged app:1\\n\"}");
        assertThat(events).containsSubsequence(
                new BuildEvent.StepStarted(1, 3, "FROM berth-test/busybox:1"),
                new BuildEvent.StepStarted(2, 3, "RUN echo hi"),
                new BuildEvent.Output("hi"),
                new BuildEvent.StepStarted(3, 3, "LABEL dev.berth.managed=true"),
                new BuildEvent.ImageBuilt("sha256:feed"),
                new BuildEvent.Tagged("app:1"));
        assertThat(events).filteredOn(e -> e instanceof BuildEvent.ImageBuilt).hasSize(1);
        assertThat(out.imageId()).isEqualTo("sha256:feed");
        assertThat(out.error()).isNull();
        assertThat(out.step()).isEqualTo("Step 3/3 : LABEL dev.berth.managed=true");
    }

    @Test
    void failingStep_keepsStepErrorAndTranscript() throws Exception {
        List<BuildEvent> events = new ArrayList<>();
        BuildOutput out = new BuildOutput(events::add);
        feed(out, events,
                "{\"stream\":\"Step 2/4 : RUN echo about-to-fail \\u0026\\u0026 exit 9\\n\"}",
                "{\"stream\":\"about-to-fail\"}",
                "{\"errorDetail\":{\"code\":9,\"message\":\"The command '/bin/sh -c echo about-to-fail && exit 9'"
                        + " returned a non-zero code: 9\"},\"error\":\"ignored\"}");
        assertThat(out.step()).isEqualTo("Step 2/4 : RUN echo about-to-fail && exit 9");
        assertThat(out.error()).endsWith("returned a non-zero code: 9");
        assertThat(out.transcript()).contains("about-to-fail\n").endsWith("non-zero code: 9\n");
        assertThat(events.get(events.size() - 1)).isInstanceOf(BuildEvent.Failed.class);
        assertThat(events).contains(new BuildEvent.Output("about-to-fail"));
    }

    @Test
    void basePullProgress_becomesPullingEvents() throws Exception {
        List<BuildEvent> events = new ArrayList<>();
        feed(new BuildOutput(events::add), events,
                "{\"status\":\"Pulling from berth-test/base\",\"id\":\"1\"}",
                "{\"status\":\"Downloading\",\"progressDetail\":{\"current\":10,\"total\":20},\"id\":\"abc\"}");
        assertThat(events).hasSize(2).allMatch(e -> e instanceof BuildEvent.Pulling);
        BuildEvent.Pulling p = (BuildEvent.Pulling) events.get(1);
        assertThat(p.progress().layerId()).contains("abc");
        assertThat(p.progress().current()).isEqualTo(10);
        assertThat(((BuildEvent.Pulling) events.get(0)).progress().layerId()).isEmpty();
    }

    @Test
    void query_carriesEveryBuildFlag_asDockerBuildSendsThem() {
        BuildSpec spec = BuildSpec.builder().dockerfile("FROM scratch\n").tag("a:1").tag("b:2")
                .buildArg("V", "1 2").label("team", "web").target("final").noCache().pull().network("none")
                .platform("linux/amd64").build();
        String q = URLDecoder.decode(ImageBuilds.query(Map.of("dev.berth.managed", "true"), spec, "Dockerfile"),
                StandardCharsets.UTF_8);
        assertThat(q).startsWith("/build?dockerfile=Dockerfile").contains("&t=a:1&t=b:2")
                .contains("&buildargs={\"V\":\"1 2\"}").contains("\"team\":\"web\"")
                .contains("\"dev.berth.managed\":\"true\"").contains("&target=final").contains("&networkmode=none")
                .contains("&platform=linux/amd64").contains("&nocache=1").contains("&pull=1")
                .endsWith("&rm=1&forcerm=1");
    }

    @Test
    void query_withoutSessionLabel_keepsTheOtherBerthLabels() {
        Map<String, String> berth = Map.of("dev.berth.managed", "true", "dev.berth.session", "s-1");
        BuildSpec.Builder spec = BuildSpec.builder().dockerfile("FROM scratch\n").label("team", "web");
        String with = URLDecoder.decode(ImageBuilds.query(berth, spec.build(), "Dockerfile"), StandardCharsets.UTF_8);
        String without = URLDecoder.decode(ImageBuilds.query(berth, spec.withoutSessionLabel().build(), "Dockerfile"),
                StandardCharsets.UTF_8);
        assertThat(with).contains("\"dev.berth.session\":\"s-1\"").contains("\"dev.berth.managed\":\"true\"");
        assertThat(without).doesNotContain("dev.berth.session").contains("\"dev.berth.managed\":\"true\"")
                .contains("\"team\":\"web\"");
    }

    @Test
    void query_defaults_sendNoOptionalFlags() {
        String q = ImageBuilds.query(Map.of(), BuildSpec.builder().dockerfile("FROM scratch\n").build(), "Dockerfile");
        assertThat(q).doesNotContain("nocache").doesNotContain("pull=").doesNotContain("target")
                .doesNotContain("buildargs").doesNotContain("&t=");
    }
}
