package dev.berth.compose.model;

/**
 * One {@code depends_on} entry: {@code condition} is service_started, service_healthy or
 * service_completed_successfully; {@code restart} restarts the dependent when this one restarts.
 */
public record Dependency(String condition, boolean restart, boolean required) {
}
