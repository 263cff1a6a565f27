package dev.berth.examples.support;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Where a walk-through prints: permanent lines, and {@link Block}s of progress that a terminal redraws in place the
 * way the docker CLI does, or that become plain lines (one per state change) when the output is not a terminal.
 * Thread-safe: progress arrives from Berth's threads.
 *
 * <p>Live mode draws with three ANSI sequences only: cursor to the start of a line N lines up ({@code ESC[NF}),
 * clear to the end of the screen ({@code ESC[J}) and nothing else, redrawing at most every 100 ms.
 */
public final class Console {
    static final String ESC = "\u001b[";
    private static final long REDRAW_MS = 100;

    private final PrintStream out;
    private final boolean live;
    private final int width;
    private final List<Block> blocks = new ArrayList<>();
    private int drawn;
    private boolean dirty;
    private ScheduledExecutorService redrawer;

    private Console(PrintStream out, boolean live, int width) {
        this.out = out;
        this.live = live;
        this.width = width;
    }

    /**
     * The process's standard output: live when it is a terminal ({@code System.console() != null}) and neither
     * {@code TERM=dumb} nor {@code BERTH_PROGRESS=plain} is set, plain otherwise.
     */
    public static Console system() {
        boolean terminal = System.console() != null && !"dumb".equals(System.getenv("TERM"))
                && !"plain".equalsIgnoreCase(String.valueOf(System.getenv("BERTH_PROGRESS")));
        // The process's real standard output, not System.out: under `mvn -B exec:java`, Maven wraps System.out in a
        // stream that strips ANSI sequences, which would leave a terminal with every redraw stacked up.
        PrintStream stdout = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        return new Console(stdout, terminal, columns());
    }

    /** Plain lines to {@code out}: what {@code docker … | cat} shows. */
    public static Console plain(PrintStream out) {
        return new Console(out, false, Integer.MAX_VALUE);
    }

    /** Live redrawing on {@code out}, lines cut to {@code width} columns (tests, or a known terminal). */
    public static Console live(PrintStream out, int width) {
        if (width < 20) {
            throw new IllegalArgumentException("width must be at least 20 columns, was " + width);
        }
        return new Console(out, true, width);
    }

    /** Whether blocks are redrawn in place. */
    public boolean isLive() {
        return live;
    }

    /** Prints a permanent line above any progress that is being drawn. */
    public synchronized void println(String line) {
        erase();
        out.println(line);
        draw();
    }

    /** {@link String#format} then {@link #println}. */
    public void printf(String format, Object... args) {
        println(String.format(Locale.ROOT, format, args));
    }

    /** A heading: a blank line and the title underlined, as each step of a walk-through starts. */
    public void section(String title) {
        println("");
        println(title);
        println("-".repeat(Math.min(title.length(), 100)));
    }

    /** Opens a progress block titled {@code title}; close it to leave its final state on screen. */
    public synchronized Block block(String title) {
        Block b = new Block(this, title);
        blocks.add(b);
        if (live) {
            changed();
        } else {
            out.println(title);
        }
        return b;
    }

    /** Called by a block when its live text changed; the redraw happens within 100 ms. */
    synchronized void changed() {
        if (!live) {
            return;
        }
        dirty = true;
        if (redrawer == null) {
            redrawer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "berth-console");
                t.setDaemon(true);
                return t;
            });
            redrawer.scheduleAtFixedRate(this::redrawIfDirty, REDRAW_MS, REDRAW_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** Called by a block in plain mode: one line of output. */
    synchronized void plain(String line) {
        out.println(line);
    }

    /** Called when a block closes: its final state becomes permanent output. */
    synchronized void closed(Block b) {
        if (!blocks.contains(b)) {
            return;
        }
        if (live) {
            erase();
            blocks.remove(b);
            b.render(width).forEach(out::println);
            draw();
            if (blocks.isEmpty() && redrawer != null) {
                redrawer.shutdownNow();
                redrawer = null;
            }
        } else {
            blocks.remove(b);
        }
        out.flush();
    }

    private synchronized void redrawIfDirty() {
        if (dirty) {
            erase();
            draw();
        }
    }

    private void erase() {
        if (live && drawn > 0) {
            out.print(ESC + drawn + "F" + ESC + "J");
            drawn = 0;
        }
    }

    private void draw() {
        dirty = false;
        if (!live) {
            return;
        }
        for (Block b : blocks) {
            for (String line : b.render(width)) {
                out.println(line);
                drawn++;
            }
        }
        out.flush();
    }

    private static int columns() {
        try {
            int c = Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "120").trim());
            return Math.max(40, c);
        } catch (NumberFormatException e) {
            return 120;
        }
    }
}
