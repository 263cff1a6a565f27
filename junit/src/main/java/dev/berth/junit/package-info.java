/**
 * Berth test fixtures for JUnit 5: {@link dev.berth.junit.BerthTest} on a class, {@link dev.berth.junit.Managed} on
 * the fields that declare what to start; the started resources are injected into test and lifecycle methods.
 *
 * <pre>{@code
 * @BerthTest
 * class ShopIT {
 *     static final String NET = Fixtures.uniqueName("shop");
 *
 *     @Managed
 *     static final NetworkSpec net = NetworkSpec.builder(NET).build();
 *
 *     @Managed(waitForPorts = 5432)
 *     static final ContainerSpec db = ContainerSpec.builder("postgres:16").network(NET, "db").publish(5432).build();
 *
 *     @Test
 *     void ordersAreStored(Container db) {
 *         int port = db.hostPort(5432);
 *     }
 * }
 * }</pre>
 *
 * The run's engine publishes a heartbeat and, when it starts, removes what crashed runs left
 * ({@link dev.berth.Engine#reapDeadSessions()}); {@code @Managed(reuse = true)} keeps a fixture for later runs.
 * {@link dev.berth.junit.testcontainers} bridges to Testcontainers.
 */
package dev.berth.junit;
