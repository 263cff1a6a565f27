package dev.berth.image.internal;

import dev.berth.image.BuildSpec;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Writes a build context as an uncompressed tar, streaming file contents. */
final class ContextTar {
    private ContextTar() {
    }

    /** Writes the context and returns the Dockerfile's name inside it. */
    static String write(BuildSpec spec, OutputStream out) throws IOException {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        String dockerfileName = ContextNames.dockerfileName(spec);
        if (spec.context().isPresent()) {
            Path root = spec.context().get();
            List<Path> paths;
            try (Stream<Path> walk = Files.walk(root)) {
                paths = walk.filter(p -> !p.equals(root)).sorted().toList();
            }
            for (Path p : paths) {
                String name = root.relativize(p).toString().replace('\\', '/');
                if (!spec.files().containsKey(name)) {
                    addPath(tar, name, p);
                }
            }
        }
        boolean dockerfileInContext = spec.context().isPresent() && spec.dockerfile().isPresent()
                && spec.dockerfile().get().toAbsolutePath().normalize()
                .startsWith(spec.context().get().toAbsolutePath().normalize());
        if (spec.dockerfile().isPresent() && !dockerfileInContext) {
            addBytes(tar, dockerfileName, Files.readAllBytes(spec.dockerfile().get()), 0644);
        }
        if (spec.dockerfileText().isPresent()) {
            addBytes(tar, dockerfileName, spec.dockerfileText().get().getBytes(StandardCharsets.UTF_8), 0644);
        }
        for (var e : spec.files().entrySet()) {
            BuildSpec.ContextFile f = e.getValue();
            if (f.content().isPresent()) {
                addBytes(tar, e.getKey(), f.content().get(), f.mode());
            } else {
                addFile(tar, e.getKey(), f.source().get(), f.mode());
            }
        }
        tar.finish();
        return dockerfileName;
    }

    private static void addPath(TarArchiveOutputStream tar, String name, Path p) throws IOException {
        if (Files.isSymbolicLink(p)) {
            TarArchiveEntry e = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
            e.setLinkName(Files.readSymbolicLink(p).toString());
            tar.putArchiveEntry(e);
            tar.closeArchiveEntry();
        } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            TarArchiveEntry e = new TarArchiveEntry(name + "/");
            e.setMode(040000 | mode(p, 0755));
            tar.putArchiveEntry(e);
            tar.closeArchiveEntry();
        } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            addFile(tar, name, p, mode(p, 0644));
        }
    }

    private static void addFile(TarArchiveOutputStream tar, String name, Path p, int mode) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(Files.size(p));
        e.setMode(0100000 | mode);
        tar.putArchiveEntry(e);
        try (InputStream in = Files.newInputStream(p)) {
            in.transferTo(tar);
        }
        tar.closeArchiveEntry();
    }

    private static void addBytes(TarArchiveOutputStream tar, String name, byte[] bytes, int mode) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(bytes.length);
        e.setMode(0100000 | mode);
        tar.putArchiveEntry(e);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    private static int mode(Path p, int fallback) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
            int m = 0;
            for (PosixFilePermission perm : perms) {
                m |= 1 << (8 - perm.ordinal());
            }
            return m;
        } catch (IOException | UnsupportedOperationException e) {
            return fallback;
        }
    }
}
