package consumer;

import dev.berth.Engine;
import dev.berth.image.BuildSpec;
import dev.berth.image.Image;

import java.nio.file.Path;

/** The consumer's code: builds a tiny web server image from the host's static busybox. */
public final class Shop {
    private Shop() {
    }

    /** Builds the image and returns it; the caller removes it. */
    public static Image buildImage(Engine engine, String tag) {
        return engine.build(BuildSpec.builder()
                .dockerfile(String.join("\n",
                        "FROM scratch",
                        "COPY busybox /bin/busybox",
                        "RUN [\"/bin/busybox\", \"--install\", \"-s\", \"/bin\"]",
                        "RUN mkdir -p /www && echo consumer > /www/index.html",
                        "CMD [\"httpd\", \"-f\", \"-p\", \"80\", \"-h\", \"/www\"]", ""))
                .file("busybox", Path.of("/bin/busybox"))
                .tag(tag)
                .build());
    }
}
