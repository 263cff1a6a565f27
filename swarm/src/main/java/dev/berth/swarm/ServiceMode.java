package dev.berth.swarm;

/**
 * How many tasks a service runs: a fixed number ({@code replicated}), one per node ({@code global}), or a job that runs
 * to completion ({@code replicated-job}, {@code global-job}) — {@code docker service create --mode}.
 */
public sealed interface ServiceMode permits ServiceMode.Replicated, ServiceMode.Global, ServiceMode.ReplicatedJob,
        ServiceMode.GlobalJob {

    /** {@code replicated}: keep {@code replicas} tasks running. */
    record Replicated(int replicas) implements ServiceMode {
        public Replicated {
            if (replicas < 0) {
                throw new IllegalArgumentException("replicas must not be negative, was " + replicas);
            }
        }
    }

    /** {@code global}: one task on every node that meets the constraints. */
    record Global() implements ServiceMode {
    }

    /** {@code replicated-job}: run until {@code totalCompletions} tasks succeeded, at most {@code maxConcurrent} at once. */
    record ReplicatedJob(int maxConcurrent, int totalCompletions) implements ServiceMode {
        public ReplicatedJob {
            if (maxConcurrent < 0 || totalCompletions < 0) {
                throw new IllegalArgumentException("maxConcurrent and totalCompletions must not be negative, were "
                        + maxConcurrent + " and " + totalCompletions);
            }
        }
    }

    /** {@code global-job}: run once to completion on every node that meets the constraints. */
    record GlobalJob() implements ServiceMode {
    }

    /** {@code --mode replicated --replicas n}. */
    static Replicated replicated(int replicas) {
        return new Replicated(replicas);
    }

    /** {@code --mode global}. */
    static Global global() {
        return new Global();
    }

    /** {@code --mode replicated-job --replicas n}: n completions, all allowed to run at once (the CLI default). */
    static ReplicatedJob replicatedJob(int totalCompletions) {
        return new ReplicatedJob(totalCompletions, totalCompletions);
    }

    /** {@code --mode replicated-job --replicas total --max-concurrent max}. */
    static ReplicatedJob replicatedJob(int maxConcurrent, int totalCompletions) {
        return new ReplicatedJob(maxConcurrent, totalCompletions);
    }

    /** {@code --mode global-job}. */
    static GlobalJob globalJob() {
        return new GlobalJob();
    }

    /** Whether tasks run to completion instead of being kept running. */
    default boolean isJob() {
        return this instanceof ReplicatedJob || this instanceof GlobalJob;
    }

    /** The CLI's name of the mode: replicated, global, replicated-job, global-job. */
    default String cliName() {
        if (this instanceof Replicated) {
            return "replicated";
        }
        if (this instanceof Global) {
            return "global";
        }
        return this instanceof ReplicatedJob ? "replicated-job" : "global-job";
    }
}
