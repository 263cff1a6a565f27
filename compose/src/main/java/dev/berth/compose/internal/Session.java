package dev.berth.compose.internal;

import dev.berth.Engine;
import dev.berth.compose.ComposeEvent;
import dev.berth.compose.ComposeException;
import dev.berth.compose.model.Project;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** One Compose command on one engine: the project, the engine calls, progress events and a pool for parallel work. */
final class Session implements AutoCloseable {
    private static final AtomicInteger THREADS = new AtomicInteger();
    final Api api;
    final Project project;
    final Consumer<ComposeEvent> progress;
    final ExecutorService pool;
    private final List<String> warnings = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    Session(Engine engine, Project project, Consumer<ComposeEvent> progress) {
        this.api = new Api(engine);
        this.project = project;
        this.progress = progress == null ? e -> { } : progress;
        ThreadFactory daemon = r -> {
            Thread t = new Thread(r, "berth-compose-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = Executors.newCachedThreadPool(daemon);
    }

    void event(String resource, String name, String status) {
        progress.accept(new ComposeEvent(resource, name, status, ""));
    }

    void warn(String text) {
        warnings.add(text);
        progress.accept(new ComposeEvent("Project", project.name(), "Warning", text));
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    CompletableFuture<Void> run(Runnable work) {
        return CompletableFuture.runAsync(work, pool);
    }

    /** Runs the tasks in parallel and waits for all; rethrows the first failure. */
    void all(List<Runnable> tasks) {
        join(CompletableFuture.allOf(tasks.stream().map(this::run).toArray(CompletableFuture[]::new)));
    }

    /** Waits for a future, unwrapping its failure into a Berth exception. */
    static <T> T join(CompletableFuture<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ComposeException(null, "Interrupted", e);
        } catch (ExecutionException e) {
            throw unwrap(e);
        }
    }

    static RuntimeException unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t instanceof RuntimeException r ? r : new ComposeException(null, t.toString(), t);
    }

    static void sleepless(InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ComposeException(null, "Interrupted while waiting", e);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
