package dev.berth.testing;

import dev.berth.Engine;
import dev.berth.image.BuildSpec;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Images the integration tests build themselves from the host's static busybox, since no registry is reachable.
 * Built once per engine data root and kept between runs (they carry {@code dev.berth.managed}).
 */
public final class TestImages {
    /** A 2 MB image with busybox installed in /bin: sh, httpd, nc, sleep, nslookup, wget. */
    public static final String BUSYBOX = "berth-test/busybox:1";
    /** Where Debian's busybox-static puts the binary. */
    public static final Path BUSYBOX_BINARY = Path.of("/bin/busybox");

    private TestImages() {
    }

    /** Builds {@link #BUSYBOX} on the engine unless it is already there; returns its reference. */
    public static synchronized String busybox(Engine engine) {
        if (engine.image(BUSYBOX).exists()) {
            return BUSYBOX;
        }
        if (!Files.isExecutable(BUSYBOX_BINARY)) {
            throw new IllegalStateException(BUSYBOX_BINARY + " is missing; install Debian's busybox-static"
                    + " (apt-get install busybox-static), as .ci/run does");
        }
        engine.build(BuildSpec.builder()
                .dockerfile(String.join("\n",
                        "FROM scratch",
                        "COPY busybox /bin/busybox",
                        "RUN [\"/bin/busybox\", \"--install\", \"-s\", \"/bin\"]",
                        "RUN mkdir -p /tmp /var/www /etc && chmod 1777 /tmp"
                                + " && echo 'root:x:0:0:root:/root:/bin/sh' > /etc/passwd"
                                + " && echo 'nobody:x:65534:65534:nobody:/nonexistent:/bin/false' >> /etc/passwd"
                                + " && echo 'root:x:0:' > /etc/group && echo 'nogroup:x:65534:' >> /etc/group",
                        "CMD [\"sh\"]", ""))
                .file("busybox", BUSYBOX_BINARY)
                .tag(BUSYBOX)
                .build());
        return BUSYBOX;
    }
}
