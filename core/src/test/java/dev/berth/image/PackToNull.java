package dev.berth.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** Child-JVM entry point for {@link BuildContextMemoryTest}: packs a directory and prints the archive size. */
public final class PackToNull {
    private PackToNull() {
    }

    public static void main(String[] args) throws IOException {
        long total = 0;
        byte[] buffer = new byte[8192];
        try (InputStream in = BuildContext.fromDirectory(Path.of(args[0])).open()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
            }
        }
        System.out.println(total);
    }
}
