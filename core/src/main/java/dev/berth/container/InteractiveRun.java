package dev.berth.container;

/**
 * A {@code docker run -it}: {@link #run()} starts the container with a TTY and open stdin and returns a session to
 * talk to it from Java. The session removes the container when closed.
 */
public final class InteractiveRun {
    private final ContainerLauncher launcher;
    private final ContainerSpec spec;

    InteractiveRun(ContainerLauncher launcher, ContainerSpec spec) {
        this.launcher = launcher;
        this.spec = spec;
    }

    /** Creates, attaches and starts the container; the returned session must be closed. */
    public InteractiveSession run() {
        Container c = launcher.create(spec);
        try {
            Attachment a = Attachment.open(c, true, true, false);
            try {
                c.start();
            } catch (RuntimeException e) {
                a.close();
                throw e;
            }
            return new InteractiveSession(c, a);
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
    }
}
