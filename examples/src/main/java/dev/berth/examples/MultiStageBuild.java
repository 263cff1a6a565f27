package dev.berth.examples;

import dev.berth.Engine;
import dev.berth.container.Container;
import dev.berth.dockerfile.Dockerfile;
import dev.berth.dockerfile.DockerfileBuilder;
import dev.berth.dockerfile.lint.DockerfileLinter;
import dev.berth.dockerfile.lint.Finding;
import dev.berth.examples.support.Block;
import dev.berth.examples.support.Console;
import dev.berth.examples.support.DebianImages;
import dev.berth.examples.support.Loopback;
import dev.berth.examples.support.Progress;
import dev.berth.examples.support.Resources;
import dev.berth.examples.support.Walkthroughs;
import dev.berth.image.Image;
import dev.berth.image.PullOptions;
import dev.berth.image.PushOptions;
import dev.berth.image.PushResult;
import dev.berth.wait.Wait;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Walk-through 6, a multi-stage build with a non-root user, then shipped through a registry: a {@code build} stage
 * with Python turns Markdown into HTML; the final stage is nginx serving only that HTML as user {@code web}. The
 * Dockerfile is written with Berth's typed model and checked by its linter. The image is pushed to a registry running
 * in a container (Debian's docker-registry) and pulled back, with per-layer progress as {@code docker push} and
 * {@code docker pull} show it.
 *
 * <pre>mvn -q -B -DskipTests -pl examples -am package exec:java -Dexample=MultiStageBuild</pre>
 */
public final class MultiStageBuild {
    static final String FILES = "multi-stage";
    static final String[] SOURCES = {"site/index.md", "site/about.md", "nginx.conf"};
    static final DockerfileLinter LINTER = DockerfileLinter.builder().disable("DL3008").build();

    private MultiStageBuild() {
    }

    public static void main(String[] args) throws Exception {
        Walkthroughs.main("Walk-through 6: a multi-stage build with a non-root user, shipped through a registry",
                MultiStageBuild::run);
    }

    /** Stage 1 alone: Debian with python3-markdown turning {@code site/*.md} into {@code /out/*.html}. */
    static DockerfileBuilder buildStage(String debian) {
        return Dockerfile.builder()
                .comment("Stage 1: turn the Markdown sources into HTML with Python's markdown module.")
                .from(debian).as("build")
                .run("apt-get update && apt-get install -y --no-install-recommends python3-markdown"
                        + " && rm -rf /var/lib/apt/lists/*")
                .workdir("/site")
                .copy("site", "/site")
                .run("mkdir /out && for f in *.md; do python3 -m markdown \"$f\" > \"/out/${f%.md}.html\"; done");
    }

    /** Both stages: the final one is nginx with only the generated HTML, run as the unprivileged user web. */
    static Dockerfile dockerfile(String debian, String nginx) {
        return buildStage(debian)
                .blankLine()
                .comment("Stage 2: nginx serving only the generated HTML, as an unprivileged user.")
                .from(nginx)
                .run("useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin web")
                .copy("nginx.conf", "/etc/nginx/nginx.conf")
                .copy().from("build").src("/out/").dest("/usr/share/nginx/html/").done()
                .user("web")
                .expose(8080)
                .cmd("nginx", "-g", "daemon off;")
                .build();
    }

    /** Runs the walk-through on {@code engine}, printing to {@code out}; removes its containers and the registry. */
    public static void run(Engine engine, Console out) throws Exception {
        DebianImages images = DebianImages.on(engine, out);
        String debian = images.base();
        String nginx = images.nginx();
        Dockerfile dockerfile = dockerfile(debian, nginx);
        Map<String, byte[]> files = Resources.files(FILES, SOURCES);

        out.section("Dockerfile (written with Berth's Dockerfile model)");
        dockerfile.render().lines().forEach(l -> out.println("  " + l));
        // DL3008 (pin apt package versions) is off: a Debian stable mirror keeps only each package's latest
        // security update, so a pinned version stops installing when the next update lands.
        List<Finding> findings = LINTER.lint(dockerfile);
        out.println(findings.isEmpty() ? "linter (hadolint's rules but DL3008): no findings" : "linter findings:");
        findings.forEach(f -> out.println("  " + f));

        out.section("docker build -t site . ; docker build --target build -t site-build .");
        String site = images.build("site", dockerfile, files);
        String stage1 = images.build("site-build", buildStage(debian).build(), files);
        long added = size(engine, stage1) - size(engine, debian);
        long shipped = size(engine, site) - size(engine, nginx);
        out.printf("the build stage adds %s (Python, markdown, sources) to its base; the final stage adds %s to nginx",
                Progress.human(added), Progress.human(shipped));

        serve(engine, out, site, "docker run -d -p 127.0.0.1::8080 " + site);
        ship(engine, out, images, site);
    }

    private static void serve(Engine engine, Console out, String image, String title) throws Exception {
        out.section(title);
        try (Container web = engine.container(image).name("berth-site-" + Walkthroughs.suffix())
                .publish("127.0.0.1::8080").detached()
                .waitingFor(Wait.forHttp("/index.html").forPort(8080).withTimeout(Duration.ofSeconds(30))).run()) {
            int port = web.hostPort(8080);
            String page = Loopback.get(port, "/index.html").body();
            Matcher h1 = Pattern.compile("<h1>(.*?)</h1>").matcher(page);
            out.println("GET http://127.0.0.1:" + port + "/index.html -> <h1>" + (h1.find() ? h1.group(1) : "?")
                    + "</h1>");
            out.println("docker exec id            -> " + web.exec("id").run().stdout().strip());
            out.println("docker exec ls html       -> " + web.exec("ls", "/usr/share/nginx/html").run().stdout()
                    .strip().replace('\n', ' '));
            out.println("docker exec python3 -V    -> " + web.exec("sh", "-c", "command -v python3 || echo 'no python3"
                    + " in the final image'").run().stdout().strip());
        }
    }

    private static void ship(Engine engine, Console out, DebianImages images, String site) throws Exception {
        String registryImage = images.registry();
        out.section("docker run -d -p 127.0.0.1::5000 " + registryImage + "   (a private registry)");
        try (Container registry = engine.container(registryImage).name("berth-registry-" + Walkthroughs.suffix())
                .publish("127.0.0.1::5000").detached()
                .waitingFor(Wait.forHttp("/v2/").forPort(5000).withTimeout(Duration.ofSeconds(30))).run()) {
            String remote = "127.0.0.1:" + registry.hostPort(5000) + "/berth-examples/site:1";
            out.println("registry answering on http://127.0.0.1:" + registry.hostPort(5000) + "/v2/");
            String id = engine.image(site).id();

            out.section("docker tag " + site + " " + remote + "; docker push " + remote);
            Image tagged = engine.image(site).tag(remote);
            try {
                pushAndPull(engine, out, site, tagged, id);
            } finally {
                if (tagged.exists()) {
                    tagged.remove(); // the registry's tag goes with the registry; the content tag stays as the cache
                }
            }
        }
        out.println("\nremoved the containers and the registry (its storage was inside the container)");
    }

    private static void pushAndPull(Engine engine, Console out, String site, Image tagged, String id) throws Exception {
        String remote = tagged.reference();
        PushResult pushed;
        try (Block b = out.block("docker push " + remote)) {
            pushed = tagged.push(PushOptions.defaults().progress(Progress.layers(b)));
        }
        out.println("pushed " + pushed.digest() + " (" + Progress.human(pushed.size()) + " manifest)");

        out.section("docker rmi " + site + " " + remote + "; docker pull " + remote);
        engine.image(site).remove();
        tagged.remove();
        out.println("the engine no longer has " + id.substring(0, 19) + "…: " + !engine.image(id).exists());
        try (Block b = out.block("docker pull " + remote)) {
            tagged.pull(PullOptions.defaults().progress(Progress.layers(b)));
        }
        out.println("pulled the same image back: " + engine.image(remote).id().equals(id)
                + " (layers shared with nginx already existed; only the site's were downloaded)");
        engine.image(remote).tag(site); // cached again under its content tag for the next run
        serve(engine, out, remote, "docker run -d -p 127.0.0.1::8080 " + remote);
    }

    private static long size(Engine engine, String image) {
        return engine.image(image).inspect().sizeBytes();
    }
}
