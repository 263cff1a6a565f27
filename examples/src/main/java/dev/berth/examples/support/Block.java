package dev.berth.examples.support;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One area of progress on a {@link Console}: a title, one line per key (a layer, a container, a task slot) and a
 * short tail of output lines. On a terminal it is redrawn in place; in plain mode each key prints a line only when its
 * plain text changes, so byte counters do not flood a log. Thread-safe; close it when the work is done.
 */
public final class Block implements AutoCloseable {
    private static final int TAIL = 6;

    private final Console console;
    private String title;
    private final Map<String, String> lines = new LinkedHashMap<>();
    private final Map<String, String> printed = new HashMap<>();
    private final Deque<String> tail = new ArrayDeque<>();
    private boolean closed;

    Block(Console console, String title) {
        this.console = console;
        this.title = Objects.requireNonNull(title, "title");
    }

    /**
     * Sets the line of {@code key}: a terminal shows {@code liveText}; plain output prints {@code plainText} if it
     * differs from what it last printed for this key ({@code null}: print nothing).
     */
    public void update(String key, String liveText, String plainText) {
        Objects.requireNonNull(key, "key");
        String toPrint = null;
        synchronized (this) {
            if (closed) {
                return;
            }
            lines.put(key, Objects.requireNonNull(liveText, "liveText"));
            if (plainText != null && !plainText.equals(printed.get(key))) {
                printed.put(key, plainText);
                toPrint = plainText;
            }
        }
        if (console.isLive()) {
            console.changed();
        } else if (toPrint != null) {
            console.plain(toPrint);
        }
    }

    /** The same text live and plain. */
    public void update(String key, String text) {
        update(key, text, text);
    }

    /** One line of output: the tail of the last few on a terminal, every line in plain mode. */
    public void note(String text) {
        Objects.requireNonNull(text, "text");
        synchronized (this) {
            if (closed) {
                return;
            }
            if (console.isLive()) {
                tail.addLast(text);
                while (tail.size() > TAIL) {
                    tail.removeFirst();
                }
            }
        }
        if (console.isLive()) {
            console.changed();
        } else {
            console.plain(text);
        }
    }

    /** Changes the title (live only; plain output printed the first title). */
    public void title(String text) {
        Objects.requireNonNull(text, "text");
        synchronized (this) {
            this.title = text;
        }
        console.changed();
    }

    /** Ends the block, leaving its lines and this summary as the title; plain output prints the summary. */
    public void close(String summary) {
        synchronized (this) {
            if (closed) {
                return;
            }
            title = Objects.requireNonNull(summary, "summary");
            tail.clear();
            closed = true;
        }
        if (!console.isLive()) {
            console.plain(summary);
        }
        console.closed(this);
    }

    /** Ends the block, leaving its lines on screen. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            tail.clear();
            closed = true;
        }
        console.closed(this);
    }

    /** The lines a terminal shows now, each cut to {@code width - 1} columns. */
    synchronized List<String> render(int width) {
        List<String> out = new ArrayList<>();
        out.add(cut(title, width));
        lines.values().forEach(l -> out.add(cut(" " + l, width)));
        tail.forEach(l -> out.add(cut("    " + l, width)));
        return out;
    }

    private static String cut(String s, int width) {
        String flat = s.replace('\t', ' ').replace("\r", "");
        return flat.length() < width ? flat : flat.substring(0, Math.max(0, width - 2)) + "…";
    }
}
