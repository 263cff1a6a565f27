package dev.berth.image;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Folds the progress messages of a pull or push into per-layer state and an overall fraction, for a progress bar.
 * Thread-safe; pass it (or {@code tracker.andThen(...)}) as the progress consumer.
 *
 * <pre>{@code
 * ProgressTracker bar = new ProgressTracker();
 * image.pull(PullOptions.defaults().progress(bar.andThen(p -> render(bar.fraction()))));
 * }</pre>
 *
 * <p>A pulled layer counts half for its download and half for its extraction; a pushed layer counts for its upload.
 * Layers that already exist count as done. Bytes are those of the transfer phase (download or upload), capped at
 * each layer's size (the engine sometimes reports more than the size it announced).
 */
public final class ProgressTracker implements Consumer<LayerProgress> {
    private final Map<String, Layer> layers = new LinkedHashMap<>();

    /**
     * The state of one layer.
     *
     * @param id          the short layer id
     * @param status      the last status the engine reported for it
     * @param transferred bytes downloaded or uploaded so far
     * @param size        the layer's size as announced, or 0 while unknown
     * @param fraction    how far the layer is, 0 to 1
     * @param done        whether it is complete (pulled, pushed, or already there)
     */
    public record Layer(String id, String status, long transferred, long size, double fraction, boolean done) {
    }

    @Override
    public synchronized void accept(LayerProgress p) {
        String s = p.status();
        if (p.layerId().isEmpty() || s.startsWith("Pulling from") || s.startsWith("Digest:") || s.startsWith("Status:")) {
            return;
        }
        String id = p.layerId().get();
        Layer old = layers.getOrDefault(id, new Layer(id, "", 0, 0, 0, false));
        layers.put(id, next(old, p));
    }

    private static Layer next(Layer old, LayerProgress p) {
        String s = p.status().toLowerCase(Locale.ROOT);
        boolean pull = p instanceof PullProgress;
        long size = p.total() > 0 && (s.startsWith("downloading") || s.startsWith("pushing")) ? p.total() : old.size;
        if (s.startsWith("pull complete") || s.startsWith("already exists") || s.startsWith("pushed")
                || s.startsWith("layer already exists") || s.startsWith("mounted from")) {
            return new Layer(old.id, p.status(), size, size, 1.0, true);
        }
        if (s.startsWith("downloading") || s.startsWith("pushing")) {
            long cur = size > 0 ? Math.min(p.current(), size) : p.current();
            double f = size > 0 ? (double) cur / size : 0;
            return new Layer(old.id, p.status(), cur, size, pull ? f / 2 : Math.min(f, 0.99), false);
        }
        if (s.startsWith("verifying checksum") || s.startsWith("download complete")) {
            return new Layer(old.id, p.status(), size, size, 0.5, false);
        }
        if (s.startsWith("extracting")) {
            double f = p.total() > 0 ? Math.min(1.0, (double) p.current() / p.total()) : 0;
            return new Layer(old.id, p.status(), size, size, 0.5 + f / 2, false);
        }
        return new Layer(old.id, p.status(), old.transferred, size, old.fraction, old.done);
    }

    /** Overall progress from 0 to 1: the mean of the layers' fractions (0 before any layer is known). */
    public synchronized double fraction() {
        if (layers.isEmpty()) {
            return 0;
        }
        return layers.values().stream().mapToDouble(Layer::fraction).sum() / layers.size();
    }

    /** Bytes transferred so far over all layers. */
    public synchronized long currentBytes() {
        return layers.values().stream().mapToLong(Layer::transferred).sum();
    }

    /** Bytes to transfer over all layers whose size is known. */
    public synchronized long totalBytes() {
        return layers.values().stream().mapToLong(Layer::size).sum();
    }

    /** How many layers are complete. */
    public synchronized int completedLayers() {
        return (int) layers.values().stream().filter(Layer::done).count();
    }

    /** How many layers the engine has reported. */
    public synchronized int layerCount() {
        return layers.size();
    }

    /** A snapshot of every layer, in the order the engine first reported them. */
    public synchronized Map<String, Layer> layers() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(layers));
    }

    @Override
    public synchronized String toString() {
        return String.format(Locale.ROOT, "ProgressTracker[%d/%d layers, %d/%d bytes, %.0f%%]", completedLayers(),
                layerCount(), currentBytes(), totalBytes(), fraction() * 100);
    }
}
