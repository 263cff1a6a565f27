package dev.berth.compose.model;

/** A ulimit: either a single value (soft = hard) or separate soft and hard limits. */
public record Ulimit(long soft, long hard) {
}
