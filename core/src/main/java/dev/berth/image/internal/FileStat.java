package dev.berth.image.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;

/** The stat fields a tar header needs, read with one system call where the platform offers the "unix" view. */
record FileStat(int mode, long size, long mtime, long nlink, Object inode, long rdev) {
    static final int TYPE_MASK = 0170000;
    static final int DIRECTORY = 0040000;
    static final int REGULAR = 0100000;
    static final int SYMLINK = 0120000;
    static final int FIFO = 0010000;
    static final int CHAR_DEVICE = 0020000;
    static final int BLOCK_DEVICE = 0060000;

    private static final String UNIX = "unix:mode,ino,dev,rdev,nlink,size,lastModifiedTime";
    private static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};
    private static volatile boolean unixView = true;

    /** Stats {@code path} itself, not a link's target. */
    static FileStat lstat(Path path) throws IOException {
        return read(path, NO_FOLLOW);
    }

    /** Stats {@code path}, following symbolic links. */
    static FileStat stat(Path path) throws IOException {
        return read(path, new LinkOption[0]);
    }

    private static FileStat read(Path path, LinkOption[] options) throws IOException {
        if (unixView) {
            try {
                Map<String, Object> a = Files.readAttributes(path, UNIX, options);
                return new FileStat((Integer) a.get("mode"), (Long) a.get("size"),
                        seconds((FileTime) a.get("lastModifiedTime")), ((Number) a.get("nlink")).longValue(),
                        a.get("dev") + ":" + a.get("ino"), (Long) a.get("rdev"));
            } catch (UnsupportedOperationException | IllegalArgumentException e) {
                unixView = false;
            }
        }
        PosixFileAttributes a = Files.readAttributes(path, PosixFileAttributes.class, options);
        int type = a.isDirectory() ? DIRECTORY : a.isSymbolicLink() ? SYMLINK : a.isRegularFile() ? REGULAR : 0;
        int permissions = 0;
        for (PosixFilePermission p : a.permissions()) {
            permissions |= 0400 >> p.ordinal();
        }
        return new FileStat(type | permissions, a.size(), seconds(a.lastModifiedTime()), 1, a.fileKey(), 0);
    }

    private static long seconds(FileTime time) {
        return Math.floorDiv(time.toMillis(), 1000);
    }

    int type() {
        return mode & TYPE_MASK;
    }

    boolean isDirectory() {
        return type() == DIRECTORY;
    }

    int devMajor() {
        return (int) (((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL));
    }

    int devMinor() {
        return (int) ((rdev & 0xff) | ((rdev >>> 12) & ~0xffL));
    }
}
