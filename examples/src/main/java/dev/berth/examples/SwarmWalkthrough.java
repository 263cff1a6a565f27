package dev.berth.examples;

import dev.berth.Engine;
import dev.berth.Subscription;
import dev.berth.examples.support.Block;
import dev.berth.examples.support.Console;
import dev.berth.examples.support.DebianImages;
import dev.berth.examples.support.Loopback;
import dev.berth.examples.support.Progress;
import dev.berth.examples.support.Walkthroughs;
import dev.berth.swarm.Convergence;
import dev.berth.swarm.NodeInfo;
import dev.berth.swarm.Service;
import dev.berth.swarm.ServicePort;
import dev.berth.swarm.Swarm;
import dev.berth.swarm.SwarmState;
import dev.berth.swarm.Task;
import dev.berth.swarm.TaskChange;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Walk-through 9, scale and self-heal a swarm service: on an engine not yet in swarm mode it runs
 * {@code docker swarm init}, creates an nginx service whose tasks say which replica they are, scales it to 3 while
 * showing convergence ({@code overall progress: n out of m tasks}), kills one task's container and watches the swarm
 * replace it, then removes the service and leaves the swarm, leaving the engine as it found it. On an engine that
 * already manages a swarm it uses that swarm and does not leave it.
 *
 * <p>Tasks publish their port in host mode (each task gets its own port on the node), which works without the
 * routing mesh's IPVS; every request goes to 127.0.0.1.
 *
 * <pre>mvn -q -B -DskipTests -pl examples -am package exec:java -Dexample=SwarmWalkthrough</pre>
 */
public final class SwarmWalkthrough {
    static final Duration CONVERGE = Duration.ofMinutes(2);

    private SwarmWalkthrough() {
    }

    public static void main(String[] args) throws Exception {
        Walkthroughs.main("Walk-through 9: scale and self-heal a swarm service", SwarmWalkthrough::run);
    }

    /** Runs the walk-through on {@code engine}, printing to {@code out}; removes the service and any swarm it made. */
    public static void run(Engine engine, Console out) throws Exception {
        String nginx = DebianImages.on(engine, out).nginx();
        Swarm swarm = Swarm.on(engine);
        out.section("docker info --format '{{.Swarm.LocalNodeState}}'");
        SwarmState before = swarm.info().state();
        out.println(before.toString().toLowerCase(java.util.Locale.ROOT));
        boolean ours = before == SwarmState.INACTIVE;
        if (ours) {
            out.section("docker swarm init");
            out.println("this engine is now the manager of a single-node swarm, node " + swarm.init());
        } else if (!swarm.info().manager()) {
            throw new IllegalStateException("This engine is in a swarm but is not a manager; run the walk-through on a"
                    + " manager, or on an engine outside any swarm");
        } else {
            out.println("this engine already manages a swarm; the walk-through uses it and will not leave it");
        }
        try {
            out.section("docker node ls");
            for (NodeInfo n : swarm.nodes()) {
                out.printf("  %-26s %-10s %-8s %-7s %s", n.id(), n.hostname(), n.state(), n.availability(),
                        n.leader() ? "Leader" : n.role());
            }
            serve(engine, swarm, out, nginx, "berth-web-" + Walkthroughs.suffix());
        } finally {
            if (ours) {
                out.section("docker swarm leave --force");
                swarm.leave(true);
                out.println("swarm mode: " + swarm.info().state().toString().toLowerCase(java.util.Locale.ROOT));
                SwarmCleanup.removeGatewayBridge(engine);
            }
        }
    }

    private static void serve(Engine engine, Swarm swarm, Console out, String image, String name) throws Exception {
        out.section("docker service create --name " + name + " --replicas 1 --publish mode=host,target=80"
                + " --hostname '{{.Service.Name}}.{{.Task.Slot}}' " + image);
        Service web = swarm.service(image).name(name).replicas(1).hostname("{{.Service.Name}}.{{.Task.Slot}}")
                .publish(ServicePort.target(80).hostMode())
                .command("sh", "-c", "echo \"served by $(hostname)\" > /usr/share/nginx/html/index.html;"
                        + " exec nginx -g 'daemon off;'")
                .create();
        try {
            converge(web, out);
            answers(web, out);

            out.section("docker service scale " + name + "=3");
            web.scale(3);
            converge(web, out);
            answers(web, out);

            heal(engine, web, out);
            answers(web, out);
        } finally {
            out.section("docker service rm " + name);
            web.remove();
            SwarmCleanup.awaitContainersGone(engine, name);
            out.println("removed; its task containers are gone");
        }
    }

    /** Kills the container of the task in slot 2 and waits, on the task events, for the swarm to replace it. */
    private static void heal(Engine engine, Service web, Console out) throws Exception {
        Task victim = running(web).stream().filter(t -> t.slot() == 2).findFirst().orElseThrow();
        String container = victim.containerId().orElseThrow();
        out.section("docker kill " + container.substring(0, 12) + "   (the container of task " + victim.name() + ")");
        CountDownLatch replaced = new CountDownLatch(1);
        try (Subscription watch = web.watch(c -> {
            boolean snapshot = c.isNew() && c.task().id().equals(victim.id()); // the watch first lists what runs
            if (c.task().slot() == victim.slot() && !snapshot) {
                out.println("  observed " + describe(c));
            }
            if (c.task().slot() == victim.slot() && !c.task().id().equals(victim.id()) && c.task().isRunning()) {
                replaced.countDown();
            }
        })) {
            engine.containers().get(container).kill();
            if (!replaced.await(CONVERGE.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("The swarm did not replace task " + victim.name() + " within "
                        + CONVERGE.toSeconds() + " s; see `docker service ps " + web.name() + "`");
            }
        }
        converge(web, out);
        out.section("docker service ps " + web.name());
        web.tasks().stream().sorted(Comparator.comparingInt(Task::slot)).forEach(t -> out.printf("  %-14s %-12s %-9s %s",
                t.name(), t.id().substring(0, 12), t.state().wireName(), t.error().orElse("")));
    }

    private static void converge(Service web, Console out) {
        try (Block b = out.block(web.name())) {
            web.awaitConverged(Convergence.within(CONVERGE).onProgress(Progress.swarm(b)));
            b.close("verify: Service " + web.name() + " converged");
        }
    }

    /** GETs each running task on its own host port. */
    private static void answers(Service web, Console out) {
        for (Task t : running(web)) {
            int port = t.publishedPort(80).orElseThrow();
            out.println("  GET http://127.0.0.1:" + port + "/ -> "
                    + Loopback.awaitOk(port, "/", Duration.ofSeconds(30)).body().strip());
        }
    }

    private static List<Task> running(Service web) {
        return web.tasks().stream().filter(Task::isRunning).sorted(Comparator.comparingInt(Task::slot)).toList();
    }

    private static String describe(TaskChange c) {
        return c.task().name() + " " + c.task().id().substring(0, 12) + " "
                + c.previous().map(p -> p.wireName() + " → ").orElse("new, ") + c.task().state().wireName()
                + c.task().error().map(e -> " (" + e + ")").orElse("");
    }
}
