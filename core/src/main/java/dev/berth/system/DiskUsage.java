package dev.berth.system;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code docker system df -v} reports: space used by images, containers, volumes and build cache.
 *
 * @param layersSize bytes used by all image layers together
 * @param images     images
 * @param containers containers, running or not
 * @param volumes    volumes
 * @param buildCache build cache records (empty on engines whose builder keeps none)
 */
public record DiskUsage(long layersSize, List<ImageUsage> images, List<ContainerUsage> containers,
                        List<VolumeUsage> volumes, List<BuildCacheUsage> buildCache) {
    public DiskUsage {
        images = List.copyOf(images);
        containers = List.copyOf(containers);
        volumes = List.copyOf(volumes);
        buildCache = List.copyOf(buildCache);
    }

    /**
     * One image.
     *
     * @param id         the image id
     * @param tags       its tags
     * @param size       its size with its parents', in bytes
     * @param sharedSize bytes shared with other images, -1 if unknown
     * @param containers how many containers use it
     * @param created    when it was created
     * @param labels     its labels
     */
    public record ImageUsage(String id, List<String> tags, long size, long sharedSize, int containers,
                             Optional<Instant> created, Map<String, String> labels) {
        public ImageUsage {
            tags = List.copyOf(tags);
            labels = Map.copyOf(labels);
        }
    }

    /**
     * One container.
     *
     * @param id         the container id
     * @param names      its names, without the leading slash
     * @param image      the image it was created from
     * @param state      e.g. {@code running}, {@code exited}
     * @param sizeRw     bytes written in its own layer
     * @param sizeRootFs bytes of its whole file system
     */
    public record ContainerUsage(String id, List<String> names, String image, String state, long sizeRw,
                                 long sizeRootFs) {
        public ContainerUsage {
            names = List.copyOf(names);
        }

        /** Whether the container counts as active: running, paused or restarting, as in {@code docker system df}. */
        public boolean isActive() {
            return state.contains("running") || state.contains("paused") || state.contains("restarting");
        }
    }

    /**
     * One volume.
     *
     * @param name     the volume name
     * @param driver   its driver
     * @param size     bytes of data, -1 if the driver cannot tell
     * @param refCount how many containers use it, -1 if unknown
     * @param labels   its labels
     */
    public record VolumeUsage(String name, String driver, long size, int refCount, Map<String, String> labels) {
        public VolumeUsage {
            labels = Map.copyOf(labels);
        }
    }

    /**
     * One build cache record.
     *
     * @param id          the record id
     * @param type        e.g. {@code regular}, {@code source.local}
     * @param description what produced it
     * @param size        bytes
     * @param inUse       whether a build uses it now
     * @param shared      whether it is shared with other records
     * @param lastUsed    when it was last used
     * @param usageCount  how often it was used
     */
    public record BuildCacheUsage(String id, String type, String description, long size, boolean inUse,
                                  boolean shared, Optional<Instant> lastUsed, int usageCount) {
    }

    /**
     * One row of {@code docker system df}.
     *
     * @param type        {@code Images}, {@code Containers}, {@code Local Volumes} or {@code Build Cache}
     * @param total       how many there are
     * @param active      how many are in use
     * @param size        bytes used
     * @param reclaimable bytes a prune could free
     */
    public record Summary(String type, int total, int active, long size, long reclaimable) {
    }

    /** The four rows {@code docker system df} prints, computed as the docker CLI computes them. */
    public List<Summary> summary() {
        int activeImages = 0;
        long usedByImages = 0;
        for (ImageUsage i : images) {
            if (i.containers() > 0) {
                activeImages++;
                if (i.size() != -1 && i.sharedSize() != -1) {
                    usedByImages += i.size() - i.sharedSize();
                }
            }
        }
        long containerSize = 0;
        long containerReclaimable = 0;
        for (ContainerUsage c : containers) {
            containerSize += c.sizeRw();
            containerReclaimable += c.isActive() ? 0 : c.sizeRw();
        }
        long volumeSize = 0;
        long volumeReclaimable = 0;
        for (VolumeUsage v : volumes) {
            if (v.size() != -1) {
                volumeSize += v.size();
                volumeReclaimable += v.refCount() == 0 ? v.size() : 0;
            }
        }
        long cacheSize = 0;
        long cacheInUse = 0;
        for (BuildCacheUsage b : buildCache) {
            cacheSize += b.shared() ? 0 : b.size();
            cacheInUse += b.inUse() && !b.shared() ? b.size() : 0;
        }
        return List.of(
                new Summary("Images", images.size(), activeImages, layersSize, layersSize - usedByImages),
                new Summary("Containers", containers.size(),
                        (int) containers.stream().filter(ContainerUsage::isActive).count(), containerSize,
                        containerReclaimable),
                new Summary("Local Volumes", volumes.size(),
                        (int) volumes.stream().filter(v -> v.refCount() > 0).count(), volumeSize, volumeReclaimable),
                new Summary("Build Cache", buildCache.size(),
                        (int) buildCache.stream().filter(BuildCacheUsage::inUse).count(), cacheSize,
                        cacheSize - cacheInUse));
    }
}
