package dev.berth.swarm.internal;

import dev.berth.container.LogSource;
import dev.berth.swarm.ServiceLogLine;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Parsing {@code docker service logs --details} output as the docker CLI's log writer does. */
class LogReaderTest {
    private static final String DETAILS = "com.docker.swarm.node.id=n0de,com.docker.swarm.service.id=s3rv,"
            + "com.docker.swarm.task.id=t4sk";

    @Test
    void parse_detailsThenMessage() throws IOException {
        ServiceLogLine l = read(false, frame(1, DETAILS + " hello world\n")).get(0);
        assertThat(l.taskId()).isEqualTo("t4sk");
        assertThat(l.nodeId()).isEqualTo("n0de");
        assertThat(l.text()).isEqualTo("hello world");
        assertThat(l.source()).isEqualTo(LogSource.STDOUT);
        assertThat(l.timestamp()).isEmpty();
    }

    @Test
    void parse_timestampFirst_stderr_urlEncodedValues_lineSplitAcrossFrames() throws IOException {
        String line = "2026-11-28T00:41:47.082958497Z " + DETAILS.replace("t4sk", "t%2Fx") + " oops \r\n";
        ServiceLogLine l = read(true, frame(2, line.substring(0, 20)), frame(2, line.substring(20))).get(0);
        assertThat(l.timestamp()).contains(Instant.parse("2026-11-28T00:41:47.082958497Z"));
        assertThat(l.taskId()).isEqualTo("t/x");
        assertThat(l.text()).isEqualTo("oops ");
        assertThat(l.source()).isEqualTo(LogSource.STDERR);
    }

    @Test
    void parse_emptyMessage_andLinesWithoutDetails() throws IOException {
        List<ServiceLogLine> lines = read(false, frame(1, DETAILS + "\njust text"));
        assertThat(lines.get(0).text()).isEmpty();
        assertThat(lines.get(1).text()).isEqualTo("just text");
        assertThat(lines.get(1).taskId()).isEmpty();
    }

    private static List<ServiceLogLine> read(boolean timestamps, byte[]... frames) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] f : frames) {
            all.write(f);
        }
        List<ServiceLogLine> out = new ArrayList<>();
        LogReader.pump(new ByteArrayInputStream(all.toByteArray()), false, timestamps, out::add);
        return out;
    }

    /** One frame of the engine's multiplexed stream: stream id, three zero bytes, big-endian size, payload. */
    private static byte[] frame(int stream, String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] f = new byte[8 + payload.length];
        f[0] = (byte) stream;
        f[4] = (byte) (payload.length >>> 24);
        f[5] = (byte) (payload.length >>> 16);
        f[6] = (byte) (payload.length >>> 8);
        f[7] = (byte) payload.length;
        System.arraycopy(payload, 0, f, 8, payload.length);
        return f;
    }
}
