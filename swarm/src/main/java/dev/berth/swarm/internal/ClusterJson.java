package dev.berth.swarm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
        JsonNode spec = Json.at(s, "Spec");
        JsonNode tokens = Json.at(s, "JoinTokens");
        return new Cluster(Json.str(s, "ID"), Json.at(s, "Version").path("Index").asLong(),
                Json.time(s, "CreatedAt").orElse(Instant.EPOCH), Json.time(s, "UpdatedAt").orElse(Instant.EPOCH),
                Json.map(spec, "Labels"), Json.bool(Json.at(spec, "EncryptionConfig"), "AutoLockManagers"),
                Json.at(spec, "Orchestration").path("TaskHistoryRetentionLimit").asLong(0),
                Json.nanos(Json.at(spec, "CAConfig"), "NodeCertExpiry").orElse(Duration.ZERO),
                s.path("DataPathPort").asInt(4789), Json.list(s, "DefaultAddrPool"), s.path("SubnetSize").asInt(24),
                new JoinTokens(Json.str(tokens, "Worker"), Json.str(tokens, "Manager")));
    }

    /** {@code GET /info} → {@link SwarmInfo}. */
    public static SwarmInfo info(JsonNode info) {
        JsonNode s = Json.at(info, "Swarm");
        List<String> remotes = new ArrayList<>();
        ServiceSpecReader.iterable(s.get("RemoteManagers")).forEach(r -> remotes.add(Json.str(r, "Addr")));
        return new SwarmInfo(SwarmState.parse(Json.text(s, "LocalNodeState").orElse("inactive")),
                Json.text(s, "NodeID"), Json.str(s, "NodeAddr"), Json.bool(s, "ControlAvailable"),
                Json.text(Json.at(s, "Cluster"), "ID"), s.path("Nodes").asInt(0), s.path("Managers").asInt(0), remotes,
                Json.text(s, "Error"));
    }
}
