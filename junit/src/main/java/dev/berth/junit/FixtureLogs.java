package dev.berth.junit;

/**
 * The last lines of a fixture container's output, attached to a failed test's exception as a suppressed exception
 * (and published as a report entry), so the failure says what the container was doing. Carries no stack trace.
 */
public final class FixtureLogs extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String container;
    private final String logs;

    public FixtureLogs(String container, int lines, String logs) {
        super("Last " + lines + " log lines of container '" + container + "':\n" + logs, null, false, false);
        this.container = container;
        this.logs = logs;
    }

    /** The container the logs came from. */
    public String container() {
        return container;
    }

    /** The log text, stdout and stderr interleaved as the engine returned them. */
    public String logs() {
        return logs;
    }
}
