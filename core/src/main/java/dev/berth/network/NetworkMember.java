package dev.berth.network;

/**
 * A container's endpoint on a network, as {@code docker network inspect} lists it.
 *
 * @param containerId the container's full id
 * @param name        the container's name
 * @param endpointId  the endpoint id
 * @param macAddress  the MAC address, empty if none
 * @param ipv4Address the IPv4 address without prefix length, empty if none
 * @param ipv6Address the IPv6 address without prefix length, empty if none
 */
public record NetworkMember(String containerId, String name, String endpointId, String macAddress,
                            String ipv4Address, String ipv6Address) {
}
