package dev.berth.network.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.internal.JsonValues;
import dev.berth.network.EndpointSpec;
import dev.berth.network.IpamPool;
import dev.berth.network.NetworkInfo;
import dev.berth.network.NetworkMember;
import dev.berth.network.NetworkSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Network specs to Engine API bodies and Engine API JSON to network values; pure, so unit tests need no engine. */
public final class NetworkMapping {
    private NetworkMapping() {
    }

    /** The body of {@code POST /networks/create}, as {@code docker network create} sends it; maps sorted by key. */
    public static Map<String, Object> createBody(NetworkSpec spec, Map<String, String> berthLabels) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Name", spec.name());
        body.put("CheckDuplicate", true);
        body.put("Driver", spec.driver());
        body.put("Internal", spec.internal());
        body.put("Attachable", spec.attachable());
        body.put("EnableIPv6", spec.ipv6());
        Map<String, Object> ipam = new LinkedHashMap<>();
        ipam.put("Driver", spec.ipamDriver().orElse("default"));
        List<Map<String, Object>> config = new ArrayList<>();
        for (IpamPool p : spec.ipam()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("Subnet", p.subnet());
            p.ipRange().ifPresent(r -> c.put("IPRange", r));
            p.gateway().ifPresent(g -> c.put("Gateway", g));
            if (!p.auxAddresses().isEmpty()) {
                c.put("AuxiliaryAddresses", new TreeMap<>(p.auxAddresses()));
            }
            config.add(c);
        }
        ipam.put("Config", config);
        ipam.put("Options", new TreeMap<>(spec.ipamOptions()));
        body.put("IPAM", ipam);
        body.put("Options", new TreeMap<>(spec.options()));
        Map<String, String> labels = new TreeMap<>(spec.labels());
        labels.putAll(berthLabels);
        body.put("Labels", labels);
        return body;
    }

    /** The body of {@code POST /networks/{id}/connect}. */
    public static Map<String, Object> connectBody(String containerId, EndpointSpec e) {
        Map<String, Object> endpoint = new LinkedHashMap<>();
        if (!e.aliases().isEmpty()) {
            endpoint.put("Aliases", e.aliases());
        }
        if (e.ipv4Address().isPresent() || e.ipv6Address().isPresent()) {
            Map<String, Object> ipam = new LinkedHashMap<>();
            e.ipv4Address().ifPresent(ip -> ipam.put("IPv4Address", ip));
            e.ipv6Address().ifPresent(ip -> ipam.put("IPv6Address", ip));
            endpoint.put("IPAMConfig", ipam);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Container", containerId);
        body.put("EndpointConfig", endpoint);
        return body;
    }

    /** The body of {@code POST /networks/{id}/disconnect}. */
    public static Map<String, Object> disconnectBody(String containerId, boolean force) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Container", containerId);
        body.put("Force", force);
        return body;
    }

    /** A network from {@code GET /networks/{id}} or one element of {@code GET /networks}. */
    public static NetworkInfo info(JsonNode n) {
        JsonNode ipam = n.path("IPAM");
        List<IpamPool> pools = new ArrayList<>();
        for (JsonNode c : ipam.path("Config")) {
            String subnet = c.path("Subnet").asText("");
            if (subnet.isEmpty()) {
                continue; // e.g. the host and none networks
            }
            pools.add(new IpamPool(subnet, text(c, "IPRange"), text(c, "Gateway"), JsonValues.strings(c.path("AuxiliaryAddresses"))));
        }
        Map<String, NetworkMember> members = new LinkedHashMap<>();
        n.path("Containers").fields().forEachRemaining(e -> {
            JsonNode m = e.getValue();
            members.put(e.getKey(), new NetworkMember(e.getKey(), m.path("Name").asText(""),
                    m.path("EndpointID").asText(""), m.path("MacAddress").asText(""),
                    address(m.path("IPv4Address").asText("")), address(m.path("IPv6Address").asText(""))));
        });
        return new NetworkInfo(n.path("Id").asText(""), n.path("Name").asText(""), n.path("Driver").asText(""),
                n.path("Scope").asText(""), JsonValues.time(n.path("Created").asText("")),
                n.path("Internal").asBoolean(),
                n.path("Attachable").asBoolean(), n.path("Ingress").asBoolean(), n.path("EnableIPv6").asBoolean(),
                ipam.path("Driver").asText(""), pools, JsonValues.strings(n.path("Options")),
                JsonValues.strings(n.path("Labels")), members);
    }

    /** An address without its prefix length ({@code 172.18.0.2/16} → {@code 172.18.0.2}). */
    static String address(String cidr) {
        int slash = cidr.indexOf('/');
        return slash < 0 ? cidr : cidr.substring(0, slash);
    }

    private static Optional<String> text(JsonNode n, String field) {
        String v = n.path(field).asText("");
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }
}
