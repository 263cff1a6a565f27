package dev.berth.compose.internal;

import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.parser.Parser;

import java.nio.file.Path;

/**
 * A parser that refuses collections nested more than {@link YamlReader#MAX_DEPTH} deep, where they start, before
 * snakeyaml's recursive composer would overflow the stack on them.
 */
final class DepthLimit implements Parser {
    private final Path file;
    private final Parser parser;
    private int depth;

    DepthLimit(Path file, Parser parser) {
        this.file = file;
        this.parser = parser;
    }

    @Override
    public boolean checkEvent(Event.ID id) {
        return parser.checkEvent(id);
    }

    @Override
    public Event peekEvent() {
        return parser.peekEvent();
    }

    @Override
    public boolean hasNext() {
        return parser.hasNext();
    }

    @Override
    public Event next() {
        Event e = parser.next();
        switch (e.getEventId()) {
            case MappingStart, SequenceStart -> {
                if (++depth > YamlReader.MAX_DEPTH) {
                    Mark at = e.getStartMark().map(m -> new Mark(file, m.getLine() + 1, m.getColumn() + 1))
                            .orElse(new Mark(file, 0, 0));
                    throw new Located(at, "", "nested more than " + YamlReader.MAX_DEPTH
                            + " levels deep; flatten the structure");
                }
            }
            case MappingEnd, SequenceEnd -> depth--;
            default -> {
            }
        }
        return e;
    }
}
