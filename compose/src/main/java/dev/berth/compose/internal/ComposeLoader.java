package dev.berth.compose.internal;

import dev.berth.compose.ComposeFileException;
import dev.berth.compose.LoadOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The loader pipeline: project options (environment, files, name, profiles), then {@link FileLoader} per file, then
 * normalization, profiles, consistency checks and environment resolution, as {@code docker compose config} does.
 */
public final class ComposeLoader {
    static final List<String> DEFAULT_FILES = List.of("compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml");
    static final List<String> OVERRIDE_FILES = List.of("compose.override.yml", "compose.override.yaml",
            "docker-compose.override.yml", "docker-compose.override.yaml");
    private static final Pattern NAME_CHARS = Pattern.compile("[^a-z0-9_-]");

    private final LoadContext ctx = new LoadContext();

    private ComposeLoader() {
    }

    /** Loads a project; every failure is a {@link ComposeFileException}. */
    public static LoadResult load(LoadOptions options) {
        ComposeLoader l = new ComposeLoader();
        try {
            return l.run(options);
        } catch (Problem p) {
            Mark m = l.ctx.marks.find(p.path(), p.file());
            throw new ComposeFileException(m.file(), m.line(), m.column(), p.path(), p.getMessage());
        } catch (Located p) {
            throw new ComposeFileException(p.mark().file(), p.mark().line(), p.mark().column(), p.path(), p.getMessage());
        } catch (ComposeFileException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new ComposeFileException(null, 0, 0, "", "cannot load the compose project: " + e, e);
        }
    }

    private LoadResult run(LoadOptions o) {
        Map<String, String> env = new LinkedHashMap<>(o.environment());
        env.putAll(o.envOverrides());
        Path cwd = Path.of("").toAbsolutePath();
        Path projectDir = o.projectDirectory() == null ? null : cwd.resolve(o.projectDirectory()).normalize();
        List<Path> files = new ArrayList<>();
        for (Path f : o.files()) {
            files.add(cwd.resolve(f).normalize());
        }
        if (files.isEmpty()) {
            files = fromComposeFileVariable(env, cwd);
        }
        Path workingDir = projectDir != null ? projectDir : files.isEmpty() ? cwd : files.get(0).getParent();
        Map<String, String> fromDotEnv = dotEnv(o, env, workingDir);
        fromDotEnv.forEach(env::putIfAbsent);
        if (files.isEmpty()) {
            files = fromComposeFileVariable(env, cwd);
        }
        if (files.isEmpty()) {
            files = discover(projectDir != null ? projectDir : cwd);
            if (projectDir == null && !files.isEmpty()) {
                workingDir = files.get(0).getParent();
            }
        }
        if (files.isEmpty()) {
            throw new Problem("", "no configuration file provided: not found; pass a compose file or create compose.yaml in "
                    + (projectDir != null ? projectDir : cwd));
        }
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new Located(new Mark(f, 0, 0), "", "open " + f + ": no such file or directory; check the -f path");
            }
        }
        List<String> profiles = new ArrayList<>(o.profiles());
        if (profiles.isEmpty()) {
            for (String s : env.getOrDefault("COMPOSE_PROFILES", "").split(",", -1)) {
                profiles.add(s.trim());
            }
        }
        String name = projectName(o, env, files, workingDir);
        env.put("COMPOSE_PROJECT_NAME", name);

        FileLoader.Settings settings = new FileLoader.Settings(o.interpolate(), true, false, false, false, false);
        Map<String, Object> dict = new FileLoader(ctx).loadModel(files, workingDir, env, settings, List.of());
        if (dict.isEmpty()) {
            throw new Problem("", "empty compose file; add a services: section");
        }
        if (name.isEmpty()) {
            throw new Problem("name", "project name must not be empty; set name: or pass a project name");
        }
        dict.put("name", name);
        Normalizer.normalize(dict, env);
        ProjectAssembler.Result r = ProjectAssembler.assemble(dict, profiles, env, o.interpolate(), ctx);
        return new LoadResult(name, workingDir, files, env, r.tree(), r.disabled(), r.rendered(), o.interpolate(), ctx.warnings());
    }

    private Map<String, String> dotEnv(LoadOptions o, Map<String, String> env, Path workingDir) {
        List<Path> envFiles = new ArrayList<>();
        for (Path f : o.envFiles()) {
            envFiles.add(Path.of("").toAbsolutePath().resolve(f).normalize());
        }
        if (envFiles.isEmpty()) {
            String disable = env.get("COMPOSE_DISABLE_ENV_FILE");
            if (disable != null && (disable.equals("1") || disable.equalsIgnoreCase("true") || disable.equals("t"))) {
                return Map.of();
            }
            Path def = workingDir.resolve(".env");
            if (Files.isRegularFile(def)) {
                envFiles.add(def);
            }
        }
        for (Path f : envFiles) {
            if (!Files.exists(f)) {
                throw new Located(new Mark(f, 0, 0), "", "Couldn't find env file: " + f + "; check the --env-file path");
            }
            if (Files.isDirectory(f)) {
                throw new Located(new Mark(f, 0, 0), "", f + " is a directory; --env-file needs a file");
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Path f : envFiles) {
            try {
                out.putAll(DotEnv.readFiles(List.of(f), mergedLookup(env, out), ctx::warn));
            } catch (DotEnv.DotEnvException e) {
                throw new Located(new Mark(f, e.line(), 1), "", "failed to read " + f + ": " + e.getMessage());
            } catch (IOException e) {
                throw new Located(new Mark(f, 0, 0), "", "Couldn't read env file: " + f + ": " + e.getMessage());
            }
        }
        return out;
    }

    private static Map<String, String> mergedLookup(Map<String, String> env, Map<String, String> earlier) {
        Map<String, String> m = new LinkedHashMap<>(earlier);
        m.putAll(env);
        return m;
    }

    private static List<Path> fromComposeFileVariable(Map<String, String> env, Path cwd) {
        List<Path> files = new ArrayList<>();
        String f = env.get("COMPOSE_FILE");
        if (f == null) {
            return files;
        }
        String sep = env.getOrDefault("COMPOSE_PATH_SEPARATOR", "");
        if (sep.isEmpty()) {
            sep = ":";
        }
        for (String p : f.split(Pattern.quote(sep), -1)) {
            files.add(cwd.resolve(p).normalize());
        }
        return files;
    }

    private List<Path> discover(Path dir) {
        Path pwd = dir;
        while (pwd != null) {
            List<Path> candidates = find(DEFAULT_FILES, pwd);
            if (!candidates.isEmpty()) {
                List<Path> out = new ArrayList<>();
                if (candidates.size() > 1) {
                    ctx.warn("Found multiple config files with supported names: " + join(candidates));
                    ctx.warn("Using " + candidates.get(0));
                }
                out.add(candidates.get(0));
                List<Path> overrides = find(OVERRIDE_FILES, pwd);
                if (!overrides.isEmpty()) {
                    if (overrides.size() > 1) {
                        ctx.warn("Found multiple override files with supported names: " + join(overrides));
                        ctx.warn("Using " + overrides.get(0));
                    }
                    out.add(overrides.get(0));
                }
                return out;
            }
            pwd = pwd.getParent();
        }
        return List.of();
    }

    private static String join(List<Path> l) {
        List<String> s = new ArrayList<>();
        l.forEach(p -> s.add(p.toString()));
        return String.join(", ", s);
    }

    private static List<Path> find(List<String> names, Path dir) {
        List<Path> out = new ArrayList<>();
        for (String n : names) {
            Path f = dir.resolve(n);
            if (Files.exists(f)) {
                out.add(f);
            }
        }
        return out;
    }

    private String projectName(LoadOptions o, Map<String, String> env, List<Path> files, Path workingDir) {
        if (o.projectName() != null && !o.projectName().isEmpty()) {
            return checkedName(o.projectName(), "the project name");
        }
        String fromEnv = env.get("COMPOSE_PROJECT_NAME");
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return checkedName(fromEnv, "COMPOSE_PROJECT_NAME");
        }
        String fromFiles = "";
        boolean named = false;
        FileLoader reader = new FileLoader(ctx);
        for (Path f : files) {
            List<YamlReader.Document> docs = reader.read(f);
            if (o.interpolate()) {
                ctx.parsed.put(f, docs);
            }
            for (YamlReader.Document d : docs) {
                if (d.root() instanceof Map<?, ?> m && m.get("name") instanceof String n && !n.isEmpty()) {
                    fromFiles = n;
                    named = true;
                }
            }
        }
        if (o.interpolate() && !fromFiles.isEmpty()) {
            try {
                fromFiles = new Template(env::get, ctx::warn).substitute(fromFiles);
            } catch (Template.TemplateException e) {
                throw new Problem("name", e.invalid() ? "invalid interpolation format for name.\nYou may need to escape any $ with another $.\n" + fromFiles
                        : "error while interpolating name: " + e.getMessage());
            }
        }
        String normalized = normalizeName(fromFiles);
        if (!normalized.isEmpty()) {
            return normalized;
        }
        if (named) {
            return "";
        }
        return normalizeName(workingDir.getFileName() == null ? "" : workingDir.getFileName().toString());
    }

    private static String checkedName(String name, String what) {
        if (!normalizeName(name).equals(name)) {
            throw new Problem("", "invalid project name \"" + name + "\": must consist only of lowercase alphanumeric characters,"
                    + " hyphens, and underscores as well as start with a letter or number (" + what + ")");
        }
        return name;
    }

    /** compose-go NormalizeProjectName: lowercase, keep [a-z0-9_-], trim leading _ and -. */
    public static String normalizeName(String s) {
        String lower = NAME_CHARS.matcher(s.toLowerCase(java.util.Locale.ROOT)).replaceAll("");
        int i = 0;
        while (i < lower.length() && (lower.charAt(i) == '_' || lower.charAt(i) == '-')) {
            i++;
        }
        return lower.substring(i);
    }
}
