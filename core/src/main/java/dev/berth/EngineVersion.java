package dev.berth;

/**
 * The engine's version as {@code docker version} reports it, and the API version this connection uses.
 *
 * @param version          the engine release, e.g. {@code 20.10.24}
 * @param apiVersion       the newest API version the engine speaks
 * @param minApiVersion    the oldest API version the engine accepts
 * @param negotiatedApiVersion the API version Berth uses on this connection
 * @param os               operating system, e.g. {@code linux}
 * @param arch             architecture, e.g. {@code amd64}
 */
public record EngineVersion(String version, String apiVersion, String minApiVersion, String negotiatedApiVersion,
                            String os, String arch) {
}
