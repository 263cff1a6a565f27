package dev.berth.image;

import java.util.Objects;

/**
 * What a build reports as it runs, in order: {@link StepStarted} for each Dockerfile step, the {@link Output} lines
 * of that step, {@link Pulling} progress for base images, then {@link ImageBuilt} and {@link Tagged} at the end, or
 * {@link Failed} when a step fails (the build then throws {@link dev.berth.ImageBuildException}).
 *
 * <pre>{@code
 * engine.build(spec.toBuilder().events(e -> {
 *     if (e instanceof BuildEvent.StepStarted s) System.out.println(s.number() + "/" + s.total() + " " + s.instruction());
 * }).build());
 * }</pre>
 */
public sealed interface BuildEvent {

    /**
     * A Dockerfile step begins ({@code Step 2/5 : RUN make}).
     *
     * @param number      the step number, from 1
     * @param total       the number of steps (the engine counts one LABEL step per label, Berth's included)
     * @param instruction the instruction as the engine prints it, e.g. {@code RUN make}
     */
    record StepStarted(int number, int total, String instruction) implements BuildEvent {
        public StepStarted {
            Objects.requireNonNull(instruction, "instruction");
        }

        /** The step as {@code docker build} prints it: {@code Step 2/5 : RUN make}. */
        public String text() {
            return "Step " + number + "/" + total + " : " + instruction;
        }
    }

    /**
     * One line of output: what a RUN step printed, or the builder's own lines ({@code ---> Running in …}).
     *
     * @param line the line, without its line break
     */
    record Output(String line) implements BuildEvent {
        public Output {
            Objects.requireNonNull(line, "line");
        }
    }

    /**
     * Progress of pulling a base image during the build ({@code FROM}, or {@code --pull}).
     *
     * @param progress the pull message
     */
    record Pulling(PullProgress progress) implements BuildEvent {
        public Pulling {
            Objects.requireNonNull(progress, "progress");
        }
    }

    /**
     * The build produced an image.
     *
     * @param imageId its id ({@code sha256:…})
     */
    record ImageBuilt(String imageId) implements BuildEvent {
        public ImageBuilt {
            Objects.requireNonNull(imageId, "imageId");
        }
    }

    /**
     * The image was tagged with a reference ({@code -t}).
     *
     * @param reference the reference
     */
    record Tagged(String reference) implements BuildEvent {
        public Tagged {
            Objects.requireNonNull(reference, "reference");
        }
    }

    /**
     * A step failed; the build stops.
     *
     * @param message the engine's error, e.g. {@code The command '/bin/sh -c make' returned a non-zero code: 2}
     */
    record Failed(String message) implements BuildEvent {
        public Failed {
            Objects.requireNonNull(message, "message");
        }
    }
}
