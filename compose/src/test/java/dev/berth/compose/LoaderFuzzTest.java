package dev.berth.compose;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Applies seeded, bounded random mutations to every compose file of the conformance corpus and loads the result: the
 * loader must either succeed or throw {@link ComposeFileException} — never another exception, never an internal error.
 */
class LoaderFuzzTest {
    private static final long SEED = 20261128L;
    private static final int MUTANTS_PER_FILE = 20;
    private static final String[] TOKENS = {":", "-", "- ", "{", "}", "[", "]", "$", "${", "$$", "\"", "'", " ", "\n", "\t",
            "*a", "&a ", "!reset ", "!override ", "<<: ", "~", "#", ",", "=", "null", "true", "0x", "9999999999999999999",
            "services:", "image:", "ports:", "volumes:", "extends: x", "include: [x]", "depends_on: [x]", "\u00e9", "\\"};

    @TempDir
    Path tmp;

    @Test
    void load_onlyThrowsComposeFileException_onMutatedCorpus() throws IOException {
        Random random = new Random(SEED);
        List<String> internalErrors = new ArrayList<>();
        int loaded = 0;
        int rejected = 0;
        int counter = 0;
        for (ConformanceCase c : ConformanceCase.all()) {
            List<Path> files;
            try (Stream<Path> s = Files.walk(c.dir())) {
                files = s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
            }
            for (Path file : files) {
                String original = Files.readString(file, StandardCharsets.UTF_8);
                for (int i = 0; i < MUTANTS_PER_FILE; i++) {
                    Path dir = tmp.resolve(c.name() + "-" + counter++);
                    copy(c.dir(), dir);
                    Files.writeString(dir.resolve(c.dir().relativize(file)), mutate(original, random), StandardCharsets.UTF_8);
                    try {
                        Compose.load(c.withDir(dir).options());
                        loaded++;
                    } catch (ComposeFileException e) {
                        rejected++;
                        if (e.reason().startsWith("cannot load the compose project")) {
                            internalErrors.add(c.name() + "/" + file.getFileName() + "#" + i + ": " + e.reason());
                        }
                    }
                }
            }
        }
        assertThat(loaded + rejected).isGreaterThan(1500);
        assertThat(internalErrors).as("internal errors (bugs) surfaced by mutation").isEmpty();
    }

    static String mutate(String s, Random r) {
        StringBuilder b = new StringBuilder(s);
        int n = 1 + r.nextInt(3);
        for (int k = 0; k < n; k++) {
            int pos = b.length() == 0 ? 0 : r.nextInt(b.length());
            switch (r.nextInt(5)) {
                case 0 -> {
                    if (b.length() > 0) {
                        b.deleteCharAt(pos);
                    }
                }
                case 1 -> b.insert(pos, TOKENS[r.nextInt(TOKENS.length)]);
                case 2 -> {
                    String[] lines = b.toString().split("\n", -1);
                    int l = r.nextInt(lines.length);
                    List<String> out = new ArrayList<>(List.of(lines));
                    out.add(l, lines[l]);
                    b = new StringBuilder(String.join("\n", out));
                }
                case 3 -> {
                    String[] lines = b.toString().split("\n", -1);
                    int l = r.nextInt(lines.length);
                    List<String> out = new ArrayList<>(List.of(lines));
                    out.remove(l);
                    b = new StringBuilder(String.join("\n", out));
                }
                default -> {
                    int end = Math.min(b.length(), pos + 1 + r.nextInt(8));
                    b.replace(pos, end, TOKENS[r.nextInt(TOKENS.length)]);
                }
            }
        }
        return b.toString();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
