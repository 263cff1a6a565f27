package dev.berth.examples;

import dev.berth.Engine;
import dev.berth.Subscription;
import dev.berth.swarm.Convergence;
import dev.berth.swarm.Service;
import dev.berth.swarm.ServicePort;
import dev.berth.swarm.Swarm;
import dev.berth.swarm.Task;

import java.time.Duration;

/**
 * The swarm walk-through with Berth: {@code SwarmWalkthrough IMAGE} on an engine that is not in swarm mode yet. It
 * initialises a single-node swarm, serves a page with busybox httpd, scales to 3, kills one task's container and
 * shows the swarm replacing it, then removes everything and leaves swarm mode.
 */
public final class SwarmWalkthrough {
    private SwarmWalkthrough() {
    }

    public static void main(String[] args) throws InterruptedException {
        String image = args.length > 0 ? args[0] : "busybox:1.36";
        try (Engine engine = Engine.fromEnv()) {
            Swarm swarm = Swarm.on(engine);
            System.out.println("swarm: " + swarm.info().state());
            swarm.init();
            try {
                swarm.nodes().forEach(n -> System.out.println("node " + n.id() + " " + n.role() + " " + n.state()));
                Service web = swarm.service(image).name("walkthrough-web").replicas(1)
                        .publish(ServicePort.target(80).hostMode())
                        .command("sh", "-c", "echo hello from $(hostname) > /tmp/index.html; exec httpd -f -p 80 -h /tmp")
                        .create();
                web.scale(3).awaitConverged(Convergence.within(Duration.ofMinutes(1))
                        .onProgress(p -> System.out.println("  " + p)));
                Task victim = web.tasks().stream().filter(Task::isRunning).findFirst().orElseThrow();
                try (Subscription watch = web.watch(c -> System.out.println("  observed " + c))) {
                    engine.containers().get(victim.containerId().orElseThrow()).kill();
                    web.awaitConverged(Duration.ofMinutes(1));
                    Thread.sleep(500);
                }
                web.tasks().stream().filter(Task::isRunning).forEach(t -> System.out.println("running " + t + " on port "
                        + t.publishedPort(80).orElse(-1)));
                web.remove();
            } finally {
                swarm.leave(true);
                System.out.println("swarm: " + swarm.info().state());
            }
        }
    }
}
