package dev.berth.dockerfile.lint;

/** A rule the linter knows: its id (hadolint's {@code DLxxxx}, or {@code BERTHxxx}), severity and message. */
public record LintRule(String id, Severity severity, String message) {}
