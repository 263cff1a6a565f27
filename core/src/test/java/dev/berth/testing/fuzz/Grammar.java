package dev.berth.testing.fuzz;

import java.util.List;
import java.util.Random;

/** What {@link Mutator} needs to know about one kind of input: its tokens and its format-aware mutations. */
public interface Grammar {
    /** The mutations that make sense for this kind of input, in the order inputs cycle through them (no anchors). */
    default List<Mutation> mutations() {
        return java.util.Arrays.stream(Mutation.values()).filter(m -> m != Mutation.BAD_ANCHOR).toList();
    }

    /** Tokens that {@link Mutation#TOKEN_EDIT} inserts or swaps in. */
    List<String> tokens();

    /** Applies {@link Mutation#TYPE_SWAP}. */
    String typeSwap(String text, Random random);

    /** Applies {@link Mutation#HUGE_VALUE}. */
    String hugeValue(String text, Random random);

    /** Applies {@link Mutation#BAD_ANCHOR}; only grammars that list it implement it. */
    default String badAnchor(String text, Random random) {
        throw new UnsupportedOperationException("no anchors in this kind of input");
    }
}
