package dev.berth.testing.fuzz;

/** The kinds of damage {@link Mutator} does to an input; each fuzzed input gets exactly one. */
public enum Mutation {
    /** The input cut at a random byte. */
    TRUNCATION("truncation"),
    /** A value replaced by one of another type: scalar, list or mapping; a flag, a form or a keyword. */
    TYPE_SWAP("type swap"),
    /** A line, or a line and the block under it, indented more or less, or with a tab. */
    INDENTATION("wrong indentation"),
    /** Undefined, self-referencing or exponentially expanding YAML anchors, aliases and merge keys. */
    BAD_ANCHOR("bad anchors"),
    /** Very long strings, numbers, lines and keys; deep nesting; many entries. */
    HUGE_VALUE("huge values"),
    /** Bytes that are not UTF-8: stray continuation bytes, overlong forms, surrogates, truncated sequences, Latin-1. */
    INVALID_UTF8("invalid UTF-8"),
    /** One to three random edits: a token inserted or swapped in, a character deleted, a line duplicated or dropped. */
    TOKEN_EDIT("token edits");

    private final String title;

    Mutation(String title) {
        this.title = title;
    }

    /** How the figures in docs/reliability.md name this mutation. */
    public String title() {
        return title;
    }
}
