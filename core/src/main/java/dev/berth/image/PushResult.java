package dev.berth.image;

/**
 * What a push reports at its end.
 *
 * @param reference the reference pushed, e.g. {@code 127.0.0.1:5000/app:1}
 * @param digest    the manifest digest in the registry ({@code sha256:…}); pull {@code repository@digest} to get
 *                  exactly this image
 * @param size      the manifest's size in bytes
 */
public record PushResult(String reference, String digest, long size) {
}
