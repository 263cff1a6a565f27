package dev.berth.container;

import java.util.List;

/**
 * The processes running in a container, as {@code docker top} prints them.
 *
 * @param titles    column titles, e.g. {@code UID}, {@code PID}, {@code CMD}
 * @param processes one row per process, aligned with the titles
 */
public record ProcessList(List<String> titles, List<List<String>> processes) {
    public ProcessList {
        titles = List.copyOf(titles);
        processes = processes.stream().map(List::copyOf).toList();
    }

    /** The values of one column, e.g. {@code column("CMD")}. */
    public List<String> column(String title) {
        int i = titles.indexOf(title);
        if (i < 0) {
            throw new IllegalArgumentException("No column '" + title + "'; columns are " + titles);
        }
        return processes.stream().map(p -> p.get(i)).toList();
    }
}
