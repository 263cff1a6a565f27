package dev.berth.image;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** A tar read back with an independent reader (commons-compress), for assertions. */
public record TarEntries(List<Entry> entries) {
    /** One entry's header fields and content. */
    public record Entry(String name, char type, int mode, long uid, long gid, String linkName, long mtime,
            String content) {
    }

    public static TarEntries read(byte[] tar) {
        return read(new ByteArrayInputStream(tar));
    }

    public static TarEntries gunzip(byte[] tgz) {
        try {
            return read(new GZIPInputStream(new ByteArrayInputStream(tgz)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TarEntries read(InputStream in) {
        List<Entry> entries = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(in, StandardCharsets.UTF_8.name())) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                String content = new String(tar.readAllBytes(), StandardCharsets.UTF_8);
                entries.add(new Entry(e.getName(), typeOf(e), e.getMode(), e.getLongUserId(), e.getLongGroupId(),
                        e.getLinkName(), e.getModTime().getTime() / 1000, content));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TarEntries(entries);
    }

    private static char typeOf(TarArchiveEntry e) {
        return e.isDirectory() ? '5' : e.isSymbolicLink() ? '2' : e.isLink() ? '1' : e.isFIFO() ? '6' : '0';
    }

    public List<String> names() {
        return entries.stream().map(Entry::name).toList();
    }

    public Entry get(String name) {
        return entries.stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no entry " + name + " in " + names()));
    }
}
