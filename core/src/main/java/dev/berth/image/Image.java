package dev.berth.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.berth.Engine;
import dev.berth.internal.Errors;
import dev.berth.internal.RawApi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
        JsonNode r;
        try {
            r = RawApi.call(engine, "GET", "/images/" + reference + "/json", null).json();
        } catch (RuntimeException e) {
            throw Errors.translate(e, "image", reference, "inspect");
        }
        JsonNode c = r.path("Config");
        JsonNode hc = c.path("Healthcheck").path("Test");
        return new ImageInfo(r.path("Id").asText(), strings(r.path("RepoTags")), r.path("Size").asLong(),
                r.path("Created").asText(""), map(c.path("Labels")), strings(c.path("Env")), strings(c.path("Cmd")),
                strings(c.path("Entrypoint")), c.path("User").asText(""), c.path("WorkingDir").asText(""),
                names(c.path("ExposedPorts")), names(c.path("Volumes")),
                hc.isArray() ? Optional.of(strings(hc)) : Optional.empty(),
                c.hasNonNull("StopSignal") ? Optional.of(c.get("StopSignal").asText()) : Optional.empty());
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

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static Map<String, String> map(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
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
