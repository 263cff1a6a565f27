package dev.berth.dockerfile;

import static java.util.Objects.requireNonNull;

import dev.berth.dockerfile.internal.Json;
import dev.berth.dockerfile.internal.Words;

/**
 * A shell-form command such as {@code apt-get update && apt-get install -y curl}; each {@code \n} in the script is a
 * line continuation, rendered as the escape character at the end of the line.
 */
public record ShellForm(String script) implements Command {

    /**
     * Strips surrounding whitespace and refuses scripts that would be read back differently: a carriage return, a
     * continued line that is blank or starts with {@code #}, a leading {@code --}, or text that is a JSON array.
     */
    public ShellForm {
        requireNonNull(script, "script");
        script = Words.goStrip(script);
        if (script.indexOf('\r') >= 0) {
            throw new DockerfileValueException("shell form", script, "a carriage return would end the line");
        }
        if (script.startsWith("--")) {
            throw new DockerfileValueException("shell form", script, "a leading '--' would be read as an instruction flag");
        }
        int nl = script.indexOf('\n');
        while (nl >= 0) {
            int next = script.indexOf('\n', nl + 1);
            String line = script.substring(nl + 1, next < 0 ? script.length() : next);
            String trimmed = Words.goStripLeading(line);
            if (trimmed.isEmpty()) {
                throw new DockerfileValueException("shell form", script,
                        "a blank continuation line is dropped by the parser; remove it");
            }
            if (trimmed.startsWith("#")) {
                throw new DockerfileValueException("shell form", script,
                        "a continuation line starting with '#' is read as a comment and dropped");
            }
            nl = next;
        }
        try {
            if (script.startsWith("[") && Json.parseStringArray(script) != null) {
                throw new DockerfileValueException("shell form", script,
                        "a shell command that is a JSON array would be read as exec form; use Command.exec");
            }
        } catch (Json.NotStringArrayException e) {
            throw new DockerfileValueException("shell form", script, "a JSON array of non-strings is refused by BuildKit");
        }
    }

    /** The command as the shell sees it: continuation line breaks removed. */
    public String joined() {
        return script.replace("\n", "");
    }
}
