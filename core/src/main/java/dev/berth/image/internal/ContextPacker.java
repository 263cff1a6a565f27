package dev.berth.image.internal;

import dev.berth.BerthException;
import dev.berth.image.DockerIgnore;
import java.io.BufferedOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams a build context as tar, the way the docker CLI packs one: a depth-first walk in byte order of names,
 * {@code .dockerignore} applied as Docker applies it while packing, forced paths (the Dockerfile and
 * {@code .dockerignore}) always sent, uid/gid 0, permission and set-id bits and second-precision mtimes kept,
 * symlinks stored as links, hard links as links to the first copy sent. Extra entries follow the walk and replace
 * walked files of the same name. Memory use is bounded by one copy buffer whatever the context's size.
 */
public final class ContextPacker {
    private static final Logger LOG = LoggerFactory.getLogger(ContextPacker.class);
    private static final int BUFFER = 64 * 1024;
    /** Go sorts directory entries by UTF-8 bytes, which is code point order. */
    static final Comparator<String> NAME_ORDER = ContextPacker::compareCodePoints;

    /** An entry added besides the walk: in-memory bytes with a mode, or a host file (links followed). */
    public record Extra(String name, byte[] content, int mode, Path hostFile) {
    }

    private final Path root;
    private final DockerIgnore ignore;
    private final Set<String> forced;
    private final List<Extra> extras;
    private final Set<String> replaced;
    private final boolean gzip;

    /**
     * @param root the context directory (real path), or null for a context of extras only
     * @param forced slash paths sent even if excluded
     */
    public ContextPacker(Path root, DockerIgnore ignore, Set<String> forced, List<Extra> extras, boolean gzip) {
        this.root = root;
        this.ignore = ignore;
        this.forced = Set.copyOf(forced);
        this.extras = List.copyOf(extras);
        this.replaced = extras.stream().map(Extra::name).collect(Collectors.toUnmodifiableSet());
        this.gzip = gzip;
    }

    /** Writes the whole archive to {@code out}, then flushes it; does not close it. Blocks until done. */
    public void writeTo(OutputStream out) throws IOException {
        GZIPOutputStream gz = gzip ? new GZIPOutputStream(out, BUFFER) : null;
        OutputStream target = new BufferedOutputStream(gz != null ? gz : out, BUFFER);
        new Run(new TarWriter(target)).pack();
        target.flush();
        if (gz != null) {
            gz.finish();
        }
        out.flush();
    }

    /** State of one packing run. */
    private final class Run {
        private final TarWriter tar;
        private final byte[] buffer = new byte[BUFFER];
        private final Map<Object, String> firstLinkNames = new HashMap<>();

        Run(TarWriter tar) {
            this.tar = tar;
        }

        void pack() throws IOException {
            if (root != null) {
                walk(root, "", null);
            }
            for (Extra extra : extras) {
                if (extra.hostFile() == null) {
                    tar.begin(TarWriter.Entry.of(extra.name(), '0', extra.mode(), extra.content().length, 0));
                    tar.write(extra.content(), 0, extra.content().length);
                } else {
                    addHostFile(extra);
                }
            }
            tar.finish();
        }

        private void walk(Path dir, String rel, DockerIgnore.Match parent) throws IOException {
            for (String name : list(dir)) {
                String path = rel.isEmpty() ? name : rel + "/" + name;
                Path file = dir.resolve(name);
                FileStat stat;
                try {
                    stat = FileStat.lstat(file);
                } catch (NoSuchFileException e) {
                    continue; // removed while we walk, as the CLI tolerates
                }
                DockerIgnore.Match match = ignore.match(path, parent);
                if (stat.isDirectory()) {
                    if (match.prunable() && !isForcedBelow(path)) {
                        continue;
                    }
                    if (!match.excluded() && !replaced.contains(path)) {
                        tar.begin(TarWriter.Entry.of(path + "/", '5', stat.mode(), 0, stat.mtime()));
                    }
                    walk(file, path, match);
                } else if ((!match.excluded() || forced.contains(path)) && !replaced.contains(path)) {
                    add(file, path, stat);
                }
            }
        }

        private void add(Path file, String path, FileStat stat) throws IOException {
            int mode = stat.mode();
            long mtime = stat.mtime();
            switch (stat.type()) {
                case FileStat.REGULAR -> {
                    String first = stat.nlink() > 1 ? firstLinkNames.putIfAbsent(stat.inode(), path) : null;
                    if (first != null) {
                        tar.begin(new TarWriter.Entry(path, '1', mode, 0, mtime, first, 0, 0));
                    } else {
                        copy(file, path, stat.size(), mode, mtime);
                    }
                }
                case FileStat.SYMLINK -> tar.begin(new TarWriter.Entry(path, '2', mode, 0, mtime,
                        Files.readSymbolicLink(file).toString(), 0, 0));
                case FileStat.FIFO -> tar.begin(TarWriter.Entry.of(path, '6', mode, 0, mtime));
                case FileStat.CHAR_DEVICE, FileStat.BLOCK_DEVICE -> tar.begin(new TarWriter.Entry(path,
                        stat.type() == FileStat.CHAR_DEVICE ? '3' : '4', mode, 0, mtime, "", stat.devMajor(),
                        stat.devMinor()));
                default -> LOG.debug("Skipping {} in the build context: sockets cannot be archived", path);
            }
        }

        private void addHostFile(Extra extra) throws IOException {
            FileStat stat;
            try {
                stat = FileStat.stat(extra.hostFile());
            } catch (IOException e) {
                throw new BerthException("Cannot add " + extra.hostFile() + " to the build context as "
                        + extra.name() + ": " + e + "; check that the file exists and is readable", e);
            }
            if (stat.type() != FileStat.REGULAR) {
                throw new BerthException("Cannot add " + extra.hostFile() + " to the build context as "
                        + extra.name() + ": it is not a regular file; add files one by one");
            }
            copy(extra.hostFile(), extra.name(), stat.size(), stat.mode(), stat.mtime());
        }

        private void copy(Path file, String name, long size, int mode, long mtime) throws IOException {
            tar.begin(TarWriter.Entry.of(name, '0', mode, size, mtime));
            try (InputStream in = open(file)) {
                long left = size;
                while (left > 0) {
                    int n = read(in, file, (int) Math.min(buffer.length, left));
                    tar.write(buffer, 0, n);
                    left -= n;
                }
            }
        }

        private int read(InputStream in, Path file, int max) {
            int n;
            try {
                n = in.read(buffer, 0, max);
            } catch (IOException e) {
                throw unreadable(file, e);
            }
            if (n < 0) {
                throw new BerthException("File " + file + " shrank while the build context was being packed; "
                        + "retry once it no longer changes, or exclude it in .dockerignore");
            }
            return n;
        }
    }

    private static InputStream open(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private static BerthException unreadable(Path file, IOException e) {
        return new BerthException("Cannot read " + file + " for the build context: " + e
                + "; make it readable or exclude it in .dockerignore", e);
    }

    private boolean isForcedBelow(String dir) {
        String prefix = dir + "/";
        return forced.stream().anyMatch(f -> f.startsWith(prefix));
    }

    private static String[] list(Path dir) throws IOException {
        String[] names = new File(dir.toString()).list();
        if (names == null) {
            try (var stream = Files.newDirectoryStream(dir)) {
                stream.iterator().hasNext(); // surfaces the real error
            }
            throw new IOException("Cannot list directory " + dir);
        }
        Arrays.sort(names, NAME_ORDER);
        return names;
    }

    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
