package dev.berth.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Everything a test's process printed while it ran, for checks that a secret never reaches any output: this JVM's
 * stdout and stderr from {@link #start()} to {@link #close()} (still passed on to the real streams), plus the part of
 * the debug log ({@code target/test-debug.log}, where the test logging configuration sends Berth's and docker-java's
 * debug lines) written meanwhile, plus whatever text the test adds (messages, stack traces, {@code toString()}s).
 */
public final class CapturedOutput implements AutoCloseable {
    private static final Path DEBUG_LOG = Path.of("target/test-debug.log");

    private final PrintStream out = System.out;
    private final PrintStream err = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final StringBuilder added = new StringBuilder();
    private final long logStart;

    private CapturedOutput() throws IOException {
        logStart = Files.exists(DEBUG_LOG) ? Files.size(DEBUG_LOG) : 0;
        System.setOut(new PrintStream(new Tee(out, captured), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(err, captured), true, StandardCharsets.UTF_8));
    }

    /** Starts capturing. */
    public static CapturedOutput start() throws IOException {
        return new CapturedOutput();
    }

    /** Adds text the test saw (a message, a {@code toString()}) to what is checked. */
    public void add(Object text) {
        added.append(text).append('\n');
    }

    /** Adds a throwable's whole stack trace, with its causes and their messages. */
    public void add(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        add(w);
    }

    /** Lines of Berth's request log in the captured debug log, e.g. {@code POST /containers/create}. */
    public long requestLines() throws IOException {
        return debugLog().lines().filter(l -> l.contains("dev.berth.internal.EngineHttp")).count();
    }

    /** All captured text: stdout, stderr, the new part of the debug log and what was added. */
    public String all() throws IOException {
        synchronized (captured) {
            return captured.toString(StandardCharsets.UTF_8) + "\n" + debugLog() + "\n" + added;
        }
    }

    private String debugLog() throws IOException {
        if (!Files.exists(DEBUG_LOG)) {
            return "";
        }
        byte[] bytes = Files.readAllBytes(DEBUG_LOG);
        int from = (int) Math.min(logStart, bytes.length);
        return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        System.setOut(out);
        System.setErr(err);
    }

    private static final class Tee extends OutputStream {
        private final OutputStream real;
        private final ByteArrayOutputStream copy;

        Tee(OutputStream real, ByteArrayOutputStream copy) {
            this.real = real;
            this.copy = copy;
        }

        @Override
        public void write(int b) throws IOException {
            real.write(b);
            synchronized (copy) {
                copy.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            real.write(b, off, len);
            synchronized (copy) {
                copy.write(b, off, len);
            }
        }

        @Override
        public void flush() throws IOException {
            real.flush();
        }
    }
}
