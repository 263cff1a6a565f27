package dev.berth.image;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.Engine;
import dev.berth.image.internal.ImageArchives;
import dev.berth.image.internal.ImageMapping;
import dev.berth.image.internal.ImagePulls;
import dev.berth.internal.Connection;
import dev.berth.internal.EngineAccess;
import dev.berth.internal.EngineHttpException;
import dev.berth.internal.Errors;
import dev.berth.internal.RawApi;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A handle on an image of one engine, by reference or id; does no I/O until a method is called. Every method blocks
 * until the engine has answered; none leaves anything open.
 *
 * <pre>{@code
 * Image app = engine.image("127.0.0.1:5000/app:1");
 * app.pull(PullOptions.defaults().progress(bar));
 * app.tag("127.0.0.1:5000/app:stable").push();
 * }</pre>
 */
public final class Image {
    private final Engine engine;
    private final String reference;

    /** A handle for the reference; the usual spelling is {@code engine.image(reference)}. */
    public Image(Engine engine, String reference) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.reference = Objects.requireNonNull(reference, "reference");
    }

    /** The reference or id this handle was made with. */
    public String reference() {
        return reference;
    }

    /** The image id ({@code sha256:…}). */
    public String id() {
        return inspect().id();
    }

    /** Whether the engine has this image. */
    public boolean exists() {
        try {
            RawApi.call(conn(), "GET", "/images/" + reference + "/json", null);
            return true;
        } catch (EngineHttpException e) {
            if (e.getHttpStatus() == 404) {
                return false;
            }
            throw Errors.translate(e, "image", reference, "inspect");
        } catch (RuntimeException e) {
            throw Errors.translate(e, "image", reference, "inspect");
        }
    }

    /** Everything the engine reports about the image ({@code docker image inspect}). */
    public ImageInfo inspect() {
        try {
            return ImageMapping.info(RawApi.call(conn(), "GET", "/images/" + reference + "/json", null).json());
        } catch (RuntimeException e) {
            throw Errors.translate(e, "image", reference, "inspect");
        }
    }

    /** The layers and the steps that made them, newest first ({@code docker history}). */
    public List<HistoryEntry> history() {
        try {
            JsonNode r = RawApi.call(conn(), "GET", "/images/" + reference + "/history", null).json();
            List<HistoryEntry> out = new ArrayList<>();
            r.forEach(n -> out.add(ImageMapping.history(n)));
            return out;
        } catch (RuntimeException e) {
            throw Errors.translate(e, "image", reference, "read the history of");
        }
    }

    /**
     * Pulls this reference ({@code docker pull}; tag {@code latest} if none) with credentials from the docker
     * config; blocks until done and returns this handle.
     *
     * @throws dev.berth.ImagePullException      if the registry lacks the image or cannot be reached
     * @throws dev.berth.UnauthorizedException   if the registry refuses the credentials
     */
    public Image pull() {
        return pull(PullOptions.defaults());
    }

    /** Pulls this reference with these options (platform, credentials, progress); blocks until done. */
    public Image pull(PullOptions options) {
        ImagePulls.pull(conn(), reference, Objects.requireNonNull(options, "options"));
        return this;
    }

    /**
     * Pushes this reference to its registry ({@code docker push}; tag {@code latest} if none) with credentials from
     * the docker config; blocks until done.
     *
     * @throws dev.berth.UnauthorizedException if the registry refuses the credentials
     * @throws dev.berth.ImagePushException    if the registry cannot be reached or fails
     */
    public PushResult push() {
        return push(PushOptions.defaults());
    }

    /** Pushes this reference with these options (credentials, progress); blocks until done. */
    public PushResult push(PushOptions options) {
        return ImagePulls.push(conn(), reference, Objects.requireNonNull(options, "options"));
    }

    /** Adds another reference to this image ({@code docker tag}) and returns a handle on it. */
    public Image tag(String newReference) {
        ImageRef ref = ImageRef.parse(newReference).withDefaultTag();
        if (ref.digest().isPresent()) {
            throw new IllegalArgumentException("Cannot tag as '" + newReference + "': a tag cannot hold a digest");
        }
        try {
            RawApi.call(conn(), "POST", "/images/" + reference + "/tag?repo=" + RawApi.q(ref.repository())
                    + "&tag=" + RawApi.q(ref.tag().orElseThrow()), new byte[0]);
        } catch (RuntimeException e) {
            throw Errors.translate(e, "image", reference, "tag");
        }
        return new Image(engine, ref.toString());
    }

    /** Writes this image, with its tags, as a {@code docker save} tar file (replaced if present); blocks until done. */
    public void save(Path tarFile) {
        ImageArchives.save(conn(), List.of(reference), Objects.requireNonNull(tarFile, "tarFile"));
    }

    /** Streams this image as a {@code docker save} tar to {@code out}, which stays open; blocks until done. */
    public void save(OutputStream out) {
        ImageArchives.save(conn(), List.of(reference), Objects.requireNonNull(out, "out"));
    }

    /**
     * Removes this reference, and the image with its untagged parents if no other reference is left
     * ({@code docker rmi}).
     */
    public RemovedImages remove(ImageRemoveOption... options) {
        List<ImageRemoveOption> opts = Arrays.asList(options);
        try {
            JsonNode r = RawApi.call(conn(), "DELETE", "/images/" + reference
                    + "?force=" + opts.contains(ImageRemoveOption.FORCE)
                    + "&noprune=" + opts.contains(ImageRemoveOption.NO_PRUNE), null).json();
            return ImageMapping.removed(r);
        } catch (RuntimeException e) {
            throw Errors.translate(e, "image", reference, "remove");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Image i && i.reference.equals(reference) && i.engine == engine;
    }

    @Override
    public int hashCode() {
        return reference.hashCode();
    }

    private Connection conn() {
        return EngineAccess.connection(engine);
    }

    @Override
    public String toString() {
        return "Image[" + reference + "]";
    }
}
