package dev.berth.image.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a POSIX tar stream: USTAR headers, PAX records where a value does not fit (long or non-ASCII names and
 * link targets, sizes of 8 GiB and more, out-of-range times), uid/gid 0, no user or group names. Not thread-safe.
 */
final class TarWriter {
    static final int BLOCK = 512;
    private static final long MAX_OCTAL_11 = 077777777777L;
    private static final byte[] ZEROS = new byte[BLOCK];

    /** One header's values; {@code type} is the USTAR type flag. */
    record Entry(String name, char type, int mode, long size, long mtime, String linkName, int devMajor,
            int devMinor) {
        static Entry of(String name, char type, int mode, long size, long mtime) {
            return new Entry(name, type, mode, size, mtime, "", 0, 0);
        }
    }

    private final OutputStream out;
    private final byte[] header = new byte[BLOCK];
    private long remaining;
    private long bodySize;

    TarWriter(OutputStream out) {
        this.out = out;
    }

    /** Starts an entry; exactly {@code entry.size()} body bytes must follow before the next one. */
    void begin(Entry entry) throws IOException {
        finishBody();
        Map<String, String> pax = new TreeMap<>();
        String[] split = splitName(entry.name());
        if (split == null) {
            pax.put("path", entry.name());
            split = new String[] {"", ascii(entry.name())};
        }
        if (!fits(entry.linkName(), 100)) {
            pax.put("linkpath", entry.linkName());
        }
        if (entry.size() > MAX_OCTAL_11) {
            pax.put("size", Long.toString(entry.size()));
        }
        if (entry.mtime() < 0 || entry.mtime() > MAX_OCTAL_11) {
            pax.put("mtime", Long.toString(entry.mtime()));
        }
        if (!pax.isEmpty()) {
            byte[] records = paxRecords(pax);
            String base = ascii(entry.name().replaceAll("/+$", ""));
            base = base.substring(base.lastIndexOf('/') + 1);
            writeHeader(Entry.of("PaxHeaders.0/" + base, 'x', 0644, records.length, 0), new String[] {"", null});
            out.write(records);
            pad(records.length);
        }
        writeHeader(entry, split);
        remaining = entry.type() == '0' ? entry.size() : 0;
        bodySize = remaining;
    }

    /** Writes body bytes of the current entry. */
    void write(byte[] b, int off, int len) throws IOException {
        if (len > remaining) {
            throw new IOException("tar entry body longer than its declared size");
        }
        out.write(b, off, len);
        remaining -= len;
    }

    /** Body bytes the current entry still expects. */
    long remaining() {
        return remaining;
    }

    /** Ends the archive with two zero blocks and flushes; does not close the stream. */
    void finish() throws IOException {
        finishBody();
        out.write(ZEROS);
        out.write(ZEROS);
        out.flush();
    }

    private void finishBody() throws IOException {
        if (remaining != 0) {
            throw new IOException("tar entry body is " + remaining + " bytes short of its declared size");
        }
        pad(bodySize);
        bodySize = 0;
    }

    private void pad(long size) throws IOException {
        int rest = (int) (size % BLOCK);
        if (rest != 0) {
            out.write(ZEROS, 0, BLOCK - rest);
        }
    }

    private void writeHeader(Entry e, String[] split) throws IOException {
        Arrays.fill(header, (byte) 0);
        text(split[1] == null ? ascii(e.name()) : split[1], 0, 100);
        octal(e.mode() & 07777, 100, 8);
        octal(0, 108, 8);
        octal(0, 116, 8);
        octal(e.size() > MAX_OCTAL_11 ? 0 : e.size(), 124, 12);
        octal(e.mtime() < 0 || e.mtime() > MAX_OCTAL_11 ? 0 : e.mtime(), 136, 12);
        header[156] = (byte) e.type();
        text(ascii(e.linkName()), 157, 100);
        text("ustar\0", 257, 6);
        text("00", 263, 2);
        octal(e.devMajor(), 329, 8);
        octal(e.devMinor(), 337, 8);
        text(split[0], 345, 155);
        Arrays.fill(header, 148, 156, (byte) ' ');
        int sum = 0;
        for (byte b : header) {
            sum += b & 0xFF;
        }
        octal(sum, 148, 7);
        out.write(header);
    }

    /** Returns {prefix, name} if the name fits USTAR (ASCII, directly or split at a '/'), else null. */
    private static String[] splitName(String name) {
        if (!isAscii(name)) {
            return null;
        }
        if (name.length() <= 100) {
            return new String[] {"", name};
        }
        int i = name.lastIndexOf('/', Math.min(155, name.length() - 2));
        if (i <= 0 || name.length() - i - 1 > 100) {
            return null;
        }
        return new String[] {name.substring(0, i), name.substring(i + 1)};
    }

    private static byte[] paxRecords(Map<String, String> pax) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> r : pax.entrySet()) {
            int base = (" " + r.getKey() + "=" + r.getValue() + "\n").getBytes(StandardCharsets.UTF_8).length;
            int length = base + Integer.toString(base).length();
            if (Integer.toString(length).length() > Integer.toString(base).length()) {
                length = base + Integer.toString(length).length();
            }
            b.append(length).append(' ').append(r.getKey()).append('=').append(r.getValue()).append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static boolean fits(String s, int size) {
        return s.length() <= size && isAscii(s);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0 || c >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static String ascii(String s) {
        return isAscii(s) ? s : s.replaceAll("[^\\x01-\\x7F]", "");
    }

    private void text(String s, int offset, int size) {
        for (int i = 0; i < Math.min(s.length(), size); i++) {
            header[offset + i] = (byte) s.charAt(i);
        }
    }

    private void octal(long value, int offset, int size) {
        String digits = Long.toOctalString(value);
        int width = size - 1;
        for (int i = 0; i < width; i++) {
            int d = i - (width - digits.length());
            header[offset + i] = (byte) (d < 0 ? '0' : digits.charAt(d));
        }
        header[offset + width] = 0;
    }
}
