package dev.berth.container;

/** Which output stream a piece of container output came from; with a TTY everything is {@link #STDOUT}. */
public enum LogSource {
    STDOUT, STDERR
}
