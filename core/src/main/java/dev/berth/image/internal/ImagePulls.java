package dev.berth.image.internal;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.PullResponseItem;
import dev.berth.BerthException;
import dev.berth.Engine;
import dev.berth.ImagePullException;
import dev.berth.image.ImageRef;
import dev.berth.internal.Errors;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;

/** Pulls an image and turns any failure into an {@link ImagePullException} that names the image. */
public final class ImagePulls {
    private ImagePulls() {
    }

    /** Pulls the reference (tag {@code latest} if none); blocks until done. */
    public static void pull(Engine engine, String reference) {
        ImageRef ref = ImageRef.parse(reference).withDefaultTag();
        AtomicReference<String> error = new AtomicReference<>();
        var cmd = engine.dockerClient().pullImageCmd(ref.repository());
        ref.tag().ifPresent(cmd::withTag);
        ResultCallback.Adapter<PullResponseItem> cb = new ResultCallback.Adapter<>() {
            @Override
            public void onError(Throwable t) {
                // Reported through ImagePullException below; docker-java's default would log it as an ERROR too.
                error.compareAndSet(null, Errors.rootMessage(t instanceof RuntimeException re
                        ? Errors.translate(re, "image", reference, "pull") : t));
                try {
                    close();
                } catch (IOException ignored) {
                    // closing is best effort
                }
            }

            @Override
            public void onNext(PullResponseItem item) {
                if (item.isErrorIndicated()) {
                    error.set(item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                            ? item.getErrorDetail().getMessage() : item.getError());
                }
            }
        };
        try (cmd; var running = cmd.exec(cb)) {
            running.awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BerthException("Interrupted while pulling " + ref, e);
        } catch (IOException e) {
            throw new ImagePullException(reference, e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ImagePullException(reference, Errors.rootMessage(Errors.translate(e, "image", reference, "pull")), e);
        }
        if (error.get() != null) {
            throw new ImagePullException(reference, error.get(), null);
        }
    }
}
