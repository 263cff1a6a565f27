package dev.berth.internal;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Berth's one JSON reader and writer. */
class JsonTest {

    @Test
    void read_makesTheNodeTypesAnObjectMapperWould() {
        JsonNode n = Json.read("{\"i\":1,\"l\":9007199254740993,\"b\":123456789012345678901234,\"d\":1.5,"
                + "\"t\":true,\"z\":null,\"s\":\"\\u00e9\\n\",\"a\":[1,\"x\"],\"o\":{}}");
        assertThat(n.get("i").isInt()).isTrue();
        assertThat(n.get("l").isLong()).isTrue();
        assertThat(n.get("l").asLong()).isEqualTo(9007199254740993L);
        assertThat(n.get("b").isBigInteger()).isTrue();
        assertThat(n.get("d").isDouble()).isTrue();
        assertThat(n.get("t").booleanValue()).isTrue();
        assertThat(n.get("z").isNull()).isTrue();
        assertThat(n.get("s").textValue()).isEqualTo("é\n");
        assertThat(n.get("a")).hasSize(2);
        assertThat(n.get("o").isObject()).isTrue();
    }

    @Test
    void read_emptyBodyIsMissing_malformedTextFailsClearly() {
        assertThat(Json.read(new byte[0]).isMissingNode()).isTrue();
        assertThatThrownBy(() -> Json.read("{\"a\":")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Malformed JSON");
        assertThatThrownBy(() -> Json.read("{} {}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than one value");
    }

    @Test
    void write_roundTripsMapsListsAndTrees_inInsertionOrder() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("z", 1);
        m.put("a", List.of("x", true, 2.5));
        m.put("n", null);
        m.put("tree", Json.read("{\"k\":[1,{\"q\":\"<&>\"}]}"));
        String text = Json.write(m);
        assertThat(text).isEqualTo("{\"z\":1,\"a\":[\"x\",true,2.5],\"n\":null,\"tree\":{\"k\":[1,{\"q\":\"<&>\"}]}}");
        assertThat(Json.plain(Json.read(text))).isEqualTo(Json.plain(Json.read(Json.bytes(m))));
        assertThat(Json.write(Json.stringMap(Map.of("b", "2", "a", "1")))).isEqualTo("{\"a\":\"1\",\"b\":\"2\"}");
    }

    @Test
    void plain_givesMapsListsLongsDoublesAndNulls() {
        assertThat(Json.plain(Json.read("{\"a\":[1,2.5,null,\"s\",false]}")))
                .isEqualTo(Map.of("a", java.util.Arrays.asList(1L, 2.5, null, "s", false)));
    }

    @Test
    void messages_deliversEachValueAsSoonAsItIsComplete() throws Exception {
        Feed engine = new Feed();
        Iterator<JsonNode> it = Json.messages(engine);
        engine.send("{\"status\":\"Pulling\"}\r\n{\"status\":");
        // The second message is half-sent: the first must arrive now, not when the stream moves on or ends.
        JsonNode first = CompletableFuture.supplyAsync(it::next).get(10, TimeUnit.SECONDS);
        assertThat(first.path("status").asText()).isEqualTo("Pulling");
        engine.send("\"Done\"}");
        engine.end();
        assertThat(it.hasNext()).isTrue();
        assertThat(it.next().path("status").asText()).isEqualTo("Done");
        assertThat(it.hasNext()).isFalse();
    }

    /** A body that arrives in pieces, as a chunked progress stream does: a read returns one piece, blocking for it. */
    private static final class Feed extends InputStream {
        private final BlockingQueue<byte[]> pieces = new LinkedBlockingQueue<>();
        private byte[] current = new byte[0];
        private int pos;

        void send(String piece) {
            pieces.add(piece.getBytes(StandardCharsets.UTF_8));
        }

        void end() {
            pieces.add(new byte[0]);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (pos == current.length) {
                try {
                    current = pieces.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException();
                }
                pos = 0;
                if (current.length == 0) {
                    pieces.add(current);
                    return -1;
                }
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    @Test
    void messages_malformedStreamFailsWithAnIoError() {
        Iterator<JsonNode> it = Json.messages(new java.io.ByteArrayInputStream("{\"a\":1}{oops".getBytes()));
        assertThat(it.next().path("a").asInt()).isEqualTo(1);
        assertThatThrownBy(() -> {
            it.hasNext();
            it.next();
        }).isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(IOException.class);
    }
}
