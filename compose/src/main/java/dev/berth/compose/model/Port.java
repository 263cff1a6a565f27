package dev.berth.compose.model;

/**
 * A published or exposed port in long form. {@code published} is a string because it may be a range ("8000-8010");
 * null when the engine picks the host port.
 */
public record Port(String name, String mode, String hostIp, int target, String published, String protocol, String appProtocol) {
}
