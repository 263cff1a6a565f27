package dev.berth.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code LABEL key=value …}: one or more pairs, written in the {@code key=value} form. */
public record Label(List<KeyValue> pairs) implements Instruction {

    /** Requires at least one pair. */
    public Label {
        pairs = Checks.list("LABEL", pairs);
        if (pairs.isEmpty()) {
            throw new DockerfileValueException("LABEL", "", "LABEL needs at least one key=value pair");
        }
    }

    /** {@code LABEL key=value}. */
    public static Label of(String key, String value) {
        return new Label(List.of(KeyValue.of(key, value)));
    }

    /** {@code LABEL} with the map's pairs in its iteration order. */
    public static Label of(Map<String, String> pairs) {
        List<KeyValue> list = new ArrayList<>();
        pairs.forEach((k, v) -> list.add(KeyValue.of(k, v)));
        return new Label(list);
    }

    @Override
    public String keyword() {
        return "LABEL";
    }

    @Override
    public void writeTo(DockerfileWriter out) {
        out.begin("LABEL");
        for (KeyValue kv : pairs) {
            out.pair(kv.key(), kv.value());
        }
        out.end();
    }
}
