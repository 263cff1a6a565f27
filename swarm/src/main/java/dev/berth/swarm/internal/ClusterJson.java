package dev.berth.swarm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.internal.Json;
import dev.berth.internal.JsonValues;
import dev.berth.swarm.Cluster;
import dev.berth.swarm.ClusterUpdate;
import dev.berth.swarm.JoinTokens;
import dev.berth.swarm.SwarmInfo;
import dev.berth.swarm.SwarmInit;
import dev.berth.swarm.SwarmJoin;
import dev.berth.swarm.SwarmState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Swarm-level requests and replies: init, join, inspect, update, info. */
public final class ClusterJson {
    /** The docker CLI's default listen address, which the engine requires. */
    static final String DEFAULT_LISTEN = "0.0.0.0:2377";

    private ClusterJson() {
    }

    /** The body of {@code POST /swarm/init}. */
    public static ObjectNode init(SwarmInit o) {
        ObjectNode b = Json.object().put("ListenAddr", o.listenAddr().orElse(DEFAULT_LISTEN));
        o.advertiseAddr().ifPresent(a -> b.put("AdvertiseAddr", a));
        o.dataPathAddr().ifPresent(a -> b.put("DataPathAddr", a));
        o.dataPathPort().ifPresent(p -> b.put("DataPathPort", p));
        if (!o.defaultAddrPool().isEmpty()) {
            b.set("DefaultAddrPool", Json.strings(o.defaultAddrPool()));
        }
        o.subnetSize().ifPresent(n -> b.put("SubnetSize", n));
        b.put("ForceNewCluster", o.forceNewCluster());
        ObjectNode spec = b.putObject("Spec");
        if (o.autolock()) {
            spec.putObject("EncryptionConfig").put("AutoLockManagers", true);
        }
        o.taskHistoryLimit().ifPresent(n -> spec.putObject("Orchestration").put("TaskHistoryRetentionLimit", n));
        return b;
    }

    /** The body of {@code POST /swarm/join}. */
    public static ObjectNode join(SwarmJoin o) {
        ObjectNode b = Json.object().put("ListenAddr", o.listenAddr().orElse(DEFAULT_LISTEN));
        o.advertiseAddr().ifPresent(a -> b.put("AdvertiseAddr", a));
        o.dataPathAddr().ifPresent(a -> b.put("DataPathAddr", a));
        b.set("RemoteAddrs", Json.strings(o.remoteAddrs()));
        b.put("JoinToken", o.token());
        o.availability().ifPresent(a -> b.put("Availability", a.wireName()));
        return b;
    }

    /** The query of {@code POST /swarm/update}. */
    public static String updateQuery(long version, ClusterUpdate u) {
        return "?version=" + version + "&rotateWorkerToken=" + u.workerTokenRotation() + "&rotateManagerToken="
                + u.managerTokenRotation() + "&rotateManagerUnlockKey=" + u.unlockKeyRotation();
    }

    /** The current spec with the update's settings applied. */
    public static ObjectNode updatedSpec(JsonNode current, ClusterUpdate u) {
        ObjectNode spec = current.get("Spec") instanceof ObjectNode o ? o.deepCopy() : Json.object();
        u.autolock().ifPresent(on -> object(spec, "EncryptionConfig").put("AutoLockManagers", on));
        u.taskHistoryLimit().ifPresent(n -> object(spec, "Orchestration").put("TaskHistoryRetentionLimit", n));
        return spec;
    }

    private static ObjectNode object(ObjectNode parent, String field) {
        return parent.get(field) instanceof ObjectNode o ? o : parent.putObject(field);
    }

    /** {@code GET /swarm} → {@link Cluster}. */
    public static Cluster cluster(JsonNode s) {
        JsonNode spec = JsonValues.at(s, "Spec");
        JsonNode tokens = JsonValues.at(s, "JoinTokens");
        return new Cluster(JsonValues.str(s, "ID"), JsonValues.at(s, "Version").path("Index").asLong(),
                JsonValues.time(s, "CreatedAt").orElse(Instant.EPOCH), JsonValues.time(s, "UpdatedAt").orElse(Instant.EPOCH),
                JsonValues.map(spec, "Labels"), JsonValues.bool(JsonValues.at(spec, "EncryptionConfig"), "AutoLockManagers"),
                JsonValues.at(spec, "Orchestration").path("TaskHistoryRetentionLimit").asLong(0),
                JsonValues.nanos(JsonValues.at(spec, "CAConfig"), "NodeCertExpiry").orElse(Duration.ZERO),
                s.path("DataPathPort").asInt(4789), JsonValues.list(s, "DefaultAddrPool"), s.path("SubnetSize").asInt(24),
                new JoinTokens(JsonValues.str(tokens, "Worker"), JsonValues.str(tokens, "Manager")));
    }

    /** {@code GET /info} → {@link SwarmInfo}. */
    public static SwarmInfo info(JsonNode info) {
        JsonNode s = JsonValues.at(info, "Swarm");
        List<String> remotes = new ArrayList<>();
        ServiceSpecReader.iterable(s.get("RemoteManagers")).forEach(r -> remotes.add(JsonValues.str(r, "Addr")));
        return new SwarmInfo(SwarmState.parse(JsonValues.text(s, "LocalNodeState").orElse("inactive")),
                JsonValues.text(s, "NodeID"), JsonValues.str(s, "NodeAddr"), JsonValues.bool(s, "ControlAvailable"),
                JsonValues.text(JsonValues.at(s, "Cluster"), "ID"), s.path("Nodes").asInt(0), s.path("Managers").asInt(0), remotes,
                JsonValues.text(s, "Error"));
    }
}
