package dev.berth.image;

import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ContainerConfig;
import dev.berth.Engine;
import dev.berth.internal.Errors;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A handle on an image of one engine, by reference or id; does no I/O until a method is called. */
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
            engine.dockerClient().inspectImageCmd(reference).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        } catch (RuntimeException e) {
            throw Errors.translate(e, "image", reference, "inspect");
        }
    }

    /** Everything the engine reports about the image ({@code docker image inspect}). */
    public ImageInfo inspect() {
        InspectImageResponse r;
        try {
            r = engine.dockerClient().inspectImageCmd(reference).exec();
        } catch (RuntimeException e) {
            throw Errors.translate(e, "image", reference, "inspect");
        }
        ContainerConfig c = r.getConfig();
        return new ImageInfo(r.getId(), r.getRepoTags() == null ? List.of() : r.getRepoTags(),
                r.getSize() == null ? 0 : r.getSize(), r.getCreated() == null ? "" : r.getCreated(),
                c == null || c.getLabels() == null ? Map.of() : c.getLabels(),
                list(c == null ? null : c.getEnv()), list(c == null ? null : c.getCmd()),
                list(c == null ? null : c.getEntrypoint()), c == null || c.getUser() == null ? "" : c.getUser(),
                c == null || c.getWorkingDir() == null ? "" : c.getWorkingDir(),
                c == null || c.getExposedPorts() == null ? List.of()
                        : Arrays.stream(c.getExposedPorts()).map(Object::toString).toList(),
                c == null || c.getVolumes() == null ? List.of() : List.copyOf(c.getVolumes().keySet()),
                c == null || c.getHealthcheck() == null || c.getHealthcheck().getTest() == null ? Optional.empty()
                        : Optional.of(c.getHealthcheck().getTest()),
                c == null || c.getRawValues() == null ? Optional.empty()
                        : Optional.ofNullable((String) c.getRawValues().get("StopSignal")));
    }

    /** Adds another reference to this image ({@code docker tag}) and returns a handle on it. */
    public Image tag(String newReference) {
        ImageRef ref = ImageRef.parse(newReference).withDefaultTag();
        try {
            engine.dockerClient().tagImageCmd(reference, ref.repository(), ref.tag().orElseThrow()).exec();
        } catch (RuntimeException e) {
            throw Errors.translate(e, "image", reference, "tag");
        }
        return new Image(engine, ref.toString());
    }

    /** Removes this reference, and the image if no other reference is left ({@code docker rmi}). */
    public void remove() {
        remove(false);
    }

    /** Removes the image; {@code force} also removes it while containers use it. */
    public void remove(boolean force) {
        try {
            engine.dockerClient().removeImageCmd(reference).withForce(force).exec();
        } catch (RuntimeException e) {
            throw Errors.translate(e, "image", reference, "remove");
        }
    }

    private static List<String> list(String[] a) {
        return a == null ? List.of() : List.of(a);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Image i && i.reference.equals(reference) && i.engine == engine;
    }

    @Override
    public int hashCode() {
        return reference.hashCode();
    }

    @Override
    public String toString() {
        return "Image[" + reference + "]";
    }
}
