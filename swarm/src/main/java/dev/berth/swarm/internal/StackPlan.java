package dev.berth.swarm.internal;

import dev.berth.swarm.ServiceSpec;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What {@code docker stack deploy} would create for a compose project, computed without I/O on the engine.
 *
 * @param name             the stack (namespace) name
 * @param networks         networks to create if missing, by engine name
 * @param externalNetworks external networks that must already exist with swarm scope
 * @param secrets          secrets to create or update
 * @param configs          configs to create or update
 * @param services         service specs by short (compose) name
 * @param warnings         what was ignored, in the docker CLI's words
 */
public record StackPlan(String name, Map<String, NetworkPlan> networks, List<String> externalNetworks,
                        List<ObjectPlan> secrets, List<ObjectPlan> configs, Map<String, ServiceSpec> services,
                        List<String> warnings) {

    /** An overlay (or other driver) network of the stack. */
    public record NetworkPlan(String name, String driver, Map<String, String> options, boolean internal,
                              boolean attachable, Map<String, String> labels, String ipamDriver,
                              List<String> subnets) {
    }

    /**
     * A secret or config of the stack; {@code data} is never printed.
     *
     * @param external whether it must already exist (then nothing is created)
     */
    public record ObjectPlan(String key, String name, byte[] data, Map<String, String> labels, boolean external) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ObjectPlan p && p.key.equals(key) && p.name.equals(name) && Arrays.equals(p.data, data)
                    && p.labels.equals(labels) && p.external == external;
        }

        @Override
        public int hashCode() {
            return name.hashCode();
        }

        @Override
        public String toString() {
            return "ObjectPlan[" + name + (external ? ", external" : ", " + data.length + " bytes") + "]";
        }
    }
}
