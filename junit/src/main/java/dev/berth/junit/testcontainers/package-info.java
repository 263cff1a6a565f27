/**
 * A bridge to Testcontainers 2.x, so a team adopts Berth one fixture at a time: a Berth container or Compose project
 * where Testcontainers expects a {@link org.testcontainers.lifecycle.Startable} (a {@code @Container} field, a
 * {@code dependsOn}), and a Berth network that a {@code GenericContainer} joins. Needs Testcontainers on the
 * classpath; berth-junit declares it optional.
 *
 * <pre>{@code
 * @Testcontainers
 * class LegacyIT {
 *     @Container
 *     static BerthContainer db = BerthContainer.of(ContainerSpec.builder("postgres:16").publish(5432).build())
 *             .waitingFor(Wait.forPort(5432));
 *     @Container
 *     static GenericContainer<?> app = new GenericContainer<>("app:1").dependsOn(db);
 * }
 * }</pre>
 */
package dev.berth.junit.testcontainers;
