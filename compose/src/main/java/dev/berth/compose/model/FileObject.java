package dev.berth.compose.model;

import java.util.Map;

/**
 * A top-level secret or config: exactly one source among {@code file} (absolute path), {@code environment} (a variable
 * name), {@code content} (configs only) or {@code external}. {@code content} holds the resolved value of
 * {@code environment} sources; never log it for secrets.
 */
public record FileObject(String key, String name, String file, String environment, String content, boolean external,
                         Map<String, String> labels, String driver, Map<String, Object> raw) {
    @Override
    public String toString() {
        return "FileObject[key=" + key + ", name=" + name + ", file=" + file + ", environment=" + environment
                + ", external=" + external + "]";
    }
}
