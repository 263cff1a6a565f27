package dev.berth.examples.support;

import dev.berth.Engine;
import dev.berth.image.Image;
import dev.berth.image.ImageRemoveOption;
import dev.berth.image.ImportOptions;
import dev.berth.image.PullOptions;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Debian base image every walk-through builds on, made without a registry: {@code debootstrap --variant=minbase
 * bookworm} into a temporary directory, then {@code tar | docker import}. It is tagged with a hash of its inputs
 * (suite, variant, mirror, the apt settings written into it), so it is made once per engine and found again by tag.
 *
 * <p>Needs root and {@code debootstrap} on the host (Debian: {@code apt-get install debootstrap}). Where that is not
 * possible, {@code BERTH_EXAMPLES_BASE} names a Debian bookworm image to use instead (e.g.
 * {@code debian:bookworm-slim}); it is pulled, with per-layer progress, if the engine lacks it.
 */
public final class DebianBase {
    /** The environment variable naming a ready Debian bookworm image to use instead of debootstrap. */
    public static final String BASE_ENV = "BERTH_EXAMPLES_BASE";
    /** The environment variable naming the Debian mirror; else the host's apt sources, else deb.debian.org. */
    public static final String MIRROR_ENV = "BERTH_EXAMPLES_MIRROR";
    static final String SUITE = "bookworm";
    static final String VARIANT = "minbase";
    private static final Pattern PER_PACKAGE = Pattern.compile("^I: (Retrieving|Validating|Extracting|Unpacking"
            + "|Configuring) (\\S+)(?: .*)?$");
    /** What the official Debian images configure: no package caches, no translations, in every later RUN. */
    private static final Map<String, String> APT_CONF = Map.of(
            "etc/apt/apt.conf.d/docker-clean", """
                    DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
                    APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
                    Dir::Cache::pkgcache "";
                    Dir::Cache::srcpkgcache "";
                    """,
            "etc/apt/apt.conf.d/docker-no-languages", "Acquire::Languages \"none\";\n",
            "etc/apt/apt.conf.d/docker-autoremove-suggests", "Apt::AutoRemove::SuggestsImportant \"false\";\n",
            "etc/dpkg/dpkg.cfg.d/docker-apt-speedup", "force-unsafe-io\n");

    private DebianBase() {
    }

    /** The base image's reference, making it first if the engine does not have it; blocks. */
    public static String ensure(Engine engine, Console console) {
        return ensure(engine, console, System.getenv(BASE_ENV));
    }

    static String ensure(Engine engine, Console console, String override) {
        if (override != null && !override.isBlank()) {
            return pulled(engine, console, override.trim());
        }
        String mirror = mirror();
        String hash = Hashes.sha256("debootstrap\n" + SUITE + "\n" + VARIANT + "\n" + mirror + "\n"
                + new java.util.TreeMap<>(APT_CONF));
        String reference = DebianImages.REPOSITORY + "debian:" + SUITE + "-" + hash.substring(0, 12);
        if (engine.image(reference).exists()) {
            return reference;
        }
        make(engine, console, mirror, reference, hash);
        DebianImages.pruneSuperseded(engine, reference);
        return reference;
    }

    /** Runs debootstrap into a temporary directory and imports it as {@code reference}, labelled with {@code hash}. */
    static void make(Engine engine, Console console, String mirror, String reference, String hash) {
        long start = System.nanoTime();
        Path root = null;
        try {
            root = Files.createTempDirectory("berth-debian-");
            bootstrap(root, mirror, console);
            prepare(root);
            importTree(engine, console, root, reference, hash);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make the Debian base image: " + e.getMessage(), e);
        } finally {
            Resources.deleteTree(root);
        }
        console.printf("Debian base %s ready in %.1f s", reference, (System.nanoTime() - start) / 1e9);
    }

    /**
     * The mirror: {@value #MIRROR_ENV}, else the first {@code URIs:} of {@code /etc/apt/sources.list.d/debian.sources}
     * or {@code deb} line of {@code /etc/apt/sources.list}, else {@code http://deb.debian.org/debian}.
     */
    static String mirror() {
        return mirror(System.getenv(MIRROR_ENV), List.of(Path.of("/etc/apt/sources.list.d/debian.sources"),
                Path.of("/etc/apt/sources.list")));
    }

    static String mirror(String env, List<Path> sources) {
        if (env != null && !env.isBlank()) {
            return env.trim();
        }
        for (Path p : sources) {
            try {
                for (String line : Files.readAllLines(p)) {
                    Matcher m = Pattern.compile("^(?:URIs:\\s*|deb\\s+(?:\\[[^]]*]\\s+)?)(https?://\\S+)").matcher(line);
                    if (m.find() && !m.group(1).contains("security")) {
                        return m.group(1);
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                // not this file
            }
        }
        return "http://deb.debian.org/debian";
    }

    private static String pulled(Engine engine, Console console, String reference) {
        Image image = engine.image(reference);
        if (!image.exists()) {
            try (Block b = console.block("Pulling " + reference)) {
                image.pull(PullOptions.defaults().progress(Progress.layers(b)));
            }
        }
        return reference;
    }

    private static void bootstrap(Path root, String mirror, Console console) throws IOException {
        Path debootstrap = Path.of("/usr/sbin/debootstrap");
        if (!Files.isExecutable(debootstrap)) {
            throw new IllegalStateException("The Debian base image is made with debootstrap, which is not installed:"
                    + " run `sudo apt-get install debootstrap`, or set " + BASE_ENV + " to a Debian " + SUITE
                    + " image you have or can pull (e.g. debian:bookworm-slim)");
        }
        if (!Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"))) {
            throw new IllegalStateException("debootstrap must run as root to make the Debian base image: run the"
                    + " example with sudo, or set " + BASE_ENV + " to a Debian " + SUITE + " image (e.g."
                    + " debian:bookworm-slim)");
        }
        List<String> command = List.of(debootstrap.toString(), "--variant=" + VARIANT, SUITE, root.toString(), mirror);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        Deque<String> last = new ArrayDeque<>();
        Set<String> phases = new LinkedHashSet<>();
        int packages = 0;
        try (Block b = console.block("debootstrap --variant=" + VARIANT + " " + SUITE + " " + mirror);
             BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                last.addLast(line);
                if (last.size() > 20) {
                    last.removeFirst();
                }
                Matcher m = PER_PACKAGE.matcher(line);
                if (m.matches()) {
                    // One line per package and phase: a terminal shows the latest, a log one line per phase.
                    String phase = m.group(1);
                    if (phase.equals("Retrieving") && !m.group(2).equals("InRelease") && !m.group(2).equals("Packages")) {
                        packages++;
                    }
                    b.update("phase", line, phases.add(phase) ? "I: " + phase + " packages…" : null);
                } else {
                    b.note(line);
                }
            }
            waitFor(p, last);
            b.close(String.format(Locale.ROOT, "debootstrap: %d packages installed into %s", packages, root));
        }
    }

    private static void waitFor(Process p, Deque<String> last) {
        try {
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("debootstrap did not finish within 10 minutes; last output:\n"
                        + String.join("\n", last));
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while debootstrap ran", e);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("debootstrap failed with exit code " + p.exitValue() + "; check that the"
                    + " mirror answers (set " + MIRROR_ENV + " to another); last output:\n" + String.join("\n", last));
        }
    }

    /** Leaves out what a container gets from the engine (resolv.conf, hostname) and apt's downloaded lists. */
    private static void prepare(Path root) throws IOException {
        for (Map.Entry<String, String> f : APT_CONF.entrySet()) {
            Path p = root.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
        }
        for (String dir : List.of("var/lib/apt/lists", "var/cache/apt/archives")) {
            try (var files = Files.list(root.resolve(dir))) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    if (Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !f.endsWith("lock")) {
                        Files.delete(f);
                    }
                }
            }
        }
        try (var files = Files.list(root.resolve("var/cache/apt"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (f.getFileName().toString().endsWith(".bin")) {
                    Files.delete(f);
                }
            }
        }
        Files.deleteIfExists(root.resolve("etc/resolv.conf"));
        Files.deleteIfExists(root.resolve("etc/hostname"));
    }

    private static void importTree(Engine engine, Console console, Path root, String reference, String hash)
            throws IOException {
        Process tar = new ProcessBuilder("tar", "--numeric-owner", "-C", root.toString(), "-c", ".")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (Block b = console.block("Importing " + reference);
             Counting in = new Counting(tar.getInputStream(), n -> b.update("bytes", "sent " + Progress.human(n), null))) {
            engine.images().importImage(in, reference, ImportOptions.defaults()
                    .change("CMD [\"bash\"]")
                    .change("LABEL " + DebianImages.INPUTS_LABEL + "=" + hash)
                    .message("debootstrap --variant=" + VARIANT + " " + SUITE));
            if (!tar.waitFor(1, TimeUnit.MINUTES) || tar.exitValue() != 0) {
                engine.image(reference).remove(ImageRemoveOption.FORCE);
                throw new IllegalStateException("tar of " + root + " failed; the half-imported " + reference
                        + " was removed");
            }
            b.close("Imported " + reference + " (" + Progress.human(in.count) + " of root file system)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while importing " + reference, e);
        } finally {
            tar.destroyForcibly();
        }
    }

    /** Counts the bytes read, reporting every 8 MB. */
    private static final class Counting extends FilterInputStream {
        private final java.util.function.LongConsumer report;
        private long count;
        private long reported;

        Counting(InputStream in, java.util.function.LongConsumer report) {
            super(in);
            this.report = report;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                add(1);
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(long n) {
            count += n;
            if (count - reported >= 8_000_000) {
                reported = count;
                report.accept(count);
            }
        }
    }
}
