package dev.berth.compose.model;

/** A secret or config given to a service: the top-level key, where it appears, owner and mode (null when unset). */
public record FileMount(String source, String target, String uid, String gid, Integer mode) {
}
