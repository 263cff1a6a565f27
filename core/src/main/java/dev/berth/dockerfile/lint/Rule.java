package dev.berth.dockerfile.lint;

import java.util.List;

/** A lint rule: a descriptor and a check that returns the lines it fails on. */
record Rule(LintRule info, Check check) {

    /** Finds the failing lines of one rule in a scanned Dockerfile. */
    @FunctionalInterface
    interface Check {
        void run(Scan scan, List<Integer> failures);
    }

    static Rule of(String id, Severity severity, String message, Check check) {
        return new Rule(new LintRule(id, severity, message), check);
    }
}
