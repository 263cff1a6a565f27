package dev.berth.compose.internal;

import dev.berth.compose.ComposeException;
import dev.berth.compose.model.FileMount;
import dev.berth.compose.model.FileObject;
import dev.berth.compose.model.Service;
import dev.berth.container.Container;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Secrets and configs whose value comes from {@code environment} or {@code content}: copied into the created
 * container before it starts, as Compose does on an engine without swarm ({@code injectSecrets}).
 */
final class FileInjection {
    private FileInjection() {
    }

    static void inject(Session s, Service svc, String id, String name) {
        copy(s, svc, id, name, svc.secrets(), s.project.secrets(), "/run/secrets/");
        copy(s, svc, id, name, svc.configs(), s.project.configs(), "/");
    }

    private static void copy(Session s, Service svc, String id, String name, List<FileMount> refs,
                             Map<String, FileObject> defs, String base) {
        for (FileMount f : refs) {
            FileObject def = defs.get(f.source());
            if (def == null || (def.file() != null && !def.file().isEmpty()) || def.content() == null) {
                continue;
            }
            String target = f.target() == null || f.target().isEmpty() ? base + f.source()
                    : f.target().startsWith("/") ? f.target() : base + f.target();
            Path tmp = null;
            try {
                tmp = Files.createTempDirectory("berth-compose-file");
                Path file = tmp.resolve(target.substring(1));
                Files.createDirectories(file.getParent());
                Files.writeString(file, def.content(), StandardCharsets.UTF_8);
                Path top = tmp.resolve(target.substring(1).split("/")[0]);
                new Container(s.api.engine(), id, name).copyTo(top, "/");
            } catch (IOException | RuntimeException e) {
                throw new ComposeException(svc.name(), "Cannot copy " + f.source() + " into " + name + " at " + target
                        + ": " + e.getMessage(), e);
            } finally {
                delete(tmp);
            }
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
