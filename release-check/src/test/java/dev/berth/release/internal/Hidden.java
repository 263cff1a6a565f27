package dev.berth.release.internal;

/** Stands for any type of an {@code internal} package in {@code PublicApiBoundaryTest}'s self-check. */
public final class Hidden {
}
