package dev.berth.examples.support;

import dev.berth.compose.ComposeEvent;
import dev.berth.image.BuildEvent;
import dev.berth.image.LayerProgress;
import dev.berth.swarm.ServiceProgress;
import dev.berth.swarm.TaskChange;
import dev.berth.swarm.TaskState;

import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Adapters from Berth's progress callbacks to a {@link Block}, drawn as the docker CLI draws them: a line per layer
 * with a bar for pull and push, the step being run and the tail of its output for a build, a line per container for
 * Compose, {@code overall progress: n out of m tasks} and a line per slot for a swarm service.
 */
public final class Progress {
    private static final int BAR = 30;
    private static final Set<String> LAYER_STATES = Set.of("pulling fs layer", "waiting", "downloading",
            "verifying checksum", "download complete", "extracting", "pull complete", "already exists", "preparing",
            "pushing", "pushed", "layer already exists", "retrying");
    private static final Set<String> COMPOSE_DONE = Set.of("Created", "Started", "Running", "Healthy", "Exited",
            "Stopped", "Removed", "Recreated", "Pulled", "Built");

    private Progress() {
    }

    /**
     * Pull or push progress ({@code PullOptions.progress}, {@code PushOptions.progress}): {@code id: Downloading
     * [====>   ] 1.2MB/3.4MB} per layer on a terminal; {@code id: Download complete} lines, one per state, in plain mode.
     */
    public static Consumer<LayerProgress> layers(Block block) {
        return p -> {
            String status = p.status();
            String id = p.layerId().orElse("");
            if (id.isEmpty() || !isLayerState(status)) {
                block.note(id.isEmpty() ? status : id + ": " + status);
                return;
            }
            String bar = p.total() > 0 ? "  " + bar(p.current(), p.total()) : "";
            block.update(id, id + ": " + status + bar, id + ": " + status);
        };
    }

    /**
     * Build progress ({@code BuildSpec.events}): on a terminal, one line per step and the last lines of the running
     * step's output; in plain mode every line, as {@code docker build} prints them.
     */
    public static Consumer<BuildEvent> build(Block block) {
        return new Consumer<>() {
            private String step;
            private long stepStarted;

            @Override
            public void accept(BuildEvent e) {
                if (e instanceof BuildEvent.StepStarted s) {
                    finishStep("");
                    step = "[" + s.number() + "/" + s.total() + "] " + s.instruction();
                    stepStarted = System.nanoTime();
                    block.update(String.valueOf(s.number()), "=> " + step, s.text());
                } else if (e instanceof BuildEvent.Output o) {
                    if (o.line().contains("Using cache")) {
                        finishStep(" CACHED");
                    }
                    block.note(clean(o.line()));
                } else if (e instanceof BuildEvent.Pulling p) {
                    layers(block).accept(p.progress());
                } else if (e instanceof BuildEvent.ImageBuilt) {
                    finishStep(""); // the engine's own "Successfully built" line came as output
                } else if (e instanceof BuildEvent.Failed f) {
                    block.note("ERROR: " + f.message());
                }
            }

            private void finishStep(String how) {
                if (step != null) {
                    double s = (System.nanoTime() - stepStarted) / 1e9;
                    String key = step.substring(1, step.indexOf('/'));
                    block.update(key, String.format(Locale.ROOT, "=>%s %s %.1fs", how, step, s), null);
                    step = null;
                }
            }
        };
    }

    /**
     * Compose progress ({@code up().progress}, {@code down().progress}): a line per resource with its state, as
     * {@code docker compose up} shows them ({@code ✔ Container demo-web-1  Started}); build output as a tail.
     */
    public static Consumer<ComposeEvent> compose(Block block) {
        return e -> {
            if (e.status().equals("Building") && !e.text().isEmpty()) {
                block.note(e.text());
                return;
            }
            String key = e.resource() + " " + e.name();
            if (e.resource().equals("Layer")) {
                block.update(key, e.name() + ": " + e.status() + (e.text().isEmpty() ? "" : " " + e.text()),
                        e.name() + ": " + e.status());
                return;
            }
            String mark = COMPOSE_DONE.contains(e.status()) ? "✔ " : e.status().equals("Error") ? "✘ " : "⠿ ";
            String plain = e.toString();
            block.update(key, mark + key + "  " + e.status() + (e.text().isEmpty() ? "" : " " + e.text()), plain);
        };
    }

    /**
     * Swarm convergence ({@code Convergence.onProgress}): {@code overall progress: 2 out of 3 tasks} and a line per
     * slot with its task's state, as {@code docker service create} shows them.
     */
    public static Consumer<ServiceProgress> swarm(Block block) {
        return p -> {
            block.update("overall", "overall progress: " + p.running() + " out of " + p.desired() + " tasks");
            for (TaskChange c : p.changes()) {
                int slot = c.task().slot();
                if (slot <= 0 || c.task().desiredState().isTerminal()) {
                    continue;
                }
                TaskState state = c.task().state();
                String head = slot + "/" + p.desired() + ": " + state.wireName();
                double f = state.isTerminal() ? 0 : (double) state.ordinal() / TaskState.RUNNING.ordinal();
                block.update("slot " + slot, String.format(Locale.ROOT, "%-22s %s", head, bar(f)), head);
            }
        };
    }

    /** {@code [=====>      ] 1.2MB/3.4MB}, as the docker CLI draws a transfer. */
    static String bar(long current, long total) {
        long cur = Math.min(current, total);
        return bar(total > 0 ? (double) cur / total : 0) + " " + human(cur) + "/" + human(total);
    }

    static String bar(double fraction) {
        int filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * BAR);
        String body = filled >= BAR ? "=".repeat(BAR) : "=".repeat(Math.max(0, filled - 1)) + (filled > 0 ? ">" : "")
                + " ".repeat(BAR - filled);
        return "[" + body + "]";
    }

    /** Bytes with three significant digits and decimal units, as the docker CLI prints sizes: {@code 12.3MB}. */
    public static String human(long bytes) {
        String[] units = {"B", "kB", "MB", "GB", "TB"};
        double v = bytes;
        int u = 0;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        String n = u == 0 ? String.valueOf(bytes) : new java.math.BigDecimal(v)
                .round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
        return n + units[u];
    }

    /**
     * A build output line as a log shows it: without the colour codes the classic builder puts around a step's
     * stderr, and of a line redrawn with carriage returns (apt's "Reading database … 45%") only its last state.
     */
    static String clean(String line) {
        String s = line.replaceAll("\u001b\\[[0-9;]*m", "");
        return s.substring(s.lastIndexOf('\r') + 1);
    }

    private static boolean isLayerState(String status) {
        String s = status.toLowerCase(Locale.ROOT);
        return LAYER_STATES.contains(s) || s.startsWith("mounted from") || s.startsWith("retrying");
    }
}
