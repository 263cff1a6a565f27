package dev.berth;

import dev.berth.container.ContainerQuery;
import dev.berth.container.ContainerSpec;
import dev.berth.events.EventQuery;
import dev.berth.image.BuildSpec;
import dev.berth.image.Image;
import dev.berth.image.ImageQuery;
import dev.berth.network.NetworkQuery;
import dev.berth.network.NetworkSpec;
import dev.berth.system.EngineSystem;
import dev.berth.volume.VolumeQuery;
import dev.berth.volume.VolumeSpec;

/**
 * Static shortcuts onto a default {@link Engine}, created from the environment on first use.
 *
 * <pre>{@code
 * Container web = Docker.container("nginx:1.25").name("web").publish(8080, 80).detached().run();
 * }</pre>
 * Code that needs several engines, explicit configuration or deterministic shutdown uses {@link Engine} directly.
 */
public final class Docker {
    private static final Object LOCK = new Object();
    private static volatile Engine engine;

    private Docker() {
    }

    /** The default engine, connected from the environment on first call. */
    public static Engine engine() {
        Engine e = engine;
        if (e == null) {
            synchronized (LOCK) {
                e = engine;
                if (e == null) {
                    e = Engine.fromEnv();
                    engine = e;
                    Engine created = e;
                    Runtime.getRuntime().addShutdownHook(new Thread(created::close, "berth-default-engine-close"));
                }
            }
        }
        return e;
    }

    /** A fluent {@code docker run} on the default engine. */
    public static ContainerSpec.Builder container(String image) {
        return engine().container(image);
    }

    /** Lists and acts on containers of the default engine. */
    public static ContainerQuery containers() {
        return engine().containers();
    }

    /** Builds an image on the default engine. */
    public static Image build(BuildSpec spec) {
        return engine().build(spec);
    }

    /** A handle on an image of the default engine. */
    public static Image image(String reference) {
        return engine().image(reference);
    }

    /** Lists and acts on many images of the default engine (list, save, load, import, prune). */
    public static ImageQuery images() {
        return engine().images();
    }

    /** A fluent {@code docker network create} on the default engine. */
    public static NetworkSpec.Builder network(String name) {
        return engine().network(name);
    }

    /** Lists and acts on networks of the default engine. */
    public static NetworkQuery networks() {
        return engine().networks();
    }

    /** A fluent {@code docker volume create} on the default engine. */
    public static VolumeSpec.Builder volume(String name) {
        return engine().volume(name);
    }

    /** Lists and acts on volumes of the default engine. */
    public static VolumeQuery volumes() {
        return engine().volumes();
    }

    /** Engine-wide commands of the default engine: info, version, disk usage and prune. */
    public static EngineSystem system() {
        return engine().system();
    }

    /** The default engine's event stream. */
    public static EventQuery events() {
        return engine().events();
    }
}
