package dev.berth.image;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.BerthException;
import dev.berth.ConflictException;
import dev.berth.Engine;
import dev.berth.Labels;
import dev.berth.image.internal.ImageArchives;
import dev.berth.image.internal.ImageMapping;
import dev.berth.internal.EngineAccess;
import dev.berth.internal.EngineHttpException;
import dev.berth.internal.Errors;
import dev.berth.internal.RawApi;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code docker images} with filters, and what acts on many images at once: remove, save, load, import, prune.
 * Filters of one kind are ORed, different kinds ANDed, as in the engine. Every terminal method blocks.
 *
 * <pre>{@code
 * List<ImageSummary> mine = engine.images().label("team", "web").list();
 * engine.images().reference("127.0.0.1:5000/app").save(Path.of("app.tar"));   // docker save
 * List<Image> loaded = engine.images().load(Path.of("app.tar"));              // docker load
 * RemovedImages freed = engine.images().label("ci").prune();                  // docker image prune --filter label=ci
 * }</pre>
 */
public final class ImageQuery {
    private static final Duration PRUNE_WAIT = Duration.ofSeconds(30);
    private final Engine engine;
    private boolean all;
    private final Map<String, List<String>> filters = new LinkedHashMap<>();

    private ImageQuery(Engine engine) {
        this.engine = engine;
    }

    /** A query on the engine: top-level images, no filters. */
    public static ImageQuery of(Engine engine) {
        return new ImageQuery(Objects.requireNonNull(engine, "engine"));
    }

    /** Includes intermediate images ({@code -a}). */
    public ImageQuery all() {
        this.all = true;
        return this;
    }

    /** Only untagged images ({@code --filter dangling=true}). */
    public ImageQuery dangling() {
        return filter("dangling", "true");
    }

    /** Only images whose reference matches, e.g. {@code app}, {@code app:1}, {@code 127.0.0.1:5000/*} ({@code --filter reference=}). */
    public ImageQuery reference(String pattern) {
        return filter("reference", pattern);
    }

    /** Only images with this label key. */
    public ImageQuery label(String key) {
        return filter("label", key);
    }

    /** Only images with this label value. */
    public ImageQuery label(String key, String value) {
        return filter("label", key + "=" + value);
    }

    /** Only images built or imported by this engine session. */
    public ImageQuery ownSession() {
        return label(Labels.SESSION, engine.sessionId());
    }

    private ImageQuery filter(String key, String value) {
        filters.computeIfAbsent(key, k -> new ArrayList<>()).add(Objects.requireNonNull(value, key));
        return this;
    }

    /** The matching images ({@code docker images}). */
    public List<ImageSummary> list() {
        try {
            JsonNode r = RawApi.call(conn(), "GET", "/images/json?all=" + all + filterParam(filters), null).json();
            List<ImageSummary> out = new ArrayList<>();
            r.forEach(n -> out.add(ImageMapping.summary(n)));
            return out;
        } catch (RuntimeException e) {
            throw Errors.translate(e, "image", filters.toString(), "list");
        }
    }

    /** The ids of the matching images ({@code docker images -q}, without duplicates). */
    public List<String> ids() {
        return list().stream().map(ImageSummary::id).distinct().toList();
    }

    /** Handles on the matching images, by id. */
    public List<Image> images() {
        return ids().stream().map(id -> new Image(engine, id)).toList();
    }

    /** The image with this reference or id, if the engine has it (filters do not apply). */
    public Optional<Image> find(String reference) {
        Image image = new Image(engine, reference);
        return image.exists() ? Optional.of(image) : Optional.empty();
    }

    /**
     * Removes every matching image ({@code docker rmi $(docker images -q …)}). Without {@link ImageRemoveOption#FORCE}
     * each tag is removed in turn (the image goes with its last tag, unless a container uses it); with it, images are
     * removed by id. Returns what was removed; throws after trying them all if some could not be removed.
     */
    public RemovedImages remove(ImageRemoveOption... options) {
        boolean force = List.of(options).contains(ImageRemoveOption.FORCE);
        List<String> untagged = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (ImageSummary s : list()) {
            if (!seen.add(s.id())) {
                continue;
            }
            for (String target : force || s.tags().isEmpty() ? List.of(s.id()) : s.tags()) {
                try {
                    RemovedImages r = new Image(engine, target).remove(options);
                    untagged.addAll(r.untagged());
                    deleted.addAll(r.deleted());
                } catch (dev.berth.NotFoundException gone) {
                    // removed meanwhile, e.g. as a parent of another
                } catch (RuntimeException e) {
                    failed.add(target + ": " + Errors.rootMessage(e));
                }
            }
        }
        if (!failed.isEmpty()) {
            throw new BerthException("Could not remove " + failed.size() + " images: " + failed
                    + "; remove the containers using them, or pass ImageRemoveOption.FORCE");
        }
        return new RemovedImages(untagged, deleted, 0);
    }

    /**
     * Writes the matching images, under all their tags (untagged ones by id), as one {@code docker save} tar file.
     *
     * @throws IllegalStateException if nothing matches
     */
    public void save(Path tarFile) {
        ImageArchives.save(conn(), names(), Objects.requireNonNull(tarFile, "tarFile"));
    }

    /** Streams the matching images as one {@code docker save} tar to {@code out}, which stays open. */
    public void save(OutputStream out) {
        ImageArchives.save(conn(), names(), Objects.requireNonNull(out, "out"));
    }

    private List<String> names() {
        List<String> names = new ArrayList<>();
        for (ImageSummary s : list()) {
            names.addAll(s.tags().isEmpty() ? List.of(s.id()) : s.tags());
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("No image matches " + filters + "; nothing to save");
        }
        return names.stream().distinct().toList();
    }

    /** Loads a {@code docker save} tar file ({@code docker load -i}); filters do not apply. */
    public List<Image> load(Path tarFile) {
        return handles(ImageArchives.load(conn(), Objects.requireNonNull(tarFile, "tarFile")));
    }

    /** Loads a {@code docker save} tar from a stream, read to its end but not closed; filters do not apply. */
    public List<Image> load(InputStream tar) {
        return handles(ImageArchives.load(conn(), Objects.requireNonNull(tar, "tar"), "a stream"));
    }

    /**
     * Creates an image from a root file system tar ({@code docker import FILE REFERENCE}); the image carries Berth's
     * labels. Filters do not apply.
     */
    public Image importImage(Path rootfsTar, String reference, ImportOptions options) {
        Objects.requireNonNull(rootfsTar, "rootfsTar");
        try (InputStream in = java.nio.file.Files.newInputStream(rootfsTar)) {
            return new Image(engine, ImageArchives.importRootfs(conn(), in, reference, options, rootfsTar.toString()));
        } catch (java.io.IOException e) {
            throw new BerthException("Cannot read " + rootfsTar + ": " + e.getMessage(), e);
        }
    }

    /** As {@link #importImage(Path, String, ImportOptions)}, from a stream that is read but not closed. */
    public Image importImage(InputStream rootfsTar, String reference, ImportOptions options) {
        return new Image(engine, ImageArchives.importRootfs(conn(), Objects.requireNonNull(rootfsTar, "rootfsTar"),
                reference, Objects.requireNonNull(options, "options"), "a stream"));
    }

    /**
     * Removes dangling images that no container uses ({@code docker image prune}), limited by this query's label
     * filters. The engine runs one prune at a time: while another client's prune runs, this waits (up to 30 s).
     *
     * @throws IllegalStateException if a reference filter is set (the engine cannot prune by reference)
     */
    public RemovedImages prune() {
        return prune(true);
    }

    /** Removes every image no container uses, tagged or not ({@code docker image prune -a}), limited by labels. */
    public RemovedImages pruneAll() {
        return prune(false);
    }

    private RemovedImages prune(boolean danglingOnly) {
        if (filters.containsKey("reference")) {
            throw new IllegalStateException("docker image prune cannot filter by reference; filter by label instead");
        }
        Map<String, List<String>> f = new LinkedHashMap<>();
        f.put("dangling", List.of(Boolean.toString(danglingOnly)));
        if (filters.containsKey("label")) {
            f.put("label", filters.get("label"));
        }
        String path = "/images/prune?" + filterParam(f).substring(1);
        long deadline = System.nanoTime() + PRUNE_WAIT.toNanos();
        while (true) {
            try {
                return ImageMapping.removed(RawApi.call(conn(), "POST", path, new byte[0]).json());
            } catch (EngineHttpException e) {
                // The engine runs one prune at a time; another client's prune is usually over within seconds.
                if (e.getHttpStatus() != 409 || System.nanoTime() > deadline) {
                    throw e.getHttpStatus() == 409 ? new ConflictException("Cannot prune images: another prune has"
                            + " been running on the engine for over " + PRUNE_WAIT.toSeconds() + " s; retry when it"
                            + " has ended", e) : Errors.translate(e, "image", f.toString(), "prune");
                }
                pause();
            } catch (RuntimeException e) {
                throw Errors.translate(e, "image", f.toString(), "prune");
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BerthException("Interrupted while waiting for another prune to end", e);
        }
    }

    private static String filterParam(Map<String, List<String>> f) {
        if (f.isEmpty()) {
            return "";
        }
        return "&filters=" + dev.berth.internal.Filters.encode(f);
    }

    private List<Image> handles(List<String> references) {
        return references.stream().map(r -> new Image(engine, r)).toList();
    }

    private dev.berth.internal.Connection conn() {
        return EngineAccess.connection(engine);
    }

    @Override
    public String toString() {
        return "ImageQuery[" + (all ? "all, " : "") + filters + "]";
    }
}
