package dev.berth.swarm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.internal.Json;
import dev.berth.swarm.ServiceUpdateException;
import dev.berth.swarm.Task;
import dev.berth.swarm.TaskState;
import dev.berth.swarm.UpdateState;
import dev.berth.swarm.UpdateStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The convergence rules, as the docker CLI's progress code applies them, plus Berth's per-task stability. */
class ConvergenceCheckTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Set<String> NODES = Set.of("n1", "n2");
    private static final Duration STABLE = Duration.ofSeconds(1);

    static JsonNode service(String mode, String updateState, String startedAt) {
        String us = updateState == null ? "" : ",\"UpdateStatus\":{\"State\":\"" + updateState
                + "\",\"StartedAt\":\"" + startedAt + "\",\"Message\":\"update rolled back due to failure\"}";
        return Json.read("{\"ID\":\"s1\",\"Spec\":{\"Name\":\"web\",\"Mode\":" + mode + "}" + us + "}");
    }

    static Task task(String id, int slot, String node, TaskState desired, TaskState state, Instant since) {
        return new Task(id, "s1", "web", slot, Optional.ofNullable(node), desired, state, "", Optional.empty(),
                Optional.empty(), Optional.empty(), since, since, "busybox", Map.of(), List.of());
    }

    static ConvergenceCheck.Verdict check(JsonNode service, List<Task> tasks, ConvergenceCheck.Change change) {
        return ConvergenceCheck.evaluate(service, tasks, NODES, Map.of(), change, STABLE);
    }

    @Test
    void replicated_convergesWhenEverySlotRuns_andIsStableAfterTheWindow() {
        JsonNode s = service("{\"Replicated\":{\"Replicas\":2}}", null, null);
        List<Task> tasks = List.of(task("a", 1, "n1", TaskState.RUNNING, TaskState.RUNNING, T0),
                task("b", 2, "n2", TaskState.RUNNING, TaskState.STARTING, T0));
        assertThat(check(s, tasks, null).converged()).isFalse();
        assertThat(check(s, tasks, null).running()).isEqualTo(1);

        List<Task> both = List.of(tasks.get(0), task("b", 2, "n2", TaskState.RUNNING, TaskState.RUNNING,
                T0.plusMillis(500)));
        ConvergenceCheck.Verdict v = check(s, both, null);
        assertThat(v.converged()).isTrue();
        assertThat(v.stableAt()).isEqualTo(T0.plusMillis(1500));
        assertThat(v.done(T0.plusMillis(1499))).isFalse();
        assertThat(v.done(T0.plusMillis(1500))).isTrue();
    }

    @Test
    void replicated_slotFavoursTheTaskWithTheLowestDesiredState() {
        JsonNode s = service("{\"Replicated\":{\"Replicas\":1}}", null, null);
        List<Task> tasks = List.of(task("old", 1, "n1", TaskState.SHUTDOWN, TaskState.RUNNING, T0),
                task("new", 1, "n1", TaskState.RUNNING, TaskState.PREPARING, T0));
        ConvergenceCheck.Verdict v = check(s, tasks, null);
        assertThat(v.running()).isZero();
        assertThat(v.converged()).isFalse();
    }

    @Test
    void tasksOnNodesThatAreDown_doNotCount() {
        JsonNode s = service("{\"Replicated\":{\"Replicas\":1}}", null, null);
        List<Task> tasks = List.of(task("a", 1, "gone", TaskState.RUNNING, TaskState.RUNNING, T0));
        assertThat(check(s, tasks, null).converged()).isFalse();
    }

    @Test
    void runningSince_isBoundedByWhenBerthFirstSawTheTask() {
        JsonNode s = service("{\"Replicated\":{\"Replicas\":1}}", null, null);
        Instant engineClockAhead = T0.plusSeconds(30);
        List<Task> tasks = List.of(task("a", 1, "n1", TaskState.RUNNING, TaskState.RUNNING, engineClockAhead));
        ConvergenceCheck.Verdict v = ConvergenceCheck.evaluate(s, tasks, NODES, Map.of("a", T0), null, STABLE);
        assertThat(v.stableAt()).isEqualTo(T0.plus(STABLE));
    }

    @Test
    void global_convergesWhenEachNodesTaskRuns() {
        JsonNode s = service("{\"Global\":{}}", null, null);
        List<Task> tasks = new ArrayList<>(List.of(task("a", 0, "n1", TaskState.RUNNING, TaskState.RUNNING, T0),
                task("b", 0, "n2", TaskState.RUNNING, TaskState.ASSIGNED, T0)));
        assertThat(check(s, tasks, null).converged()).isFalse();
        tasks.set(1, task("b", 0, "n2", TaskState.RUNNING, TaskState.RUNNING, T0));
        ConvergenceCheck.Verdict v = check(s, tasks, null);
        assertThat(v.converged()).isTrue();
        assertThat(v.desired()).isEqualTo(2);
        assertThat(check(s, List.of(), null).converged()).as("no tasks yet").isFalse();
    }

    @Test
    void replicatedJob_isDoneWhenEnoughTasksCompleted() {
        JsonNode s = service("{\"ReplicatedJob\":{\"MaxConcurrent\":2,\"TotalCompletions\":2}}", null, null);
        List<Task> tasks = List.of(task("a", 1, "n1", TaskState.COMPLETE, TaskState.COMPLETE, T0),
                task("b", 2, "n2", TaskState.COMPLETE, TaskState.RUNNING, T0));
        assertThat(check(s, tasks, null).converged()).isFalse();
        List<Task> done = List.of(tasks.get(0), task("b", 2, "n2", TaskState.COMPLETE, TaskState.COMPLETE, T0));
        assertThat(check(s, done, null).done(T0)).isTrue();
    }

    @Test
    void rollbackOfOwnUpdate_fails_butAnOlderRollbackIsHistory() {
        String started = "2026-01-01T00:00:05Z";
        JsonNode s = service("{\"Replicated\":{\"Replicas\":1}}", "rollback_completed", started);
        List<Task> tasks = List.of(task("a", 1, "n1", TaskState.RUNNING, TaskState.RUNNING, T0));

        ConvergenceCheck.Verdict own = check(s, tasks, new ConvergenceCheck.Change(Optional.empty(), false));
        assertThat(own.failure()).get().extracting(ServiceUpdateException::status).extracting(UpdateStatus::state)
                .isEqualTo(UpdateState.ROLLBACK_COMPLETED);
        assertThat(own.failure().get()).hasMessageContaining("was rolled back")
                .hasMessageContaining("update rolled back due to failure");

        UpdateStatus before = new UpdateStatus(UpdateState.ROLLBACK_COMPLETED, Optional.of(Instant.parse(started)),
                Optional.empty(), "");
        assertThat(check(s, tasks, new ConvergenceCheck.Change(Optional.of(before), false)).failure()).isEmpty();
        assertThat(check(s, tasks, null).failure()).isEmpty();
        assertThat(check(s, tasks, new ConvergenceCheck.Change(Optional.empty(), true)).failure())
                .as("a requested rollback completing is success").isEmpty();
    }

    @Test
    void pausedUpdate_fails_andAnUpdateInProgressIsNotConverged() {
        List<Task> tasks = List.of(task("a", 1, "n1", TaskState.RUNNING, TaskState.RUNNING, T0));
        JsonNode paused = service("{\"Replicated\":{\"Replicas\":1}}", "paused", "2026-01-01T00:00:05Z");
        assertThat(check(paused, tasks, null).failure()).get().extracting(Throwable::getMessage).asString()
                .contains("is paused").contains("service.rollback()");
        JsonNode updating = service("{\"Replicated\":{\"Replicas\":1}}", "updating", "2026-01-01T00:00:05Z");
        assertThat(check(updating, tasks, null).converged()).isFalse();
        assertThat(check(updating, tasks, null).update()).contains(UpdateState.UPDATING);
    }

    @Test
    void describe_namesCountsAndTaskErrors() {
        JsonNode s = service("{\"Replicated\":{\"Replicas\":2}}", null, null);
        Task failed = new Task("f", "s1", "web", 2, Optional.of("n1"), TaskState.RUNNING, TaskState.REJECTED, "",
                Optional.of("No such image: nope:1"), Optional.empty(), Optional.empty(), T0, T0, "nope:1", Map.of(),
                List.of());
        String state = check(s, List.of(task("a", 1, "n1", TaskState.RUNNING, TaskState.RUNNING, T0), failed), null)
                .state();
        assertThat(state).contains("service 'web': 1/2 tasks running").contains("No such image: nope:1");
    }

    /** Pins: a node down (the CLI's rule) or drained (Berth's addition) keeps no tasks; a paused one keeps them. */
    @Test
    void nodesThatKeepTheirTasks_areNeitherDownNorDrained() {
        assertThat(ServiceOps.keepsTasks(node("ready", "active"))).isTrue();
        assertThat(ServiceOps.keepsTasks(node("ready", "pause"))).as("paused: no new tasks, old ones stay").isTrue();
        assertThat(ServiceOps.keepsTasks(node("down", "active"))).isFalse();
        assertThat(ServiceOps.keepsTasks(node("ready", "drain"))).as("the swarm moves a drained node's tasks")
                .isFalse();
    }

    private static JsonNode node(String state, String availability) {
        return Json.read("{\"ID\":\"n1\",\"Spec\":{\"Availability\":\"" + availability + "\"},\"Status\":{\"State\":\""
                + state + "\"}}");
    }
}
