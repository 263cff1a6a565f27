package dev.berth.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code ENV key=value …}: one or more pairs, written in the {@code key=value} form. */
public record Env(List<KeyValue> pairs) implements Instruction {

    /** Requires at least one pair. */
    public Env {
        pairs = Checks.list("ENV", pairs);
        if (pairs.isEmpty()) {
            throw new DockerfileValueException("ENV", "", "ENV needs at least one key=value pair");
        }
    }

    /** {@code ENV key=value}. */
    public static Env of(String key, String value) {
        return new Env(List.of(KeyValue.of(key, value)));
    }

    /** {@code ENV} with the map's pairs in its iteration order. */
    public static Env of(Map<String, String> pairs) {
        List<KeyValue> list = new ArrayList<>();
        pairs.forEach((k, v) -> list.add(KeyValue.of(k, v)));
        return new Env(list);
    }

    @Override
    public String keyword() {
        return "ENV";
    }

    @Override
    public void writeTo(DockerfileWriter out) {
        out.begin("ENV");
        for (KeyValue kv : pairs) {
            out.pair(kv.key(), kv.value());
        }
        out.end();
    }
}
