package dev.berth.swarm.internal;

import dev.berth.container.LogSource;
import dev.berth.swarm.ServiceLogLine;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Parsing {@code docker service logs --details} lines as the docker CLI's log writer does. */
class LogReaderTest {
    private static final String DETAILS = "com.docker.swarm.node.id=n0de,com.docker.swarm.service.id=s3rv,"
            + "com.docker.swarm.task.id=t4sk";

    @Test
    void parse_detailsThenMessage() {
        ServiceLogLine l = LogReader.parse(DETAILS + " hello world", 1, false);
        assertThat(l.taskId()).isEqualTo("t4sk");
        assertThat(l.nodeId()).isEqualTo("n0de");
        assertThat(l.text()).isEqualTo("hello world");
        assertThat(l.source()).isEqualTo(LogSource.STDOUT);
        assertThat(l.timestamp()).isEmpty();
    }

    @Test
    void parse_timestampFirst_stderr_urlEncodedValues() {
        ServiceLogLine l = LogReader.parse("2026-11-28T00:41:47.082958497Z " + DETAILS.replace("t4sk", "t%2Fx")
                + " oops ", 2, true);
        assertThat(l.timestamp()).contains(Instant.parse("2026-11-28T00:41:47.082958497Z"));
        assertThat(l.taskId()).isEqualTo("t/x");
        assertThat(l.text()).isEqualTo("oops ");
        assertThat(l.source()).isEqualTo(LogSource.STDERR);
    }

    @Test
    void parse_emptyMessage_andLinesWithoutDetails() {
        assertThat(LogReader.parse(DETAILS, 1, false).text()).isEmpty();
        ServiceLogLine plain = LogReader.parse("just text", 1, false);
        assertThat(plain.text()).isEqualTo("just text");
        assertThat(plain.taskId()).isEmpty();
    }
}
