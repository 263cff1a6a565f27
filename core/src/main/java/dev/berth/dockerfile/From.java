package dev.berth.dockerfile;

import java.util.Optional;
import java.util.regex.Pattern;

/** {@code FROM [--platform=<platform>] <image> [AS <name>]}: starts a build stage. */
public record From(String image, Optional<String> platform, Optional<String> stageName) implements Instruction {
    private static final Pattern STAGE_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_.-]*");

    /** Requires a one-word image and a stage name of letters, digits, {@code _ . -} starting with a letter. */
    public From {
        Checks.word("FROM", image);
        platform = Checks.optionalSingleLine("FROM --platform", platform);
        Checks.optionalSingleLine("FROM AS", stageName).ifPresent(n -> {
            if (!STAGE_NAME.matcher(n).matches()) {
                throw new DockerfileValueException("FROM", n,
                        "a stage name must start with a letter and contain only letters, digits, '_', '.' or '-'");
            }
        });
    }

    /** {@code FROM image}. */
    public static From of(String image) {
        return new From(image, Optional.empty(), Optional.empty());
    }

    /** This FROM with {@code AS name}. */
    public From as(String name) {
        return new From(image, platform, Optional.of(name));
    }

    /** This FROM with {@code --platform}. */
    public From platform(String value) {
        return new From(image, Optional.of(value), stageName);
    }

    @Override
    public String keyword() {
        return "FROM";
    }

    @Override
    public void writeTo(DockerfileWriter out) {
        out.begin("FROM");
        platform.ifPresent(p -> out.flag("platform", p));
        out.text(image);
        stageName.ifPresent(n -> {
            out.text("AS");
            out.text(n);
        });
        out.end();
    }
}
