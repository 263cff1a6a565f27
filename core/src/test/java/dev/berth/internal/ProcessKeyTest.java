package dev.berth.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessKeyTest {

    private static Path stat(Path proc, String pid, String line) throws IOException {
        Path dir = Files.createDirectories(proc.resolve(pid));
        Files.writeString(dir.resolve("stat"), line);
        return dir;
    }

    private static String statLine(String comm, String state, long start) {
        // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime
        // priority nice threads itrealvalue starttime …
        return "42 (" + comm + ") " + state + " 1 42 42 0 -1 4194560 10 0 0 0 5 3 0 0 20 0 12 0 " + start + " 1000 99\n";
    }

    @Test
    void startTicks_readsField22_evenWhenTheCommandNameHasSpacesAndParentheses(@TempDir Path proc) throws IOException {
        assertThat(ProcessKey.startTicks(stat(proc, "42", statLine("java (main) x", "S", 123456))))
                .contains(123456L);
    }

    @Test
    void startTicks_isEmptyForZombiesAndMissingProcesses(@TempDir Path proc) throws IOException {
        assertThat(ProcessKey.startTicks(stat(proc, "42", statLine("java", "Z", 7)))).isEmpty();
        assertThat(ProcessKey.startTicks(proc.resolve("43"))).isEmpty();
    }

    @Test
    void read_givesNoKeyWhenProcHidesOtherUsersProcesses(@TempDir Path proc) throws IOException {
        Files.writeString(proc.resolve("mounts"), "proc /proc proc rw,nosuid,nodev,noexec,relatime,hidepid=2 0 0\n");
        assertThat(ProcessKey.read(proc)).isEmpty();
    }

    @Test
    void self_isThisJvm_andRunsSeenFromItsOwnNamespace() {
        ProcessKey self = ProcessKey.self().orElseThrow(() -> new AssertionError("Linux /proc gives a key"));
        assertThat(self.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(ProcessKey.parse(self.label())).contains(self);
        assertThat(self.runs(Optional.of(self))).contains(true);
    }

    @Test
    void runs_isFalseForAReusedPidOrAGonePid_andUnknownFromAnotherNamespace() {
        ProcessKey self = ProcessKey.self().orElseThrow();
        ProcessKey reused = new ProcessKey(self.namespace(), self.pid(), self.startTicks() + 1);
        assertThat(reused.runs(Optional.of(self))).contains(false);
        ProcessKey gone = new ProcessKey(self.namespace(), Integer.MAX_VALUE, 1);
        assertThat(gone.runs(Optional.of(self))).contains(false);
        ProcessKey elsewhere = new ProcessKey("other-boot/pid:[1]", self.pid(), self.startTicks());
        assertThat(self.runs(Optional.of(elsewhere))).isEmpty();
        assertThat(self.runs(Optional.empty())).isEmpty();
    }

    @Test
    void parse_refusesWhatIsNotAKey() {
        assertThat(ProcessKey.parse("nonsense")).isEmpty();
        assertThat(ProcessKey.parse("a/b/c/d")).isEmpty();
        assertThat(ProcessKey.parse(null)).isEmpty();
    }
}
