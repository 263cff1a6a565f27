package dev.berth.compose;

/**
 * The image a project container runs, as {@code docker compose images} lists it.
 *
 * @param container the container name
 * @param service   the service
 * @param reference the image reference the service names, e.g. {@code redis:7}
 * @param id        the image id ({@code sha256:…})
 * @param sizeBytes the image size
 */
public record ServiceImage(String container, String service, String reference, String id, long sizeBytes) {
}
