package dev.berth.image.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.image.BuildEvent;
import dev.berth.image.PullProgress;

import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the legacy builder's JSON messages into {@link BuildEvent}s, assembling {@code stream} chunks into lines, and
 * remembers what a failure report needs: the current step, the whole output and the error. Not thread-safe; one per
 * build.
 */
public final class BuildOutput {
    private static final Pattern STEP = Pattern.compile("^Step (\\d+)/(\\d+) : (.*)$");
    private static final Pattern BUILT = Pattern.compile("^Successfully built ([0-9a-f]+)\\s*$");
    private static final Pattern TAGGED = Pattern.compile("^Successfully tagged (\\S+)\\s*$");

    private final Consumer<BuildEvent> sink;
    private final StringBuilder transcript = new StringBuilder();
    private final StringBuilder partial = new StringBuilder();
    private String step;
    private String error;
    private String imageId;

    /** Sends each event to {@code sink} as it is recognised. */
    public BuildOutput(Consumer<BuildEvent> sink) {
        this.sink = sink;
    }

    /** Handles one JSON message of the build response. */
    public void accept(JsonNode m) {
        if (m.hasNonNull("stream")) {
            text(m.get("stream").asText());
        }
        JsonNode aux = m.path("aux");
        if (aux.hasNonNull("ID")) {
            imageId = aux.get("ID").asText();
            sink.accept(new BuildEvent.ImageBuilt(imageId));
        }
        if (m.hasNonNull("status")) {
            String id = m.path("id").asText("");
            String status = m.path("status").asText();
            boolean imageLevel = id.isEmpty() || status.startsWith("Pulling from");
            sink.accept(new BuildEvent.Pulling(new PullProgress(
                    imageLevel ? java.util.Optional.empty() : java.util.Optional.of(id), status,
                    m.path("progressDetail").path("current").asLong(0),
                    m.path("progressDetail").path("total").asLong(0))));
            if (!status.startsWith("Downloading") && !status.startsWith("Extracting")) {
                transcript.append(id.isEmpty() ? "" : id + ": ").append(status).append('\n');
            }
        }
        String err = ImagePulls.error(m);
        if (err != null) {
            flush();
            error = err;
            transcript.append(err).append('\n');
            sink.accept(new BuildEvent.Failed(err));
        }
    }

    /** Ends the stream: emits a last line left without a line break. */
    public void finish() {
        flush();
    }

    private void text(String chunk) {
        partial.append(chunk);
        int nl;
        while ((nl = partial.indexOf("\n")) >= 0) {
            String line = partial.substring(0, nl);
            partial.delete(0, nl + 1);
            line(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        }
    }

    private void flush() {
        if (partial.length() > 0) {
            String line = partial.toString();
            partial.setLength(0);
            line(line);
        }
    }

    private void line(String line) {
        transcript.append(line).append('\n');
        Matcher s = STEP.matcher(line);
        if (s.matches()) {
            step = line.trim();
            sink.accept(new BuildEvent.StepStarted(Integer.parseInt(s.group(1)), Integer.parseInt(s.group(2)),
                    s.group(3).trim()));
            return;
        }
        if (line.isBlank()) {
            return;
        }
        sink.accept(new BuildEvent.Output(line));
        Matcher b = BUILT.matcher(line);
        if (b.matches() && imageId == null) {
            imageId = b.group(1);
            sink.accept(new BuildEvent.ImageBuilt(imageId));
        }
        Matcher t = TAGGED.matcher(line);
        if (t.matches()) {
            sink.accept(new BuildEvent.Tagged(t.group(1)));
        }
    }

    /** The step running when the build ended ({@code Step 2/5 : RUN make}), or null before the first. */
    public String step() {
        return step;
    }

    /** The error the engine reported, or null. */
    public String error() {
        return error;
    }

    /** The image id the engine reported, or null. */
    public String imageId() {
        return imageId;
    }

    /** Everything printed so far, one line per line. */
    public String transcript() {
        return transcript.toString();
    }
}
