package dev.berth.compose.model;

/**
 * A service volume in long form: {@code type} is bind, volume, tmpfs, npipe, cluster or image; {@code source} is an
 * absolute host path for binds, a volume key for named volumes, null for anonymous volumes.
 */
public record Mount(String type, String source, String target, boolean readOnly, String consistency,
                    String bindPropagation, String bindSelinux, boolean bindCreateHostPath,
                    boolean volumeNocopy, String volumeSubpath, Long tmpfsSize, Integer tmpfsMode) {
}
