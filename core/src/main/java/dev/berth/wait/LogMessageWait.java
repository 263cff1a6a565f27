package dev.berth.wait;

import dev.berth.container.Container;
import dev.berth.container.LogLine;
import dev.berth.container.LogStream;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/** Waits until output lines match a pattern a number of times, reading the followed log stream. */
record LogMessageWait(Pattern pattern, int times, Duration timeout) implements WaitStrategy {

    @Override
    public void waitUntilReady(Container container, Deadline outer) {
        Deadline deadline = outer.atMost(timeout);
        int seen = 0;
        String last = "no output yet";
        try (LogStream logs = container.logs().open()) {
            while (seen < times) {
                if (deadline.expired()) {
                    throw Waits.timeout(container, describe(), deadline, seen + " of " + times + " matches; last line: "
                            + last);
                }
                Optional<LogLine> line = logs.next(deadline.remaining());
                if (line.isPresent()) {
                    last = line.get().text();
                    if (pattern.matcher(last).find()) {
                        seen++;
                    }
                } else if (logs.isEnded()) {
                    Waits.failIfExited(container, describe());
                    throw Waits.timeout(container, describe(), deadline, "output ended after " + seen + " matches");
                }
            }
        }
    }

    @Override
    public WaitStrategy withTimeout(Duration t) {
        return new LogMessageWait(pattern, times, Waits.checkTimeout(t));
    }

    @Override
    public String describe() {
        return "log message /" + pattern.pattern() + "/" + (times > 1 ? " " + times + " times" : "");
    }
}
