package dev.berth.compose.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The field order, JSON names and Go types of compose-go v2.4.8's model structs, so that a loaded tree renders the way
 * {@code docker compose config} marshals its structs. One line per struct: {@code Name: field:kind ...}.
 * Kinds: str, bool, boolp, int, intp, f32, f64, dur, durp, bytes, strlist, numlist, mapping, mwe, labels, options,
 * cmd, hosts, ulimits, envfiles, hctest, devcount, nanocpus, ssh, raw, S:Struct, P:Struct, L:Struct, M:Struct.
 */
final class GoShapes {
    private static final String DEFINITIONS = """
            Service: profiles:strlist annotations:mapping attach:boolp build:P:Build develop:P:Develop blkio_config:P:Blkio \
            cap_add:strlist cap_drop:strlist cgroup_parent:str cgroup:str cpu_count:int cpu_percent:f32 cpu_period:int \
            cpu_quota:int cpu_rt_period:int cpu_rt_runtime:int cpus:f32 cpuset:str cpu_shares:int command:cmd \
            configs:L:FileRef container_name:str credential_spec:P:CredentialSpec depends_on:M:Dependency deploy:P:Deploy \
            device_cgroup_rules:strlist devices:L:DeviceMapping dns:strlist dns_opt:strlist dns_search:strlist \
            dockerfile:str domainname:str entrypoint:cmd environment:mwe env_file:envfiles expose:numlist extends:P:Extends \
            external_links:strlist extra_hosts:hosts group_add:strlist gpus:L:DeviceRequest hostname:str \
            healthcheck:P:Healthcheck image:str init:boolp ipc:str isolation:str labels:labels label_file:strlist \
            links:strlist logging:P:Logging log_driver:str log_opt:options mem_limit:bytes mem_reservation:bytes \
            memswap_limit:bytes mem_swappiness:bytes mac_address:str net:str network_mode:str networks:M:ServiceNetwork \
            oom_kill_disable:bool oom_score_adj:int pid:str pids_limit:int platform:str ports:L:Port privileged:bool \
            pull_policy:str read_only:bool restart:str runtime:str scale:intp secrets:L:FileRef security_opt:strlist \
            shm_size:bytes stdin_open:bool stop_grace_period:durp stop_signal:str storage_opt:options sysctls:mapping \
            tmpfs:strlist tty:bool ulimits:ulimits user:str userns_mode:str uts:str volume_driver:str volumes:L:Volume \
            volumes_from:strlist working_dir:str post_start:L:Hook pre_stop:L:Hook
            Build: context:str dockerfile:str dockerfile_inline:str entitlements:strlist args:mwe ssh:ssh labels:labels \
            cache_from:strlist cache_to:strlist no_cache:bool additional_contexts:mapping pull:bool extra_hosts:hosts \
            isolation:str network:str target:str secrets:L:FileRef shm_size:bytes tags:strlist ulimits:ulimits \
            platforms:strlist privileged:bool
            Blkio: weight:int weight_device:L:WeightDevice device_read_bps:L:Throttle device_read_iops:L:Throttle \
            device_write_bps:L:Throttle device_write_iops:L:Throttle
            WeightDevice: Path=path:str! Weight=weight:int!
            Throttle: Path=path:str! Rate=rate:bytes!
            DeviceMapping: source:str target:str permissions:str
            Logging: driver:str options:options
            Deploy: mode:str replicas:intp labels:labels update_config:P:Update rollback_config:P:Update resources:S:Resources \
            restart_policy:P:RestartPolicy placement:S:Placement endpoint_mode:str
            Update: parallelism:intp delay:dur failure_action:str monitor:dur max_failure_ratio:f32 order:str
            Resources: limits:P:Resource reservations:P:Resource
            Resource: cpus:nanocpus memory:bytes pids:int devices:L:DeviceRequest generic_resources:L:GenericResource
            GenericResource: discrete_resource_spec:P:Discrete
            Discrete: kind:str! value:int!
            RestartPolicy: condition:str delay:durp max_attempts:intp window:durp
            Placement: constraints:strlist preferences:L:Preference max_replicas_per_node:int
            Preference: spread:str
            DeviceRequest: capabilities:strlist driver:str count:devcount device_ids:strlist options:mapping
            ServiceNetwork: priority:int gw_priority:int aliases:strlist ipv4_address:str ipv6_address:str \
            link_local_ips:strlist mac_address:str driver_opts:options
            Port: name:str mode:str host_ip:str target:int published:str protocol:str app_protocol:str
            Volume: type:str source:str target:str read_only:bool consistency:str bind:P:Bind volume:P:VolumeOpts tmpfs:P:Tmpfs
            Bind: selinux:str propagation:str create_host_path:bool recursive:str
            VolumeOpts: nocopy:bool subpath:str
            Tmpfs: size:bytes mode:int
            FileRef: source:str target:str uid:str gid:str mode:intp
            Healthcheck: test:hctest timeout:durp interval:durp retries:intp start_period:durp start_interval:durp disable:bool
            CredentialSpec: config:str file:str registry:str
            Dependency: condition:str restart:bool required:bool!
            Extends: file:str service:str
            Develop: watch:L:Trigger
            Trigger: path:str! action:str! target:str exec:S:Hook ignore:strlist
            Hook: command:cmd user:str privileged:bool working_dir:str environment:mwe
            Network: name:str driver:str driver_opts:options ipam:S:Ipam external:bool internal:bool attachable:bool \
            labels:labels enable_ipv4:boolp enable_ipv6:boolp
            Ipam: driver:str config:L:IpamPool
            IpamPool: subnet:str gateway:str ip_range:str aux_addresses:mapping
            VolumeDef: name:str driver:str driver_opts:options external:bool labels:labels
            FileObject: name:str file:str environment:str content:str external:bool labels:labels driver:str \
            driver_opts:options template_driver:str
            """;

    /** One field of a Go struct: the JSON key, the key in the tree (yaml tag) and its kind. */
    record Field(String json, String yaml, String kind, String struct, boolean always) {
    }

    private static final Map<String, Map<String, Field>> SHAPES = parse();

    private GoShapes() {
    }

    /** The yaml keys of all fields of all shapes, for {@link Keys}. */
    static java.util.Set<String> fieldNames() {
        java.util.Set<String> out = new java.util.HashSet<>();
        SHAPES.values().forEach(fields -> out.addAll(fields.keySet()));
        return out;
    }

    static Map<String, Field> shape(String name) {
        Map<String, Field> s = SHAPES.get(name);
        if (s == null) {
            throw new IllegalStateException("no Go shape " + name);
        }
        return s;
    }

    private static Map<String, Map<String, Field>> parse() {
        Map<String, Map<String, Field>> out = new HashMap<>();
        for (String line : DEFINITIONS.split("\n")) {
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            String name = line.substring(0, colon);
            Map<String, Field> fields = new LinkedHashMap<>();
            for (String f : line.substring(colon + 1).trim().split("\\s+")) {
                boolean always = f.endsWith("!");
                if (always) {
                    f = f.substring(0, f.length() - 1);
                }
                int c = f.indexOf(':');
                String keys = f.substring(0, c);
                String kind = f.substring(c + 1);
                String struct = null;
                if (kind.length() > 2 && kind.charAt(1) == ':') {
                    struct = kind.substring(2);
                    kind = kind.substring(0, 1);
                }
                String json = keys;
                String yaml = keys;
                int eq = keys.indexOf('=');
                if (eq >= 0) {
                    json = keys.substring(0, eq);
                    yaml = keys.substring(eq + 1);
                }
                fields.put(yaml, new Field(json, yaml, kind, struct, always));
            }
            out.put(name, fields);
        }
        return out;
    }
}
