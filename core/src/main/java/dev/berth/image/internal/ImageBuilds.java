package dev.berth.image.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.BerthException;
import dev.berth.EngineUnavailableException;
import dev.berth.ImageBuildException;
import dev.berth.Labels;
import dev.berth.image.BuildContext;
import dev.berth.image.BuildEvent;
import dev.berth.image.BuildSpec;
import dev.berth.image.ContextStream;
import dev.berth.internal.EngineHttpException;
import dev.berth.internal.Connection;
import dev.berth.internal.Errors;
import dev.berth.internal.Json;
import dev.berth.internal.RawApi;
import dev.berth.registry.Credentials;
import dev.berth.registry.RegistryAuth;
import dev.berth.registry.internal.AuthHeaders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs {@code docker build} (legacy builder) on the Engine API: streams the context to the engine and turns the
 * build output into {@link BuildEvent}s as it arrives. Base-image credentials travel only in
 * {@code X-Registry-Config}.
 */
public final class ImageBuilds {

    private ImageBuilds() {
    }

    /** Builds the image; blocks until the build has ended. */
    public static String build(Connection conn, BuildSpec spec) {
        Map<String, Credentials> creds = spec.auth().orElseGet(RegistryAuth::fromEnv).all();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-tar");
        if (!creds.isEmpty()) {
            headers.put("X-Registry-Config", AuthHeaders.registryConfig(creds));
        }
        ContextStream in;
        try {
            in = context(spec).open();
        } catch (RuntimeException e) {
            throw new BerthException("Cannot pack the build context: " + Errors.rootMessage(e)
                    + "; check that the context files exist and are readable", e);
        }
        BuildOutput out = new BuildOutput(sink(spec));
        String what = spec.tags().isEmpty() ? "<untagged>" : spec.tags().get(0);
        try (in; RawApi.Streamed s = RawApi.open(conn, "POST", query(conn.labels(), spec, in.dockerfile()), headers,
                new ContextInput(in))) {
            for (Iterator<JsonNode> it = s.messages(); it.hasNext(); ) {
                out.accept(it.next());
            }
            out.finish();
        } catch (EngineHttpException e) {
            out.finish();
            throw new ImageBuildException(out.step(), AuthHeaders.redact(Errors.engineMessage(e), creds.values()),
                    out.transcript(), e);
        } catch (ContextInput.ReadFailure e) {
            throw new BerthException("Cannot pack the build context: " + Errors.rootMessage(e)
                    + "; check that the context files exist and are readable", e.getCause());
        } catch (IOException e) {
            out.finish();
            throw lost(conn, what, out, e);
        } catch (RuntimeException e) {
            out.finish();
            if (Errors.hasCause(e, IOException.class)) {
                throw lost(conn, what, out, e);
            }
            if (out.error() == null) {
                if (e instanceof BerthException) {
                    throw e;
                }
                RuntimeException t = Errors.translate(e, "image", what, "build");
                throw new ImageBuildException(out.step(), Errors.rootMessage(t), out.transcript(), e);
            }
        }
        if (out.error() != null) {
            throw new ImageBuildException(out.step(), AuthHeaders.redact(out.error(), creds.values()),
                    out.transcript(), null);
        }
        if (out.imageId() == null) {
            throw new ImageBuildException(out.step(), "the engine reported no image id", out.transcript(), null);
        }
        return spec.tags().isEmpty() ? out.imageId() : spec.tags().get(0);
    }

    /** As {@code docker build} fails ("unexpected EOF"): the engine went away mid-build. */
    private static EngineUnavailableException lost(Connection conn, String what, BuildOutput out, Exception e) {
        return Errors.lost(conn.config().host(), "building image '" + what + "'"
                + (out.step() == null ? "" : " (at " + out.step() + ")"), e);
    }

    /**
     * The {@code POST /build} path and query for a spec; Berth's labels are added to the caller's, the session's only
     * if the spec wants it.
     */
    static String query(Map<String, String> berthLabels, BuildSpec spec, String dockerfile) {
        Map<String, String> labels = new LinkedHashMap<>(spec.labels());
        labels.putAll(berthLabels);
        if (!spec.sessionLabel()) {
            labels.remove(Labels.SESSION);
        }
        StringBuilder q = new StringBuilder("/build?dockerfile=").append(RawApi.q(dockerfile));
        spec.tags().forEach(t -> q.append("&t=").append(RawApi.q(t)));
        q.append("&labels=").append(RawApi.q(json(labels)));
        if (!spec.buildArgs().isEmpty()) {
            q.append("&buildargs=").append(RawApi.q(json(spec.buildArgs())));
        }
        spec.target().ifPresent(t -> q.append("&target=").append(RawApi.q(t)));
        spec.networkMode().ifPresent(n -> q.append("&networkmode=").append(RawApi.q(n)));
        spec.platform().ifPresent(p -> q.append("&platform=").append(RawApi.q(p)));
        if (spec.noCache()) {
            q.append("&nocache=1");
        }
        if (spec.pull()) {
            q.append("&pull=1");
        }
        // As `docker build`: remove intermediate containers, even after a failed step.
        q.append("&rm=1&forcerm=1");
        return q.toString();
    }

    private static Consumer<BuildEvent> sink(BuildSpec spec) {
        Consumer<BuildEvent> events = spec.events().orElse(e -> { });
        return spec.output().map(o -> events.andThen(e -> {
            if (e instanceof BuildEvent.StepStarted s) {
                o.accept(s.text());
            } else if (e instanceof BuildEvent.Output l) {
                o.accept(l.line());
            }
        })).orElse(events);
    }

    private static String json(Map<String, String> m) {
        return Json.write(m);
    }

    /** The streaming context for a spec: directory, Dockerfile and extra files, with .dockerignore applied. */
    static BuildContext context(BuildSpec spec) {
        BuildContext ctx = spec.context().map(BuildContext::fromDirectory).orElseGet(BuildContext::empty);
        if (spec.dockerfile().isPresent()) {
            ctx = ctx.dockerfile(spec.dockerfile().get());
        }
        if (spec.dockerfileText().isPresent()) {
            ctx = ctx.dockerfileText(spec.dockerfileText().get());
        }
        for (var e : spec.files().entrySet()) {
            BuildSpec.ContextFile f = e.getValue();
            ctx = f.content().isPresent() ? ctx.withFile(e.getKey(), f.content().get(), f.mode())
                    : ctx.withFile(e.getKey(), f.source().get());
        }
        return ctx;
    }
}
