package dev.berth.image.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.BerthException;
import dev.berth.image.ImageRef;
import dev.berth.image.ImportOptions;
import dev.berth.internal.EngineHttpException;
import dev.berth.internal.Connection;
import dev.berth.internal.Errors;
import dev.berth.internal.RawApi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** {@code docker save}, {@code docker load} and {@code docker import}, streamed: no archive is held in memory. */
public final class ImageArchives {
    private static final Map<String, String> TAR = Map.of("Content-Type", "application/x-tar");

    private ImageArchives() {
    }

    /** Writes the named images, with their tags, as one {@code docker save} tar to {@code out}. */
    public static void save(Connection conn, List<String> names, OutputStream out) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("Name at least one image to save");
        }
        StringJoiner q = new StringJoiner("&", "/images/get?", "");
        names.forEach(n -> q.add("names=" + RawApi.q(n)));
        String what = String.join(", ", names);
        try (RawApi.Streamed s = RawApi.open(conn, "GET", q.toString(), Map.of(), null)) {
            s.body().transferTo(out);
        } catch (IOException e) {
            throw new BerthException("Cannot save " + what + ": " + e.getMessage()
                    + "; check free space where the archive is written", e);
        } catch (RuntimeException e) {
            throw Errors.translate(e, "image", what, "save");
        }
    }

    /** Writes the named images to a tar file, replacing it; a failed save leaves no partial file. */
    public static void save(Connection conn, List<String> names, Path file) {
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            save(conn, names, out);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new BerthException("Cannot write " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(tmp);
            throw e;
        }
        try {
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new BerthException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Loads a {@code docker save} archive; returns handles on the loaded references (or ids when untagged). */
    public static List<String> load(Connection conn, InputStream tar, String source) {
        List<String> loaded = new ArrayList<>();
        try (RawApi.Streamed s = RawApi.open(conn, "POST", "/images/load?quiet=0", TAR, tar)) {
            for (Iterator<JsonNode> it = s.messages(); it.hasNext(); ) {
                JsonNode m = it.next();
                String error = ImagePulls.error(m);
                if (error != null) {
                    throw loadFailed(source, error, null);
                }
                for (String line : m.path("stream").asText("").split("\n")) {
                    if (line.startsWith("Loaded image: ")) {
                        loaded.add(line.substring("Loaded image: ".length()).trim());
                    } else if (line.startsWith("Loaded image ID: ")) {
                        loaded.add(line.substring("Loaded image ID: ".length()).trim());
                    }
                }
            }
        } catch (EngineHttpException e) {
            throw loadFailed(source, Errors.engineMessage(e), e);
        } catch (UncheckedIOException e) {
            throw loadFailed(source, Errors.rootMessage(e), e);
        } catch (RuntimeException e) {
            throw Errors.translate(e, "image archive", source, "load");
        }
        if (loaded.isEmpty()) {
            throw loadFailed(source, "the engine loaded no image", null);
        }
        return loaded;
    }

    /** Loads a {@code docker save} archive from a file. */
    public static List<String> load(Connection conn, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(conn, in, file.toString());
        } catch (IOException e) {
            throw new BerthException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Creates an image from a root file system tar (optionally compressed), as {@code docker import}. */
    public static String importRootfs(Connection conn, InputStream tar, String reference, ImportOptions options,
                                     String source) {
        ImageRef ref = ImageRef.parse(reference).withDefaultTag();
        if (ref.digest().isPresent()) {
            throw new IllegalArgumentException("Cannot import as '" + reference + "': give a repository:tag");
        }
        StringBuilder q = new StringBuilder("/images/create?fromSrc=-&repo=").append(RawApi.q(ref.repository()))
                .append("&tag=").append(RawApi.q(ref.tag().orElseThrow()));
        List<String> changes = new ArrayList<>(options.changes());
        StringBuilder label = new StringBuilder("LABEL");
        conn.labels().forEach((k, v) -> label.append(' ').append('"').append(k).append("\"=\"").append(v).append('"'));
        changes.add(label.toString());
        changes.forEach(c -> q.append("&changes=").append(RawApi.q(c)));
        options.message().ifPresent(m -> q.append("&message=").append(RawApi.q(m)));
        options.platform().ifPresent(p -> q.append("&platform=").append(RawApi.q(p)));
        String id = null;
        try (RawApi.Streamed s = RawApi.open(conn, "POST", q.toString(), TAR, tar)) {
            for (Iterator<JsonNode> it = s.messages(); it.hasNext(); ) {
                JsonNode m = it.next();
                String error = ImagePulls.error(m);
                if (error != null) {
                    throw importFailed(reference, source, error, null);
                }
                String status = m.path("status").asText("");
                if (status.startsWith("sha256:")) {
                    id = status.trim();
                }
            }
        } catch (EngineHttpException e) {
            throw importFailed(reference, source, Errors.engineMessage(e), e);
        } catch (RuntimeException e) {
            throw Errors.translate(e, "image", reference, "import");
        }
        if (id == null) {
            throw importFailed(reference, source, "the engine reported no image id", null);
        }
        return ref.toString();
    }

    private static BerthException loadFailed(String source, String msg, Throwable cause) {
        return new BerthException("Cannot load images from " + source + ": " + msg
                + "; check that it is an archive written by `docker save` (or Image.save)", cause);
    }

    private static BerthException importFailed(String reference, String source, String msg, Throwable cause) {
        return new BerthException("Cannot import " + source + " as '" + reference + "': " + msg
                + "; check that it is a tar of a root file system (plain, gzip, bzip2 or xz)", cause);
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort
        }
    }
}
