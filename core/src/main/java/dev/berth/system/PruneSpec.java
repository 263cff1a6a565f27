package dev.berth.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code docker system prune} removes, as an immutable value: which kinds of unused resources, narrowed by label
 * and age filters that apply to every kind.
 *
 * <pre>{@code
 * PruneReport r = engine.system().prune(PruneSpec.builder()
 *         .containers().networks().volumes().images()
 *         .label("ci.run", runId).labelNot("keep")
 *         .build());
 * }</pre>
 */
public final class PruneSpec {
    private final boolean containers;
    private final boolean networks;
    private final boolean volumes;
    private final Images images;
    private final boolean buildCache;
    private final List<String> labels;
    private final List<String> labelsNot;
    private final Optional<Duration> until;

    private PruneSpec(boolean containers, boolean networks, boolean volumes, Images images, boolean buildCache,
                      List<String> labels, List<String> labelsNot, Optional<Duration> until) {
        Objects.requireNonNull(images, "images");
        labels = List.copyOf(labels);
        labelsNot = List.copyOf(labelsNot);
        Objects.requireNonNull(until, "until");
        if (!containers && !networks && !volumes && images == Images.NONE && !buildCache) {
            throw new IllegalArgumentException("Nothing to prune; select containers(), networks(), volumes(),"
                    + " images(), allImages() or buildCache(), or start from PruneSpec.system()");
        }
        if (buildCache && !(labels.isEmpty() && labelsNot.isEmpty())) {
            throw new IllegalArgumentException("Build cache records carry no labels, so the engine ignores label"
                    + " filters there and would prune all build cache; prune build cache in a spec without label"
                    + " filters, or drop buildCache() from this one");
        }
        if (volumes && until.isPresent()) {
            throw new IllegalArgumentException("The engine cannot filter volumes by age (until); prune volumes in a"
                    + " spec without until(…)");
        }
        until.ifPresent(d -> {
            if (d.isNegative()) {
                throw new IllegalArgumentException("until must not be negative, was " + d);
            }
        });
        this.containers = containers;
        this.networks = networks;
        this.volumes = volumes;
        this.images = images;
        this.buildCache = buildCache;
        this.labels = labels;
        this.labelsNot = labelsNot;
        this.until = until;
    }

    /** Stopped containers. */
    public boolean containers() {
        return containers;
    }

    /** Networks no container uses (never the built-in ones). */
    public boolean networks() {
        return networks;
    }

    /** Volumes no container uses, named and anonymous. */
    public boolean volumes() {
        return volumes;
    }

    /** Which unused images: none, dangling only, or all unused ({@code --all}). */
    public Images images() {
        return images;
    }

    /** Build cache. */
    public boolean buildCache() {
        return buildCache;
    }

    /** {@code label=} filters: only resources carrying each ({@code KEY} or {@code KEY=VALUE}). */
    public List<String> labels() {
        return labels;
    }

    /** {@code label!=} filters: only resources carrying none of these. */
    public List<String> labelsNot() {
        return labelsNot;
    }

    /** Only resources created more than this long ago. */
    public Optional<Duration> until() {
        return until;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof PruneSpec other && values().equals(other.values());
    }

    @Override
    public int hashCode() {
        return values().hashCode();
    }

    @Override
    public String toString() {
        return "PruneSpec[containers=" + containers + ", networks=" + networks + ", volumes=" + volumes
                + ", images=" + images + ", buildCache=" + buildCache + ", labels=" + labels
                + ", labelsNot=" + labelsNot + ", until=" + until + "]";
    }

    private List<Object> values() {
        return Arrays.asList(containers, networks, volumes, images, buildCache, labels, labelsNot, until);
    }

    /** Which images a prune removes. */
    public enum Images {
        /** No images. */
        NONE,
        /** Untagged images no container uses ({@code docker image prune}). */
        DANGLING,
        /** Every image no container uses ({@code docker image prune --all}). */
        ALL
    }

    /** A builder that selects nothing yet. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder with {@code docker system prune}'s defaults: stopped containers, unused networks, dangling images and
     * build cache. Add {@link Builder#volumes()} or {@link Builder#allImages()} as its flags do.
     */
    public static Builder system() {
        return new Builder().containers().networks().images().buildCache();
    }

    /** A builder holding this spec's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.containers = containers;
        b.networks = networks;
        b.volumes = volumes;
        b.images = images;
        b.buildCache = buildCache;
        b.labels.addAll(labels);
        b.labelsNot.addAll(labelsNot);
        b.until = until.orElse(null);
        return b;
    }

    /** Collects a {@link PruneSpec}. Not thread-safe; the spec is. */
    public static final class Builder {
        private boolean containers;
        private boolean networks;
        private boolean volumes;
        private Images images = Images.NONE;
        private boolean buildCache;
        private final List<String> labels = new ArrayList<>();
        private final List<String> labelsNot = new ArrayList<>();
        private Duration until;

        private Builder() {
        }

        /** Removes stopped containers. */
        public Builder containers() {
            containers = true;
            return this;
        }

        /** Removes networks no container uses. */
        public Builder networks() {
            networks = true;
            return this;
        }

        /** Removes volumes no container uses, and their data ({@code --volumes}). */
        public Builder volumes() {
            volumes = true;
            return this;
        }

        /** Removes dangling images: untagged and unused. */
        public Builder images() {
            images = Images.DANGLING;
            return this;
        }

        /** Removes every image no container uses, tagged or not ({@code --all}). */
        public Builder allImages() {
            images = Images.ALL;
            return this;
        }

        /** Removes build cache; cannot be combined with label filters. */
        public Builder buildCache() {
            buildCache = true;
            return this;
        }

        /** Only resources with this label key ({@code --filter label=KEY}). */
        public Builder label(String key) {
            labels.add(checkKey(key));
            return this;
        }

        /** Only resources with this label value ({@code --filter label=KEY=VALUE}). */
        public Builder label(String key, String value) {
            labels.add(checkKey(key) + "=" + Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Only resources without this label key ({@code --filter label!=KEY}). */
        public Builder labelNot(String key) {
            labelsNot.add(checkKey(key));
            return this;
        }

        /** Only resources without this label value ({@code --filter label!=KEY=VALUE}). */
        public Builder labelNot(String key, String value) {
            labelsNot.add(checkKey(key) + "=" + Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Only resources created more than {@code age} ago ({@code --filter until=AGE}). */
        public Builder until(Duration age) {
            this.until = Objects.requireNonNull(age, "age");
            return this;
        }

        /** The immutable spec; does no I/O. */
        public PruneSpec build() {
            return new PruneSpec(containers, networks, volumes, images, buildCache, labels, labelsNot,
                    Optional.ofNullable(until));
        }

        private static String checkKey(String key) {
            Objects.requireNonNull(key, "key");
            if (key.isBlank() || key.contains("=")) {
                throw new IllegalArgumentException("Invalid label key '" + key + "'");
            }
            return key;
        }
    }
}
