package dev.berth.maven;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code KEY=VALUE} entries, the docker CLI's spelling of {@code --build-arg}, {@code --label} and {@code -e}. */
final class KeyValues {
    private KeyValues() {
    }

    /** Parses the entries in order (a later key wins); {@code what} names the parameter in error messages. */
    static Map<String, String> parse(List<String> entries, String what) {
        Map<String, String> out = new LinkedHashMap<>();
        if (entries == null) {
            return out;
        }
        for (String entry : entries) {
            int eq = entry == null ? -1 : entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("<" + what + "> entry '" + entry + "' is not KEY=VALUE;"
                        + " write it as NAME=value, e.g. <" + what + ">MODE=test</" + what + ">");
            }
            out.put(entry.substring(0, eq).trim(), entry.substring(eq + 1));
        }
        return out;
    }
}
