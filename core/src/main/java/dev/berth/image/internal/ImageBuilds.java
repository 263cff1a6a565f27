package dev.berth.image.internal;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.model.BuildResponseItem;
import dev.berth.BerthException;
import dev.berth.Engine;
import dev.berth.ImageBuildException;
import dev.berth.image.BuildSpec;
import dev.berth.image.Image;
import dev.berth.internal.Errors;

import dev.berth.image.BuildContext;
import dev.berth.image.ContextStream;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** Runs {@code docker build}: streams the context to the engine and follows the build output. */
public final class ImageBuilds {
    private ImageBuilds() {
    }

    /** Builds the image; blocks until the build has ended. */
    public static Image build(Engine engine, BuildSpec spec) {
        ContextStream in;
        try {
            in = context(spec).open();
        } catch (RuntimeException e) {
            throw new BerthException("Cannot pack the build context: " + Errors.rootMessage(e)
                    + "; check that the context files exist and are readable", e);
        }
        String name = in.dockerfile();
        Map<String, String> labels = new HashMap<>(spec.labels());
        labels.putAll(engine.labels());
        BuildImageCmd cmd = engine.dockerClient().buildImageCmd(in)
                .withDockerfilePath(name).withLabels(labels).withNoCache(spec.noCache()).withPull(spec.pull())
                .withRemove(true).withForcerm(true);
        if (!spec.tags().isEmpty()) {
            cmd.withTags(new HashSet<>(spec.tags()));
        }
        spec.buildArgs().forEach(cmd::withBuildArg);
        spec.target().ifPresent(cmd::withTarget);
        spec.networkMode().ifPresent(cmd::withNetworkMode);

        StringBuilder output = new StringBuilder();
        AtomicReference<String> imageId = new AtomicReference<>();
        AtomicReference<String> error = new AtomicReference<>();
        AtomicReference<String> step = new AtomicReference<>();
        ResultCallback.Adapter<BuildResponseItem> cb = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(BuildResponseItem item) {
                if (item.getStream() != null) {
                    String text = item.getStream();
                    output.append(text);
                    for (String line : text.split("\n")) {
                        if (line.startsWith("Step ")) {
                            step.set(line.trim());
                        }
                        if (!line.isBlank()) {
                            spec.output().ifPresent(o -> o.accept(line));
                        }
                    }
                }
                if (item.getImageId() != null) {
                    imageId.set(item.getImageId());
                }
                if (item.isErrorIndicated()) {
                    String msg = item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                            ? item.getErrorDetail().getMessage() : item.getError();
                    error.set(msg);
                    output.append(msg).append('\n');
                }
            }
        };
        try (in; cmd; var running = cmd.exec(cb)) {
            running.awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BerthException("Interrupted while building " + spec.tags(), e);
        } catch (IOException e) {
            throw new BerthException("Build of " + spec.tags() + " failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (error.get() == null) {
                RuntimeException t = Errors.translate(e, "image", spec.tags().isEmpty() ? "<untagged>"
                        : spec.tags().get(0), "build");
                throw new ImageBuildException(step.get(), Errors.rootMessage(t), output.toString(), e);
            }
        }
        if (error.get() != null) {
            throw new ImageBuildException(step.get(), error.get(), output.toString(), null);
        }
        if (imageId.get() == null) {
            throw new ImageBuildException(step.get(), "the engine reported no image id", output.toString(), null);
        }
        return new Image(engine, spec.tags().isEmpty() ? imageId.get() : spec.tags().get(0));
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
