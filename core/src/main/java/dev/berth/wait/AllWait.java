package dev.berth.wait;

import dev.berth.container.Container;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** Waits for several strategies in order, all within one deadline. */
record AllWait(List<WaitStrategy> strategies, Duration timeout) implements WaitStrategy {

    AllWait {
        strategies = List.copyOf(strategies);
    }

    @Override
    public void waitUntilReady(Container container, Deadline outer) {
        Deadline deadline = outer.atMost(timeout);
        for (WaitStrategy s : strategies) {
            s.waitUntilReady(container, deadline);
        }
    }

    @Override
    public WaitStrategy withTimeout(Duration t) {
        return new AllWait(strategies, Waits.checkTimeout(t));
    }

    @Override
    public String describe() {
        return strategies.stream().map(WaitStrategy::describe).collect(Collectors.joining(" and "));
    }
}
