/**
 * The engine's event stream ({@code docker events}): filter with {@link dev.berth.events.EventQuery}, then read it
 * blocking ({@link dev.berth.events.EventStream}), push it to a consumer ({@link dev.berth.Subscription}), or fetch a
 * past window as a list. Streams and subscriptions must be closed.
 *
 * <pre>{@code
 * try (EventStream events = engine.events().type("container").action("die").label("app", "web").open()) {
 *     events.next(Duration.ofSeconds(30)).ifPresent(e -> System.out.println(e.attribute("exitCode")));
 * }
 * List<EngineEvent> lastMinute = engine.events().since(oneMinuteAgo).until(Instant.now()).fetch();
 * }</pre>
 */
package dev.berth.events;
