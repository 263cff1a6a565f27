package dev.berth.container;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code docker run --env-file} files exactly as the docker CLI's {@code opts.ParseEnvFile} does. */
final class EnvFile {
    private EnvFile() {
    }

    static Map<String, String> read(Path file, Map<String, String> processEnv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read env file " + file + ": " + e.getMessage(), e);
        }
        return parse(file.toString(), lines, processEnv);
    }

    static Map<String, String> parse(String source, List<String> lines, Map<String, String> processEnv) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            line = line.stripLeading();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String key = eq < 0 ? line : line.substring(0, eq);
            if (key.isEmpty()) {
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": no variable name on line '" + line + "'");
            }
            if (key.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": variable '" + key.strip()
                        + "' contains whitespaces");
            }
            if (eq >= 0) {
                out.put(key, line.substring(eq + 1));
            } else if (processEnv.containsKey(key)) {
                out.put(key, processEnv.get(key));
            }
        }
        return out;
    }
}
