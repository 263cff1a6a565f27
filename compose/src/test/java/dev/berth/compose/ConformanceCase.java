package dev.berth.compose;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * One project of the conformance corpus: a folder under {@code src/test/resources/conformance} with compose files and a
 * {@code case.properties} holding the {@code config} flags ({@code args=}) and the process environment ({@code env.K=}).
 */
record ConformanceCase(String name, Path dir, List<String> args, Map<String, String> env) {
    static final Path ROOT = Path.of("src/test/resources/conformance").toAbsolutePath();

    static List<ConformanceCase> all() throws IOException {
        List<ConformanceCase> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(ROOT)) {
            for (Path d : s.sorted().toList()) {
                Path props = d.resolve("case.properties");
                if (!Files.isRegularFile(props)) {
                    continue;
                }
                Properties p = new Properties();
                try (Reader r = Files.newBufferedReader(props, StandardCharsets.UTF_8)) {
                    p.load(r);
                }
                String a = p.getProperty("args", "").trim();
                List<String> args = a.isEmpty() ? List.of() : Arrays.asList(a.split("\\s+"));
                Map<String, String> env = new LinkedHashMap<>();
                for (String k : p.stringPropertyNames()) {
                    if (k.startsWith("env.")) {
                        env.put(k.substring(4), p.getProperty(k));
                    }
                }
                out.add(new ConformanceCase(d.getFileName().toString(), d, args, env));
            }
        }
        return out;
    }

    /** The same case read from a copy of its folder. */
    ConformanceCase withDir(Path other) {
        return new ConformanceCase(name, other, args, env);
    }

    /** The same flags as LoadOptions, paths resolved against the case folder (the peer runs inside it). */
    LoadOptions options() {
        LoadOptions.Builder b = LoadOptions.builder().environment(env);
        boolean projectDir = false;
        boolean files = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "-f" -> {
                    b.file(dir.resolve(args.get(++i)));
                    files = true;
                }
                case "-p" -> b.projectName(args.get(++i));
                case "--profile" -> b.profile(args.get(++i));
                case "--env-file" -> b.envFile(dir.resolve(args.get(++i)));
                case "--project-directory" -> {
                    b.projectDirectory(dir.resolve(args.get(++i)).normalize());
                    projectDir = true;
                }
                case "--no-interpolate" -> b.interpolate(false);
                default -> throw new IllegalArgumentException("unsupported flag " + a + " in " + name);
            }
        }
        if (!projectDir && !files) {
            b.projectDirectory(dir);
        }
        return b.build();
    }
}
