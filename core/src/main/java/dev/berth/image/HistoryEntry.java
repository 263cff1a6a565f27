package dev.berth.image;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One layer of {@code docker history}, newest first.
 *
 * @param id        the image id of this step, or empty ({@code <missing>}) for steps built elsewhere
 * @param created   when the step ran
 * @param createdBy the instruction that made it, e.g. {@code /bin/sh -c #(nop)  CMD ["sh"]}
 * @param sizeBytes the size the step added
 * @param tags      references tagged on this step's image
 * @param comment   the step's comment, empty if none
 */
public record HistoryEntry(Optional<String> id, Instant created, String createdBy, long sizeBytes, List<String> tags,
                           String comment) {
    public HistoryEntry {
        tags = List.copyOf(tags);
    }
}
