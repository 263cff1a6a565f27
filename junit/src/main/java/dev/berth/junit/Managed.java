package dev.berth.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a field of a {@link BerthTest} class: a fixture to start before and stop after its scope. The field holds what
 * to start, and the test gets the started resource by parameter injection:
 * <table>
 *   <caption>Field types</caption>
 *   <tr><th>field holds</th><th>started as</th><th>injected as</th></tr>
 *   <tr><td>{@link dev.berth.container.ContainerSpec}</td><td>{@code docker run -d}, then ready (see below)</td>
 *       <td>{@link dev.berth.container.Container}</td></tr>
 *   <tr><td>{@link dev.berth.network.NetworkSpec}</td><td>{@code docker network create}</td>
 *       <td>{@link dev.berth.network.Network}</td></tr>
 *   <tr><td>{@link dev.berth.volume.VolumeSpec}</td><td>{@code docker volume create}</td>
 *       <td>{@link dev.berth.volume.Volume}</td></tr>
 *   <tr><td>{@link dev.berth.compose.LoadOptions} (e.g. of {@link Fixtures#classpathFile})</td>
 *       <td>{@code docker compose up -d --wait}</td><td>{@link dev.berth.compose.ComposeProject}</td></tr>
 * </table>
 * Static fields live for the class, instance fields for one test. Independent fixtures of one scope start in
 * parallel; a fixture starts after those it {@link #dependsOn() depends on}, and after the networks it joins and the
 * volumes it mounts when they are fixtures of the same class. Stopping runs in reverse order and is graceful:
 * containers get their stop signal and grace period ({@code docker stop}), Compose projects {@code down}.
 *
 * <p>A container is ready when it runs, its health check (from the spec or the image) reports healthy, each of
 * {@link #waitForPorts()} serves, and {@link #waitForLog()} has matched. Names are used as given, so choose unique
 * ones ({@link Fixtures#uniqueName}) for networks, volumes and named containers when tests run in parallel; a Compose
 * project without an explicit project name gets a unique one.
 *
 * <p>On a parameter of a test or lifecycle method, {@code value} names the field whose started resource to inject;
 * without it the parameter's name (when compiled with {@code -parameters}) or, failing that, its type decides.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Managed {

    /** On a parameter: the name of the {@code @Managed} field to inject. Unused on fields. */
    String value() default "";

    /** Names of {@code @Managed} fields of this class that must be started, and ready, first. */
    String[] dependsOn() default {};

    /**
     * Keeps the resource when the run ends and reuses it in later runs: a hash of the spec, stored in the label
     * {@link dev.berth.Labels#REUSE}, finds a running equal resource; concurrent runs asking for the same one get one,
     * not two, through a lock held on the engine. A reusable fixture may depend only on reusable fixtures. The
     * configuration parameter {@code berth.reuse.enabled=false} turns reuse off for a run (e.g. in CI).
     * Remove reused resources with {@link Fixtures#removeReused}.
     */
    boolean reuse() default false;

    /** Containers: container ports (TCP, published) that must serve on their host ports before the fixture is ready. */
    int[] waitForPorts() default {};

    /** Containers: a regular expression a line of the container's output must match before it is ready. */
    String waitForLog() default "";

    /** How long starting, including waiting until ready, may take, in seconds. */
    int startTimeoutSeconds() default 60;
}
