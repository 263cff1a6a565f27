package dev.berth.container;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Options of {@code docker commit}.
 *
 * @param message a commit message ({@code -m})
 * @param author  the author ({@code -a})
 * @param changes Dockerfile instructions applied to the image config ({@code -c}), e.g. {@code CMD ["httpd"]}
 * @param pause   whether the container is paused while committing ({@code -p}, default true)
 */
public record CommitOptions(Optional<String> message, Optional<String> author, List<String> changes, boolean pause) {
    public CommitOptions {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(author, "author");
        changes = List.copyOf(changes);
        for (String c : changes) {
            if (c.contains("\n")) {
                throw new IllegalArgumentException("A commit change must be one instruction without newlines: " + c);
            }
        }
    }

    /** No message, no author, no changes, pausing. */
    public static CommitOptions defaults() {
        return new CommitOptions(Optional.empty(), Optional.empty(), List.of(), true);
    }

    public CommitOptions message(String m) {
        return new CommitOptions(Optional.of(m), author, changes, pause);
    }

    public CommitOptions author(String a) {
        return new CommitOptions(message, Optional.of(a), changes, pause);
    }

    /** Adds a change such as {@code CMD ["httpd","-f"]} or {@code ENV MODE=prod}. */
    public CommitOptions change(String instruction) {
        List<String> all = new java.util.ArrayList<>(changes);
        all.add(instruction);
        return new CommitOptions(message, author, all, pause);
    }

    public CommitOptions noPause() {
        return new CommitOptions(message, author, changes, false);
    }
}
