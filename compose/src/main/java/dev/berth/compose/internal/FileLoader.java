package dev.berth.compose.internal;

import dev.berth.internal.Utf8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads a list of Compose files into one merged tree, file by file and document by document: interpolate, extends,
 * {@code !reset}, include, merge, uniqueness, schema, canonical form (compose-go {@code loadYamlFile}).
 */
final class FileLoader {
    /** Per-load switches, the counterpart of compose-go's loader Options. */
    record Settings(boolean interpolate, boolean resolvePaths, boolean skipExtends, boolean skipInclude,
                    boolean skipValidation, boolean skipDefaults) {
        Settings forExtendsBase() {
            return new Settings(interpolate, false, true, true, true, true);
        }

        Settings forInclude() {
            return new Settings(interpolate, true, skipExtends, skipInclude, skipValidation, skipDefaults);
        }
    }

    private final LoadContext ctx;

    FileLoader(LoadContext ctx) {
        this.ctx = ctx;
    }

    /** compose-go loadYamlModel: all files, then defaults, checks, relative paths and environment. */
    Map<String, Object> loadModel(List<Path> files, Path workingDir, Map<String, String> env, Settings s,
                                  List<Path> included) {
        Map<String, Object> dict = new LinkedHashMap<>();
        for (Path f : files) {
            dict = loadFile(f, dict, workingDir, env, s, new ArrayList<>(included), new ExtendsResolver.Tracker());
        }
        if (!s.skipDefaults()) {
            Canonical.defaults(dict);
        }
        if (!s.skipValidation()) {
            Checks.validate(dict);
        }
        if (s.resolvePaths()) {
            PathResolver.resolve(dict, workingDir);
        }
        Environment.resolve(dict, env);
        return dict;
    }

    Map<String, Object> loadFile(Path file, Map<String, Object> dict, Path workingDir, Map<String, String> env,
                                 Settings s, List<Path> included, ExtendsResolver.Tracker tracker) {
        List<YamlReader.Document> docs = s.interpolate() ? ctx.parsed.remove(file) : null;
        if (docs == null) {
            docs = read(file);
        }
        for (YamlReader.Document doc : docs) {
            try {
                dict = processDocument(file, doc, dict, workingDir, env, s, included, tracker);
            } catch (Problem p) {
                throw p.file() == null ? new Problem(p.path(), file, p.getMessage()) : p;
            }
        }
        return dict;
    }

    List<YamlReader.Document> read(Path file) {
        String content;
        try {
            content = Utf8.decode(Files.readAllBytes(file));
        } catch (Utf8.MalformedException e) {
            throw new Located(new Mark(file, e.line(), e.column()), "", "the file is not UTF-8 text: " + e.getMessage()
                    + "; save it as UTF-8");
        } catch (IOException e) {
            throw new Located(new Mark(file, 0, 0), "", "cannot read " + file + ": " + e.getMessage()
                    + "; check that the file exists and is readable");
        }
        ctx.marks.touch(file);
        return new YamlReader(file, ctx.marks, ctx.keys).read(content);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> processDocument(Path file, YamlReader.Document doc, Map<String, Object> dict, Path workingDir,
                                                Map<String, String> env, Settings s, List<Path> included,
                                                ExtendsResolver.Tracker tracker) {
        if (!(doc.root() instanceof Map<?, ?> root)) {
            throw new Located(doc.start(), "", "Top-level object must be a mapping; a Compose file starts with keys such as services:");
        }
        Map<String, Object> cfg = (Map<String, Object>) root;
        if (s.interpolate()) {
            cfg = new Interpolator(k -> lookup(env, k), ctx::warn).interpolate(cfg);
        }
        if (!s.skipExtends()) {
            new ExtendsResolver(ctx, this, s).apply(cfg, file, workingDir, env, tracker, doc.resetPaths());
        }
        Resets.apply(dict, doc.resetPaths());
        if (!s.skipInclude()) {
            List<Path> inc = new ArrayList<>(included);
            inc.add(file);
            new IncludeResolver(ctx, this, s).apply(cfg, workingDir, env, inc);
        }
        dict = Merger.merge(dict, cfg);
        Unicity.enforce(dict);
        if (!s.skipValidation()) {
            SchemaValidator.Violation v = SchemaValidator.validate(dict);
            if (v != null) {
                throw new Problem(v.path(), file, "validating " + file + ": " + v.message());
            }
            if (dict.containsKey("version")) {
                ctx.warnOnce(file + ": the attribute `version` is obsolete, it will be ignored, please remove it to avoid potential confusion");
                dict.remove("version");
            }
        }
        dict = Canonical.canonical(dict, !s.interpolate(), ctx::warn);
        Canonical.omitEmpty(dict);
        Unicity.enforce(dict);
        return dict;
    }

    static String lookup(Map<String, String> env, String key) {
        return env.get(key);
    }
}
