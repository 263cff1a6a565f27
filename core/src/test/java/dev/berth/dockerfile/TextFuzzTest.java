package dev.berth.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Property: any text the parser accepts renders to text that parses back equal, and rendering is then stable. */
class TextFuzzTest {
    private static final List<String> LINES = List.of(
            "FROM alpine:3.20", "from --platform=$P img AS b", "RUN echo hi \\", "RUN echo `date` `", "  && ls \\",
            "# comment \\", "", "   ", "\\", "`", "ENV A=\"x y\" B='q\"' C=\\$D", "ENV K v w \\", "LABEL \"a b\"=c",
            "ARG X Y=\"1 2\" Z=", "RUN <<EOF", "EOF", "\tEOF", "COPY <<-E1 <<E2 /d/", "E1", "E2", "body $x \"q\"",
            "CMD [\"a\", \"b\\\\\"]", "CMD [\"a\" 1]", "ENTRYPOINT [bad json", "RUN [\"c:\\windows\"]",
            "HEALTHCHECK --interval=1m30s CMD curl -f x || exit 1", "HEALTHCHECK NONE", "ONBUILD RUN <<X cat",
            "X", "EXPOSE 80 53/udp 1-2/tcp", "VOLUME [\"/a b\"]", "VOLUME /a /b", "WORKDIR C:\\\\",
            "USER app:app", "STOPSIGNAL SIGTERM", "SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]",
            "RUN --mount=type=cache,target=/c,sharing=locked --network=none make", "ADD --checksum=sha256:a u /x",
            "COPY --from=b --link --exclude=*.md a b /c/", "MAINTAINER x y", "# escape=`", "# syntax=docker/x",
            "ENV E=a\\", "LABEL L=\"unterminated", "RUN echo '$HOME' \"${A:-b c}\"", "RUN \u00a0nbsp\u00a0");

    @Test
    void acceptedText_rendersToTextThatParsesBackEqual() {
        Random random = new Random(42);
        int accepted = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int n = 1 + random.nextInt(8);
            for (int k = 0; k < n; k++) {
                text.append(LINES.get(random.nextInt(LINES.size()))).append(random.nextInt(10) == 0 ? "\r\n" : "\n");
            }
            Dockerfile df;
            try {
                df = Dockerfile.parse(text.toString());
            } catch (DockerfileParseException rejected) {
                continue;
            }
            accepted++;
            String rendered = df.render();
            Dockerfile back = Dockerfile.parse(rendered);
            assertThat(back).as("text:%n%s%nrendered:%n%s", text, rendered).isEqualTo(df);
            assertThat(back.render()).isEqualTo(rendered);
        }
        assertThat(accepted).isGreaterThan(2_000);
    }
}
