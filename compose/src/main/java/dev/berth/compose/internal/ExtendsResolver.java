package dev.berth.compose.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Applies {@code extends} within a file and across files, recursively, reporting cycles (compose-go extends.go). */
final class ExtendsResolver {
    /** The chain of (file, service) already being extended, to report circular references. */
    static final class Tracker {
        private final List<String[]> loaded;

        Tracker() {
            this(new ArrayList<>());
        }

        private Tracker(List<String[]> loaded) {
            this.loaded = loaded;
        }

        Tracker add(String file, String service, String path) {
            for (String[] l : loaded) {
                if (l[0].equals(file) && l[1].equals(service)) {
                    StringBuilder b = new StringBuilder("Circular reference:\n  ")
                            .append(loaded.get(0)[1]).append(" in ").append(loaded.get(0)[0]);
                    List<String[]> rest = new ArrayList<>(loaded.subList(1, loaded.size()));
                    rest.add(new String[]{file, service});
                    for (String[] r : rest) {
                        b.append("\n  extends ").append(r[1]).append(" in ").append(r[0]);
                    }
                    throw new Problem(path, b.toString());
                }
            }
            List<String[]> branch = new ArrayList<>(loaded);
            branch.add(new String[]{file, service});
            return new Tracker(branch);
        }
    }

    private final LoadContext ctx;
    private final FileLoader loader;
    private final FileLoader.Settings settings;

    ExtendsResolver(LoadContext ctx, FileLoader loader, FileLoader.Settings settings) {
        this.ctx = ctx;
        this.loader = loader;
        this.settings = settings;
    }

    void apply(Map<String, Object> dict, Path file, Path workingDir, Map<String, String> env, Tracker tracker,
               List<String> resets) {
        Object s = dict.get("services");
        if (s == null) {
            return;
        }
        Map<String, Object> services = Types.asMap(s);
        if (services == null) {
            throw new Problem("services", "services must be a mapping of service names to service definitions");
        }
        for (String name : new ArrayList<>(services.keySet())) {
            Object merged = applyService(name, services, file, workingDir, env, tracker, new ArrayList<>(resets));
            services.put(name, merged);
        }
    }

    private Object applyService(String name, Map<String, Object> services, Path file, Path workingDir,
                                Map<String, String> env, Tracker tracker, List<String> resets) {
        Object s = services.get(name);
        if (s == null) {
            return null;
        }
        Map<String, Object> service = Types.asMap(s);
        String path = "services." + name;
        if (service == null) {
            throw new Problem(path, "services." + name + " must be a mapping");
        }
        Object ext = service.get("extends");
        if (ext == null) {
            return s;
        }
        String ref;
        Object refFile = null;
        if (ext instanceof Map<?, ?> m) {
            if (!(m.get("service") instanceof String r)) {
                throw new Problem(path + ".extends", path + ".extends.service is required and must be a string naming the service to extend");
            }
            ref = r;
            refFile = m.get("file");
        } else if (ext instanceof String r) {
            ref = r;
        } else {
            throw new Problem(path + ".extends", path + ".extends must be a string or a mapping with service and file");
        }
        String filename = file.toString();
        Map<String, Object> pool = services;
        Path baseFile = file;
        if (refFile != null) {
            if (!(refFile instanceof String rf)) {
                throw new Problem(path + ".extends.file", path + ".extends.file must be a string");
            }
            Path base = workingDir.resolve(Paths0.expandUser(rf)).normalize();
            if (!Files.isRegularFile(base)) {
                throw new Problem(path + ".extends.file", "cannot extend service \"" + name + "\" in " + filename
                        + ": file " + base + " not found; fix extends.file");
            }
            Map<String, Object> loaded = loader.loadFile(base, new LinkedHashMap<>(), base.getParent(), env,
                    settings.forExtendsBase(), new ArrayList<>(), tracker);
            Map<String, Object> baseServices = Types.asMap(loaded.get("services"));
            if (baseServices == null) {
                throw new Problem(path + ".extends", "cannot extend service \"" + name + "\" in " + base + ": no services section");
            }
            if (!baseServices.containsKey(ref)) {
                throw new Problem(path + ".extends", "cannot extend service \"" + name + "\" in " + filename + ": service \""
                        + ref + "\" not found in " + rf);
            }
            PathResolver.resolve(loaded, base.getParent());
            pool = baseServices;
            filename = rf;
            baseFile = base;
        } else if (!services.containsKey(ref)) {
            throw new Problem(path + ".extends", "cannot extend service \"" + name + "\" in " + filename + ": service \""
                    + ref + "\" not found");
        }
        Tracker next = tracker.add(filename, name, path + ".extends");
        Object base = applyService(ref, pool, baseFile, baseFile.getParent(), env, next, resets);
        if (base == null) {
            return service;
        }
        Map<String, Object> source = Types.asMap(Types.deepCopy(base));
        if (source == null) {
            throw new Problem(path + ".extends", "cannot extend service \"" + name + "\": service \"" + ref + "\" is not a mapping");
        }
        Map<String, Object> wrapper = new LinkedHashMap<>();
        Map<String, Object> svcWrap = new LinkedHashMap<>();
        svcWrap.put(name, source);
        wrapper.put("services", svcWrap);
        Resets.apply(wrapper, resets);
        Map<String, Object> merged = Merger.extend(Types.asMap(svcWrap.get(name)), service);
        merged.remove("extends");
        services.put(name, merged);
        Objects.requireNonNull(ctx);
        return merged;
    }
}
