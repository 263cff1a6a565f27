package dev.berth.examples.support;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The console in both modes: plain lines once per state (as {@code docker … | cat}), live redraws in place. */
class ConsoleTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void plain_printsTitleAndEachNewPlainTextOnce_notesAndSummary() {
        Console console = Console.plain(stream);
        assertThat(console.isLive()).isFalse();
        try (Block b = console.block("Pulling demo")) {
            b.update("a1", "a1: Downloading [=>   ] 1MB/4MB", "a1: Downloading");
            b.update("a1", "a1: Downloading [==>  ] 2MB/4MB", "a1: Downloading");
            b.update("a1", "a1: Pull complete", "a1: Pull complete");
            b.update("a1", "a1: bytes only a terminal sees", null);
            b.note("Digest: sha256:abc");
            b.close("done");
        }
        assertThat(text()).isEqualTo("Pulling demo\na1: Downloading\na1: Pull complete\nDigest: sha256:abc\ndone\n");
    }

    @Test
    void plain_printlnAndSection() {
        Console console = Console.plain(stream);
        console.section("docker ps");
        console.printf("%d container", 1);
        assertThat(text()).isEqualTo("\ndocker ps\n---------\n1 container\n");
    }

    @Test
    void live_redrawsTheBlockInPlace_andLeavesItsFinalStateAboveLaterLines() throws Exception {
        Console console = Console.live(stream, 40);
        Block b = console.block("Pulling demo");
        b.update("a1", "a1: Downloading [=>   ] 1MB/4MB", "a1: Downloading");
        console.println("a permanent line");
        b.update("a1", "a1: Pull complete", "a1: Pull complete");
        b.note("a tail line that is much longer than the forty columns of this terminal");
        b.close("Pulled demo");
        console.println("after");
        String out = text();
        // erase = cursor up to the block's first line, clear to the end of the screen
        assertThat(out).containsPattern("\u001b\\[\\dF\u001b\\[J");
        assertThat(render(out)).isEqualTo("a permanent line\nPulled demo\n a1: Pull complete\nafter\n");
        assertThat(out).doesNotContain("tail line that is much longer than the forty columns");
    }

    @Test
    void live_cutsLinesToTheWidth() {
        Block b = Console.live(stream, 20).block("t");
        b.update("k", "x".repeat(50));
        assertThat(b.render(20)).containsExactly("t", " " + "x".repeat(17) + "…");
    }

    @Test
    void live_refusesATinyWidth() {
        assertThatThrownBy(() -> Console.live(stream, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 20");
    }

    /** What a terminal shows after the output: interprets {@code ESC[nF}, {@code ESC[J} and line feeds. */
    static String render(String out) {
        java.util.List<StringBuilder> lines = new java.util.ArrayList<>();
        lines.add(new StringBuilder());
        int row = 0;
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            if (c == '\u001b') {
                int end = i + 2;
                while (!Character.isLetter(out.charAt(end))) {
                    end++;
                }
                String n = out.substring(i + 2, end);
                if (out.charAt(end) == 'F') {
                    row = Math.max(0, row - (n.isEmpty() ? 1 : Integer.parseInt(n)));
                    lines.get(row).setLength(0);
                } else if (out.charAt(end) == 'J') {
                    lines.subList(row + 1, lines.size()).clear();
                    lines.get(row).setLength(0);
                }
                i = end;
            } else if (c == '\n') {
                row++;
                if (row == lines.size()) {
                    lines.add(new StringBuilder());
                }
            } else {
                lines.get(row).append(c);
            }
        }
        return String.join("\n", lines);
    }
}
