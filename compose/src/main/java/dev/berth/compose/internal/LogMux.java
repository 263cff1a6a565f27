package dev.berth.compose.internal;

import dev.berth.compose.ComposeLogLine;
import dev.berth.compose.ServiceContainer;
import dev.berth.container.LogLine;
import dev.berth.container.LogStream;
import dev.berth.container.LogsRequest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Several containers' output as one stream of lines tagged with their service and container ({@code logs}). */
public final class LogMux {
    private LogMux() {
    }

    /** The output written so far by each container, in container order (by time when timestamps are on). */
    public static List<ComposeLogLine> fetch(List<ServiceContainer> containers, Integer tail, boolean timestamps) {
        List<ComposeLogLine> out = new ArrayList<>();
        for (ServiceContainer c : containers) {
            for (LogLine l : request(c, tail, timestamps).fetch().lines()) {
                out.add(new ComposeLogLine(c.service(), c.name(), l));
            }
        }
        if (timestamps) {
            out.sort(Comparator.comparing(l -> l.line().timestamp().orElse(java.time.Instant.EPOCH)));
        }
        return out;
    }

    /**
     * Follows every container until all have stopped (or the thread is interrupted), calling {@code consumer} from one
     * thread per container; blocks.
     */
    public static void follow(List<ServiceContainer> containers, Integer tail, boolean timestamps,
                              Consumer<ComposeLogLine> consumer) {
        List<Thread> threads = new ArrayList<>();
        List<LogStream> streams = new ArrayList<>();
        try {
            for (ServiceContainer c : containers) {
                LogStream stream = request(c, tail, timestamps).open();
                streams.add(stream);
                Thread t = new Thread(() -> pump(c, stream, consumer), "berth-compose-logs-" + c.name());
                t.setDaemon(true);
                t.start();
                threads.add(t);
            }
            for (Thread t : threads) {
                t.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            streams.forEach(LogStream::close);
        }
    }

    private static void pump(ServiceContainer c, LogStream stream, Consumer<ComposeLogLine> consumer) {
        while (!stream.isEnded() && !Thread.currentThread().isInterrupted()) {
            Optional<LogLine> l = stream.next(Duration.ofSeconds(1));
            l.ifPresent(line -> consumer.accept(new ComposeLogLine(c.service(), c.name(), line)));
        }
    }

    private static LogsRequest request(ServiceContainer c, Integer tail, boolean timestamps) {
        LogsRequest r = c.container().logs();
        if (tail != null) {
            r.tail(tail);
        }
        if (timestamps) {
            r.timestamps();
        }
        return r;
    }
}
