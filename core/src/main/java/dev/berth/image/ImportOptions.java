package dev.berth.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Options of {@code docker import}; immutable, each method returns a changed copy.
 *
 * @param changes  Dockerfile instructions applied to the image config ({@code -c}), e.g. {@code CMD ["sh"]}
 * @param message  a commit message ({@code -m})
 * @param platform the platform to record ({@code --platform}), if not the engine's
 */
public record ImportOptions(List<String> changes, Optional<String> message, Optional<String> platform) {
    public ImportOptions {
        changes = List.copyOf(changes);
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(platform, "platform");
        for (String c : changes) {
            if (c.contains("\n") || c.contains("\r")) {
                throw new IllegalArgumentException("An import change must be one instruction without newlines: " + c);
            }
        }
        platform.ifPresent(PullOptions::checkPlatform);
    }

    /** No changes, no message. */
    public static ImportOptions defaults() {
        return new ImportOptions(List.of(), Optional.empty(), Optional.empty());
    }

    /** Adds a change such as {@code CMD ["sh"]}, {@code ENV A=b} or {@code WORKDIR /app}. */
    public ImportOptions change(String instruction) {
        List<String> all = new ArrayList<>(changes);
        all.add(Objects.requireNonNull(instruction, "instruction"));
        return new ImportOptions(all, message, platform);
    }

    public ImportOptions message(String m) {
        return new ImportOptions(changes, Optional.of(m), platform);
    }

    public ImportOptions platform(String p) {
        return new ImportOptions(changes, message, Optional.of(p));
    }
}
