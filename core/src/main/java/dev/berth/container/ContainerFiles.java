package dev.berth.container;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.BerthException;
import dev.berth.image.Image;
import dev.berth.image.ImageRef;
import dev.berth.internal.EngineHttpException;
import dev.berth.internal.Errors;
import dev.berth.internal.Json;
import dev.berth.internal.RawApi;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/** {@code docker cp} in both directions, and {@code docker commit}. */
final class ContainerFiles {
    private static final long MODE_DIR = 1L << 31;

    private ContainerFiles() {
    }

    static void copyTo(Container c, Path source, String dest) {
        if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("Cannot copy " + source + " into '" + c.name() + "': no such file or directory");
        }
        if (!dest.startsWith("/")) {
            throw new IllegalArgumentException("Container path '" + dest + "' must be absolute");
        }
        Optional<JsonNode> stat = stat(c, dest);
        String targetDir;
        String topName;
        boolean isDirSource = Files.isDirectory(source);
        if (stat.isPresent() && (stat.get().path("mode").asLong() & MODE_DIR) != 0) {
            targetDir = dest;
            topName = source.getFileName().toString();
        } else if (stat.isPresent() && isDirSource) {
            throw new BerthException("Cannot copy directory " + source + " to '" + c.name() + ":" + dest
                    + "': it is a file in the container; choose a directory or a new path");
        } else {
            if (dest.endsWith("/")) {
                throw new BerthException("Cannot copy to '" + c.name() + ":" + dest + "': that directory does not exist");
            }
            String trimmed = dest.replaceAll("/+$", "");
            int slash = trimmed.lastIndexOf('/');
            targetDir = slash <= 0 ? "/" : trimmed.substring(0, slash);
            topName = trimmed.substring(slash + 1);
        }
        PipedInputStream in = new PipedInputStream(1 << 16);
        CompletableFuture<Void> writer;
        try {
            PipedOutputStream out = new PipedOutputStream(in);
            writer = CompletableFuture.runAsync(() -> {
                try (out; TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
                    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                    writeTree(tar, source, topName);
                    tar.finish();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new BerthException("Cannot prepare copy of " + source + ": " + e.getMessage(), e);
        }
        try (in) {
            RawApi.open(c.conn(), "PUT", "/containers/" + c.id() + "/archive?path=" + RawApi.q(targetDir),
                    Map.of("Content-Type", "application/x-tar"), in).close();
            writer.join();
        } catch (IOException e) {
            throw new BerthException("Cannot copy " + source + " into '" + c.name() + "': " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw Errors.translate(e, "container", c.name(), "copy " + source + " into");
        }
    }

    private static void writeTree(TarArchiveOutputStream tar, Path root, String top) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.sorted().toList();
        }
        for (Path p : paths) {
            String rel = root.relativize(p).toString().replace('\\', '/');
            String name = rel.isEmpty() ? top : top + "/" + rel;
            if (Files.isSymbolicLink(p)) {
                TarArchiveEntry e = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
                e.setLinkName(Files.readSymbolicLink(p).toString());
                tar.putArchiveEntry(e);
            } else if (Files.isDirectory(p)) {
                TarArchiveEntry e = new TarArchiveEntry(name + "/");
                e.setMode(040000 | mode(p));
                tar.putArchiveEntry(e);
            } else {
                TarArchiveEntry e = new TarArchiveEntry(name);
                e.setMode(0100000 | mode(p));
                e.setSize(Files.size(p));
                tar.putArchiveEntry(e);
                try (InputStream f = Files.newInputStream(p)) {
                    f.transferTo(tar);
                }
            }
            tar.closeArchiveEntry();
        }
    }

    static void copyFrom(Container c, String source, Path dest) {
        Path base;
        String rename;
        if (Files.isDirectory(dest)) {
            base = dest;
            rename = null;
        } else {
            base = dest.toAbsolutePath().getParent();
            if (base == null || !Files.isDirectory(base)) {
                throw new IllegalArgumentException("Cannot copy to " + dest + ": its parent directory does not exist");
            }
            rename = dest.getFileName().toString();
        }
        Path realBase = base.toAbsolutePath().normalize();
        try (RawApi.Streamed archive = RawApi.open(c.conn(), "GET", "/containers/" + c.id() + "/archive?path="
                + RawApi.q(source), Map.of(), null);
             InputStream raw = archive.body();
             TarArchiveInputStream tar = new TarArchiveInputStream(raw)) {
            TarArchiveEntry e;
            String top = null;
            while ((e = tar.getNextEntry()) != null) {
                String name = e.getName().replaceAll("/+$", "");
                if (top == null) {
                    top = name.contains("/") ? name.substring(0, name.indexOf('/')) : name;
                }
                if (rename != null && (name.equals(top) || name.startsWith(top + "/"))) {
                    name = rename + name.substring(top.length());
                }
                Path out = realBase.resolve(name).normalize();
                if (!out.startsWith(realBase)) {
                    throw new BerthException("Refusing to copy '" + e.getName() + "' from '" + c.name()
                            + "': it would land outside " + realBase);
                }
                extract(tar, e, out);
            }
        } catch (IOException e) {
            throw new BerthException("Cannot copy '" + c.name() + ":" + source + "' to " + dest + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw Errors.translate(e, "container", c.name(), "copy " + source + " out of");
        }
    }

    private static void extract(TarArchiveInputStream tar, TarArchiveEntry e, Path out) throws IOException {
        if (e.isDirectory()) {
            Files.createDirectories(out);
            setMode(out, e.getMode());
        } else if (e.isSymbolicLink()) {
            Files.deleteIfExists(out);
            Files.createSymbolicLink(out, Path.of(e.getLinkName()));
        } else if (e.isFile()) {
            Files.createDirectories(out.getParent());
            Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
            setMode(out, e.getMode());
        }
    }

    static Image commit(Container c, String reference, CommitOptions options) {
        ImageRef ref = ImageRef.parse(reference).withDefaultTag();
        StringBuilder q = new StringBuilder("/commit?container=").append(RawApi.q(c.id()))
                .append("&repo=").append(RawApi.q(ref.repository()))
                .append("&tag=").append(RawApi.q(ref.tag().orElse("latest")))
                .append("&pause=").append(options.pause());
        options.message().ifPresent(m -> q.append("&comment=").append(RawApi.q(m)));
        options.author().ifPresent(a -> q.append("&author=").append(RawApi.q(a)));
        options.changes().forEach(ch -> q.append("&changes=").append(RawApi.q(ch)));
        try {
            RawApi.Reply r = RawApi.call(c.conn(), "POST", q.toString(), new byte[0]);
            return new Image(c.engine(), ref.toString());
        } catch (RuntimeException e) {
            throw Errors.translate(e, "container", c.name(), "commit");
        }
    }

    private static Optional<JsonNode> stat(Container c, String path) {
        try {
            RawApi.Reply r = RawApi.call(c.conn(), "HEAD", "/containers/" + c.id() + "/archive?path=" + RawApi.q(path), null);
            String header = r.header("X-Docker-Container-Path-Stat");
            if (header == null) {
                return Optional.empty();
            }
            return Optional.of(Json.read(Base64.getDecoder().decode(header)));
        } catch (EngineHttpException e) {
            if (e.getHttpStatus() == 404 && !e.getMessage().contains("No such container")) {
                return Optional.empty();
            }
            throw Errors.translate(e, "container", c.name(), "copy into");
        } catch (IllegalArgumentException e) {
            throw new BerthException("Cannot read the path stat of '" + c.name() + ":" + path + "'", e);
        }
    }

    private static int mode(Path p) {
        try {
            int m = 0;
            for (PosixFilePermission perm : Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS)) {
                m |= 1 << (8 - perm.ordinal());
            }
            return m;
        } catch (IOException | UnsupportedOperationException e) {
            return Files.isDirectory(p) ? 0755 : 0644;
        }
    }

    private static void setMode(Path p, int mode) {
        Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] all = PosixFilePermission.values();
        for (int i = 0; i < 9; i++) {
            if ((mode & (1 << (8 - i))) != 0) {
                perms.add(all[i]);
            }
        }
        try {
            Files.setPosixFilePermissions(p, perms);
        } catch (IOException | UnsupportedOperationException ignored) {
            // not a POSIX file system: keep defaults
        }
    }
}
