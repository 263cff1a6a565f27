package dev.berth.network;

import dev.berth.Engine;
import dev.berth.Labels;
import dev.berth.testing.EngineExtension;
import dev.berth.testing.Names;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code docker network create} flags through Berth and through the docker CLI give the same network, and flag
 * combinations the CLI refuses Berth refuses with the same reason (the CLI checks them before calling the engine).
 */
@ExtendWith(EngineExtension.class)
class NetworkCliConformanceIT {

    private static String docker(Map<String, String> env, List<String> args) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(args);
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().putAll(env);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("docker " + args + " did not finish in 60 s");
            }
            return p.exitValue() + ":" + out.trim();
        } catch (IOException e) {
            throw new AssertionError("cannot run the docker CLI: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** What a network looks like, minus what differs by nature between two networks: id, name, time, Berth labels. */
    private static Map<String, Object> shape(NetworkInfo n) {
        Map<String, String> labels = new LinkedHashMap<>(n.labels());
        labels.keySet().removeIf(k -> k.startsWith("dev.berth."));
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("driver", n.driver());
        s.put("scope", n.scope());
        s.put("internal", n.internal());
        s.put("attachable", n.attachable());
        s.put("ipv6", n.ipv6());
        s.put("ipamDriver", n.ipamDriver());
        s.put("ipam", n.ipam());
        s.put("options", n.options());
        s.put("labels", labels);
        return s;
    }

    /**
     * Creates one network with the CLI and one with Berth and compares them. Two bridges cannot share a subnet, so
     * Berth's network uses the CLI's subnets shifted by {@code shift}; the comparison shifts them back.
     */
    private static void sameAsCli(Engine engine, List<String> flags, UnaryOperator<NetworkSpec.Builder> berth,
                                  Map<String, String> shift) {
        String cliName = Names.unique("berth-cli");
        List<String> args = new ArrayList<>(List.of("network", "create", "--label", Labels.MANAGED + "=true",
                "--label", Labels.SESSION + "=" + engine.sessionId()));
        args.addAll(flags);
        args.add(cliName);
        String created = docker(Map.of(), args);
        assertThat(created).as("docker %s", args).startsWith("0:");
        try (Network cli = engine.networks().get(cliName);
             Network ours = berth.apply(engine.network(Names.unique("berth-own"))).create()) {
            String expected = shape(cli.inspect()).toString();
            String actual = shape(ours.inspect()).toString();
            for (Map.Entry<String, String> e : shift.entrySet()) {
                actual = actual.replace(e.getValue(), e.getKey());
            }
            assertThat(actual).as("Berth vs docker %s", flags).isEqualTo(expected);
        }
    }

    @Test
    void ipamInternalLabelsAndOptions_sameNetworkAsTheCli(Engine engine) {
        sameAsCli(engine, List.of("--subnet", "10.232.21.0/24", "--ip-range", "10.232.21.64/26", "--gateway",
                        "10.232.21.1", "--aux-address", "router=10.232.21.2", "--internal", "--label", "team=a",
                        "-o", "com.docker.network.bridge.enable_icc=false"),
                b -> b.subnet("10.232.22.0/24").ipRange("10.232.22.64/26").gateway("10.232.22.1")
                        .auxAddress("router", "10.232.22.2").internal().label("team", "a")
                        .option("com.docker.network.bridge.enable_icc", "false"),
                Map.of("10.232.21.", "10.232.22."));
    }

    @Test
    void dualStackAttachable_sameNetworkAsTheCli(Engine engine) {
        sameAsCli(engine, List.of("--ipv6", "--subnet", "fd32:23::/64", "--gateway", "fd32:23::1", "--subnet",
                        "10.232.23.0/24", "--attachable"),
                b -> b.ipv6().subnet("fd32:24::/64").gateway("fd32:24::1").subnet("10.232.24.0/24").attachable(),
                Map.of("fd32:23:", "fd32:24:", "10.232.23.", "10.232.24."));
    }

    @Test
    void defaults_sameNetworkAsTheCli(Engine engine) {
        // No flags: the engine picks a free subnet for each, so compare without the pools.
        String cliName = Names.unique("berth-cli");
        assertThat(docker(Map.of(), List.of("network", "create", "--label", Labels.SESSION + "=" + engine.sessionId(),
                cliName))).startsWith("0:");
        try (Network cli = engine.networks().get(cliName); Network ours = engine.network(Names.unique("berth-own")).create()) {
            Map<String, Object> a = shape(cli.inspect());
            Map<String, Object> b = shape(ours.inspect());
            a.remove("ipam");
            b.remove("ipam");
            assertThat(b).isEqualTo(a);
            assertThat(ours.inspect().ipam()).hasSize(1);
        }
    }

    @Test
    void flagCombinationsTheCliRefuses_BerthRefusesWithTheSameReason() {
        // With DOCKER_HOST on a socket nobody serves, the CLI answers only from its own checks (consolidateIpam);
        // anything valid would end in "Cannot connect".
        Map<String, String> nowhere = Map.of("DOCKER_HOST", "unix:///nonexistent/berth-no-engine.sock");
        List<List<String>> cases = List.of(
                List.of("--gateway", "10.1.0.1"),
                List.of("--subnet", "10.1.0.0/24", "--gateway", "10.2.0.1"),
                List.of("--subnet", "10.1.0.0/24", "--ip-range", "10.2.0.0/25"),
                List.of("--subnet", "10.1.0.0/24", "--aux-address", "a=10.9.0.1"),
                List.of("--subnet", "10.1.0.0/24", "--subnet", "10.1.0.0/16"),
                List.of("--subnet", "10.1.0.0/24", "--subnet", "10.2.0.0/24", "--ip-range", "10.1.0.0/25",
                        "--ip-range", "10.1.0.128/25"),
                List.of("--subnet", "10.1.0.0/24", "--subnet", "10.2.0.0/24", "--gateway", "10.1.0.1",
                        "--gateway", "10.1.0.2"));
        for (List<String> flags : cases) {
            List<String> args = new ArrayList<>(List.of("network", "create"));
            args.addAll(flags);
            args.add("x");
            String cli = docker(nowhere, args);
            assertThat(cli).as("docker %s", flags).startsWith("1:").doesNotContain("Cannot connect");
            String reason = cli.substring(2);
            NetworkSpec.Builder b = NetworkSpec.builder("x");
            for (int i = 0; i < flags.size(); i += 2) {
                String v = flags.get(i + 1);
                switch (flags.get(i)) {
                    case "--subnet" -> b.subnet(v);
                    case "--gateway" -> b.gateway(v);
                    case "--ip-range" -> b.ipRange(v);
                    case "--aux-address" -> b.auxAddress(v.substring(0, v.indexOf('=')), v.substring(v.indexOf('=') + 1));
                    default -> throw new AssertionError(flags.get(i));
                }
            }
            assertThatThrownBy(b::build).as("Berth for %s", flags).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(reason);
        }
    }
}
