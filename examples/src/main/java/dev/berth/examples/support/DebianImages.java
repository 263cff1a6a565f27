package dev.berth.examples.support;

import dev.berth.BerthException;
import dev.berth.Engine;
import dev.berth.dockerfile.Dockerfile;
import dev.berth.dockerfile.Stage;
import dev.berth.image.BuildSpec;
import dev.berth.image.ImageSummary;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The real services of the walk-throughs — nginx, MariaDB, Redis, Python with Flask, a registry — built from Debian
 * packages on the {@link DebianBase}, with Berth's typed Dockerfile model. Each image is tagged
 * {@code berth-examples/NAME:HASH}, the hash covering the Dockerfile, the ids of the images it builds on and every
 * file sent with it, so a build happens once per content and a second run finds the tag in milliseconds. Images whose
 * inputs changed are removed when their successor is built. Containers, networks and volumes are the walk-throughs'
 * to clean up; these images are kept on purpose, as a cache (remove them with
 * {@code docker rmi $(docker images -q --filter label=berth.examples.inputs)}).
 */
public final class DebianImages {
    /** The repository prefix of every cached walk-through image. */
    public static final String REPOSITORY = "berth-examples/";
    /** The label holding the hash of an image's inputs. */
    public static final String INPUTS_LABEL = "berth.examples.inputs";
    private static final String APT = "apt-get update && apt-get install -y --no-install-recommends ";
    private static final String APT_DONE = " && rm -rf /var/lib/apt/lists/*";

    private final Engine engine;
    private final Console console;
    private String base;

    private DebianImages(Engine engine, Console console) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.console = Objects.requireNonNull(console, "console");
    }

    /** The images of this engine, reporting builds on {@code console}. */
    public static DebianImages on(Engine engine, Console console) {
        return new DebianImages(engine, console);
    }

    /** The Debian bookworm base (see {@link DebianBase}). */
    public synchronized String base() {
        if (base == null) {
            base = DebianBase.ensure(engine, console);
        }
        return base;
    }

    /** nginx serving Debian's welcome page on port 80, logging to the container's output. */
    public String nginx() {
        return build("nginx", nginx(base()), Resources.files("images/nginx", "default.conf"));
    }

    /** MariaDB (the seed's MySQL): {@code mariadbd} on 3306, creating its system tables on an empty volume. */
    public String mariadb() {
        return build("mariadb", mariadb(base()), Resources.files("images/mariadb", "entrypoint.sh"));
    }

    /** Redis on 6379 as the redis user, with its data in {@code /data}. */
    public String redis() {
        return build("redis", redis(base()), Map.of());
    }

    /** Python 3 with Flask, redis-py, PyMySQL and gunicorn from Debian; {@code /app} is the work directory. */
    public String python() {
        return build("python", python(base()), Map.of());
    }

    /** An image registry (Debian's docker-registry, distribution 2.8) on 5000 without authentication. */
    public String registry() {
        return build("registry", registry(base()), Resources.files("images/registry", "config.yml"));
    }

    static Dockerfile nginx(String base) {
        return Dockerfile.builder().from(base)
                .run(APT + "nginx" + APT_DONE
                        + " && rm -f /etc/nginx/sites-enabled/default"
                        + " && ln -sf /dev/stdout /var/log/nginx/access.log"
                        + " && ln -sf /dev/stderr /var/log/nginx/error.log")
                .copy("default.conf", "/etc/nginx/conf.d/default.conf")
                .expose(80)
                .stopSignal("SIGQUIT")
                .cmd("nginx", "-g", "daemon off;")
                .build();
    }

    static Dockerfile mariadb(String base) {
        return Dockerfile.builder().from(base)
                .run("groupadd --system --gid 999 mysql"
                        + " && useradd --system --uid 999 --gid mysql --home-dir /var/lib/mysql --shell /usr/sbin/nologin mysql"
                        + " && " + APT + "mariadb-server-core mariadb-client-core" + APT_DONE
                        + " && mkdir -p /var/lib/mysql /run/mysqld && chown mysql:mysql /var/lib/mysql /run/mysqld")
                .copy("entrypoint.sh", "/usr/local/bin/entrypoint.sh")
                .expose(3306)
                .entrypoint("/usr/local/bin/entrypoint.sh")
                .cmd("mariadbd")
                .build();
    }

    static Dockerfile redis(String base) {
        return Dockerfile.builder().from(base)
                .run(APT + "redis-server" + APT_DONE + " && mkdir /data && chown redis:redis /data")
                .workdir("/data")
                .user("redis")
                .expose(6379)
                .cmd("redis-server", "--protected-mode", "no")
                .build();
    }

    static Dockerfile python(String base) {
        return Dockerfile.builder().from(base)
                .run(APT + "python3-flask python3-redis python3-pymysql gunicorn" + APT_DONE)
                .env("PYTHONUNBUFFERED", "1")
                .workdir("/app")
                .build();
    }

    static Dockerfile registry(String base) {
        return Dockerfile.builder().from(base)
                .run(APT + "docker-registry" + APT_DONE)
                .copy("config.yml", "/etc/docker/registry/config.yml")
                .user("docker-registry")
                .expose(5000)
                .cmd("docker-registry", "serve", "/etc/docker/registry/config.yml")
                .build();
    }

    /**
     * Builds {@code berth-examples/NAME:HASH} from the Dockerfile and its files, unless the engine already has it;
     * files named {@code *.sh} are made executable. Returns the reference. Blocks; shows the build's progress.
     */
    public String build(String name, Dockerfile dockerfile, Map<String, byte[]> files) {
        Objects.requireNonNull(name, "name");
        Map<String, byte[]> sorted = new TreeMap<>(files);
        String hash = inputsHash(dockerfile, sorted, parents(dockerfile));
        String reference = REPOSITORY + name + ":" + hash.substring(0, 12);
        if (engine.image(reference).exists()) {
            return reference;
        }
        long start = System.nanoTime();
        try (Block block = console.block("Building " + reference)) {
            BuildSpec.Builder spec = BuildSpec.builder().dockerfile(dockerfile).tag(reference)
                    .label(INPUTS_LABEL, hash).events(Progress.build(block));
            sorted.forEach((path, bytes) -> spec.file(path, bytes, mode(path)));
            engine.build(spec.build());
            block.close(String.format(Locale.ROOT, "✔ Built %s in %.1f s", reference,
                    (System.nanoTime() - start) / 1e9));
        }
        pruneSuperseded(engine, reference);
        return reference;
    }

    /**
     * The ids of the walk-throughs' own images this Dockerfile builds on, by reference: a base made again (same tag,
     * new content) makes everything built on it stale.
     */
    private Map<String, String> parents(Dockerfile dockerfile) {
        Map<String, String> ids = new TreeMap<>();
        for (Stage stage : dockerfile.stages()) {
            String image = stage.from().image();
            if (image.startsWith(REPOSITORY)) {
                ids.put(image, engine.image(image).id());
            }
        }
        return ids;
    }

    /**
     * The SHA-256 of the Dockerfile's text, of the ids of the images it builds on, and of each file's path, mode and
     * content, in path order.
     */
    static String inputsHash(Dockerfile dockerfile, Map<String, byte[]> files, Map<String, String> parents) {
        StringBuilder inputs = new StringBuilder(dockerfile.render());
        new TreeMap<>(parents).forEach((ref, id) -> inputs.append("\nFROM ").append(ref).append(' ').append(id));
        new TreeMap<>(files).forEach((path, bytes) -> inputs.append('\n').append(path).append(' ').append(mode(path))
                .append(' ').append(Hashes.sha256(bytes)));
        return Hashes.sha256(inputs.toString());
    }

    /** Removes the other tags of the reference's repository that carry {@link #INPUTS_LABEL}; keeps those in use. */
    static void pruneSuperseded(Engine engine, String reference) {
        String repository = reference.substring(0, reference.lastIndexOf(':'));
        for (ImageSummary s : engine.images().reference(repository).label(INPUTS_LABEL).list()) {
            for (String tag : s.tags()) {
                if (!tag.equals(reference) && tag.startsWith(repository + ":")) {
                    try {
                        engine.image(tag).remove();
                    } catch (BerthException inUse) {
                        // still used by a container or a child image; the next successor build tries again
                    }
                }
            }
        }
    }

    private static int mode(String path) {
        return path.endsWith(".sh") ? 0755 : 0644;
    }
}
