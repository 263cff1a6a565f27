package dev.berth.compose.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Loads {@code include} entries as sub-projects and imports their resources (compose-go include.go). */
final class IncludeResolver {
    private final LoadContext ctx;
    private final FileLoader loader;
    private final FileLoader.Settings settings;

    IncludeResolver(LoadContext ctx, FileLoader loader, FileLoader.Settings settings) {
        this.ctx = ctx;
        this.loader = loader;
        this.settings = settings;
    }

    void apply(Map<String, Object> model, Path workingDir, Map<String, String> env, List<Path> included) {
        Object source = model.get("include");
        if (source == null) {
            model.remove("include");
            return;
        }
        if (!(source instanceof List<?> entries)) {
            throw new Problem("include", "`include` must be a list, got " + Go.sprint(source));
        }
        int i = 0;
        for (Object e : entries) {
            String path = "include." + i++;
            Map<String, Object> cfg;
            if (e instanceof String s) {
                cfg = new LinkedHashMap<>();
                cfg.put("path", s);
            } else if (e instanceof Map<?, ?>) {
                cfg = Types.asMap(e);
            } else {
                throw new Problem(path, path + " must be a string or a mapping with path, project_directory and env_file");
            }
            List<String> paths = stringList(cfg.get("path"), path + ".path");
            if (paths.isEmpty()) {
                throw new Problem(path, path + ".path is required");
            }
            List<Path> files = new ArrayList<>();
            Path projectDir = null;
            for (int k = 0; k < paths.size(); k++) {
                Path p = workingDir.resolve(Paths0.expandUser(paths.get(k))).normalize();
                if (!Files.exists(p)) {
                    throw new Problem(path + ".path", "include " + paths.get(k) + ": file " + p + " not found; fix the include path");
                }
                if (k == 0) {
                    Object pd = cfg.get("project_directory");
                    if (pd == null || "".equals(pd)) {
                        projectDir = p.getParent();
                    } else {
                        projectDir = workingDir.resolve(Paths0.expandUser(Go.sprint(pd))).normalize();
                    }
                    for (Path f : included) {
                        if (f.equals(p)) {
                            StringBuilder b = new StringBuilder("include cycle detected:\n").append(included.get(0));
                            List<Path> rest = new ArrayList<>(included.subList(1, included.size()));
                            rest.add(p);
                            for (Path r : rest) {
                                b.append("\n include ").append(r);
                            }
                            throw new Problem(path, b.toString());
                        }
                    }
                }
                files.add(p);
            }
            List<Path> envFiles = new ArrayList<>();
            List<String> declared = stringList(cfg.get("env_file"), path + ".env_file");
            if (declared.isEmpty()) {
                Path f = projectDir.resolve(".env");
                if (Files.isRegularFile(f)) {
                    envFiles.add(f);
                }
            } else {
                for (String f : declared) {
                    Path p = workingDir.resolve(f).normalize();
                    if (!Files.exists(p)) {
                        throw new Problem(path + ".env_file", "include env_file " + f + ": " + p + " not found; fix the env_file path");
                    }
                    if (Files.isDirectory(p)) {
                        throw new Problem(path + ".env_file", p + " is not a file");
                    }
                    envFiles.add(p);
                }
            }
            Map<String, String> fromFile;
            try {
                fromFile = DotEnv.readFiles(envFiles, env, ctx::warn);
            } catch (IOException ex) {
                throw new Problem(path + ".env_file", "cannot read env file: " + ex.getMessage());
            } catch (DotEnv.DotEnvException ex) {
                throw new Problem(path + ".env_file", "failed to read env file: " + ex.getMessage());
            }
            Map<String, String> subEnv = new LinkedHashMap<>(env);
            fromFile.forEach(subEnv::putIfAbsent);
            Map<String, Object> imported = loader.loadModel(files, projectDir, subEnv, settings.forInclude(), included);
            importResources(imported, model);
        }
        model.remove("include");
    }

    private static List<String> stringList(Object v, String path) {
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (v instanceof String s) {
            out.add(s);
            return out;
        }
        if (v instanceof List<?> l) {
            for (Object o : l) {
                if (!(o instanceof String s)) {
                    throw new Problem(path, path + " must be a string or a list of strings");
                }
                out.add(s);
            }
            return out;
        }
        throw new Problem(path, path + " must be a string or a list of strings");
    }

    private static void importResources(Map<String, Object> source, Map<String, Object> target) {
        for (String key : new String[]{"services", "volumes", "networks", "secrets", "configs"}) {
            Map<String, Object> from = Types.asMap(source.get(key));
            if (from == null) {
                continue;
            }
            Map<String, Object> to = Types.asMap(target.get(key));
            if (to == null) {
                to = new LinkedHashMap<>();
            }
            for (Map.Entry<String, Object> e : from.entrySet()) {
                if (to.containsKey(e.getKey())) {
                    if (Objects.equals(e.getValue(), to.get(e.getKey()))) {
                        continue;
                    }
                    throw new Problem(key + "." + e.getKey(), key + "." + e.getKey() + " conflicts with imported resource");
                }
                to.put(e.getKey(), e.getValue());
            }
            target.put(key, to);
        }
    }
}
