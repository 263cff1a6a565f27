package dev.berth.internal;

import dev.berth.EngineConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Berth's HTTP/1.1 client against a scripted peer on a unix socket, speaking HTTP as the engine (Go's net/http) does:
 * chunked and length-framed bodies, keep-alive, a peer that closes idle connections, error statuses, request bodies
 * sent chunked, read timeouts and half-closed hijacked connections.
 */
@Timeout(30)
class EngineHttpTest {
    private Path dir;
    private ServerSocketChannel server;
    private Thread acceptor;
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<SocketChannel> open = new CopyOnWriteArrayList<>();
    private final BlockingQueue<String> requests = new LinkedBlockingQueue<>();
    private volatile Script script;
    private EngineHttp http;

    /** What the peer does with one connection, given its streams. */
    interface Script {
        void serve(InputStream in, OutputStream out, SocketChannel ch) throws IOException;
    }

    @BeforeEach
    void start() throws IOException {
        dir = Files.createTempDirectory("berth-http");
        Path socket = dir.resolve("engine.sock");
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        acceptor = new Thread(() -> {
            while (true) {
                SocketChannel ch;
                try {
                    ch = server.accept();
                } catch (IOException closed) {
                    return;
                }
                accepted.incrementAndGet();
                open.add(ch);
                Thread t = new Thread(() -> {
                    try (ch) {
                        script.serve(Channels.newInputStream(ch), Channels.newOutputStream(ch), ch);
                    } catch (IOException ended) {
                        // the client went away
                    }
                });
                t.setDaemon(true);
                t.start();
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        http = new EngineHttp(EngineConfig.builder().host("unix://" + socket).build());
    }

    @AfterEach
    void stop() throws IOException {
        http.close();
        server.close();
        for (SocketChannel ch : open) {
            ch.close();
        }
        Files.deleteIfExists(dir.resolve("engine.sock"));
        Files.deleteIfExists(dir);
    }

    @Test
    void call_decodesChunkedBody_withExtensionsAndTrailers_andReusesTheConnection() throws IOException {
        script = (in, out, ch) -> {
            while (readRequest(in) != null) {
                write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "5;name=value\r\n{\"a\":\r\n3\r\n12}\r\n0\r\nX-Trailer: t\r\n\r\n");
            }
        };
        EngineHttp.Reply first = http.call("GET", "/v1.41/one", null);
        EngineHttp.Reply second = http.call("GET", "/v1.41/two", null);
        assertThat(first.text()).isEqualTo("{\"a\":12}");
        assertThat(second.text()).isEqualTo("{\"a\":12}");
        assertThat(first.header("Content-Type")).isEqualTo("application/json");
        assertThat(accepted.get()).as("keep-alive: one connection for both calls").isEqualTo(1);
    }

    @Test
    void call_afterThePeerClosedTheIdleConnection_opensAFreshOne_forPostsToo() throws Exception {
        script = (in, out, ch) -> {
            String request = readRequest(in);
            write(out, "HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok");
            requests.add(request);
            // then close the idle keep-alive connection, as an engine that restarts or times it out does
        };
        assertThat(http.call("POST", "/v1.41/containers/create", "{}".getBytes()).status()).isEqualTo(201);
        requests.take();
        awaitClosedByPeer();
        assertThat(http.call("POST", "/v1.41/containers/create", "{}".getBytes()).status()).isEqualTo(201);
        assertThat(accepted.get()).isEqualTo(2);
        assertThat(requests.poll(5, TimeUnit.SECONDS)).as("the POST was sent exactly once more").isNotNull();
        assertThat(requests).isEmpty();
    }

    @Test
    void call_idempotentRequestOnAConnectionThatDiesUnanswered_isSentOnceMore() throws Exception {
        AtomicInteger served = new AtomicInteger();
        script = (in, out, ch) -> {
            while (readRequest(in) != null) {
                if (served.incrementAndGet() == 2) {
                    return; // the engine drops the connection without answering the second request
                }
                write(out, "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\n1");
            }
        };
        http.call("GET", "/v1.41/a", null);
        assertThat(http.call("GET", "/v1.41/b", null).text()).isEqualTo("1");
        assertThat(served.get()).isEqualTo(3);
    }

    @Test
    void call_postOnAConnectionThatDiesUnanswered_isNotSentTwice() throws Exception {
        AtomicInteger served = new AtomicInteger();
        script = (in, out, ch) -> {
            while (readRequest(in) != null) {
                if (served.incrementAndGet() == 2) {
                    return;
                }
                write(out, "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\n1");
            }
        };
        http.call("GET", "/v1.41/a", null);
        assertThatThrownBy(() -> http.call("POST", "/v1.41/containers/x/start", null))
                .isInstanceOf(IOException.class).hasMessageContaining("without answering");
        assertThat(served.get()).isEqualTo(2);
    }

    @Test
    void call_errorStatus_isAReply_andTheConnectionStaysUsable() throws IOException {
        script = (in, out, ch) -> {
            while (readRequest(in) != null) {
                String body = "{\"message\":\"No such container: x\"}";
                write(out, "HTTP/1.1 404 Not Found\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
            }
        };
        EngineHttp.Reply r = http.call("DELETE", "/v1.41/containers/x", null);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.text()).contains("No such container");
        assertThat(http.call("DELETE", "/v1.41/containers/x", null).status()).isEqualTo(404);
        assertThat(accepted.get()).isEqualTo(1);
    }

    @Test
    void call_bodyUntilClose_andNoContent() throws IOException {
        script = (in, out, ch) -> {
            String request = readRequest(in);
            if (request.startsWith("POST")) {
                write(out, "HTTP/1.1 204 No Content\r\n\r\n");
                readRequest(in);
            }
            write(out, "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nunframed");
        };
        assertThat(http.call("POST", "/v1.41/containers/x/stop", null).status()).isEqualTo(204);
        assertThat(http.call("GET", "/v1.41/info", null).text()).isEqualTo("unframed");
        assertThat(http.call("GET", "/v1.41/info", null).text()).isEqualTo("unframed");
        assertThat(accepted.get()).isEqualTo(2);
    }

    @Test
    void call_readTimeout_failsWhenTheEngineSendsNothing() {
        script = (in, out, ch) -> {
            readRequest(in);
            in.read(); // never answers; returns when the client gives up
        };
        long start = System.nanoTime();
        assertThatThrownBy(() -> http.call("POST", "/v1.41/containers/x/wait", Map.of(), null, 300))
                .isInstanceOf(SocketTimeoutException.class).hasMessageContaining("300 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void open_sendsTheRequestBodyChunked_andStreamsTheResponse() throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        script = (in, out, ch) -> {
            String head = readRequest(in);
            requests.add(head);
            InputStream body = new ChunkedInput(in);
            body.transferTo(received);
            write(out, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "6\r\nline1\n\r\n" + "6\r\nline2\n\r\n" + "0\r\n\r\n");
        };
        byte[] payload = new byte[200_000];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) i;
        }
        try (EngineStream s = http.open("POST", "/v1.41/build", Map.of("Content-Type", "application/x-tar"),
                new ByteArrayInputStream(payload))) {
            assertThat(s.nextLine()).isEqualTo("line1");
            assertThat(s.nextLine()).isEqualTo("line2");
            assertThat(s.nextLine()).isNull();
        }
        assertThat(requests.poll()).contains("Transfer-Encoding: chunked").contains("Content-Type: application/x-tar");
        assertThat(received.toByteArray()).isEqualTo(payload);
    }

    @Test
    void open_errorStatus_throwsWithTheEngineMessage() {
        script = (in, out, ch) -> {
            readRequest(in);
            write(out, "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 16\r\n\r\n{\"message\":\"no\"}");
        };
        assertThatThrownBy(() -> http.open("GET", "/v1.41/events", Map.of(), null))
                .isInstanceOf(EngineHttpException.class)
                .satisfies(e -> assertThat(((EngineHttpException) e).getHttpStatus()).isEqualTo(500))
                .hasMessageContaining("{\"message\":\"no\"}");
    }

    @Test
    void upgrade_halfClose_letsThePeerSeeEndOfInput_whileOutputKeepsFlowing() throws Exception {
        script = (in, out, ch) -> {
            readRequest(in);
            write(out, "HTTP/1.1 101 UPGRADED\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\nhello ");
            ByteArrayOutputStream stdin = new ByteArrayOutputStream();
            in.transferTo(stdin); // ends only when the client half-closes
            write(out, "got " + stdin.toString(StandardCharsets.UTF_8));
            ch.shutdownOutput();
        };
        EngineSocket s = http.upgrade("/v1.41/containers/x/attach?stream=1&stdin=1", null);
        try {
            s.out.write("input".getBytes(StandardCharsets.UTF_8));
            s.closeWrite();
            assertThat(new String(s.in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello got input");
        } finally {
            s.close();
        }
    }

    @Test
    void npipeHost_isRefusedWithAClearMessage() {
        assertThatThrownBy(() -> EngineConfig.builder().host("npipe:////./pipe/docker_engine").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("named pipe")
                .hasMessageContaining("tcp://");
    }

    private void awaitClosedByPeer() throws InterruptedException {
        // The peer's handler thread closes the connection right after answering; wait for that close to be done
        // (bounded), so the next call meets a pooled connection the peer has closed.
        for (int i = 0; i < 200 && open.stream().anyMatch(SocketChannel::isOpen); i++) {
            Thread.sleep(10);
        }
        assertThat(open).noneMatch(SocketChannel::isOpen);
    }

    /** Reads one request head (and a length-framed body); null at end of input. */
    private static String readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        String line;
        long length = 0;
        while ((line = EngineHttp.line(in)) != null && !line.isEmpty()) {
            head.append(line).append("\r\n");
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Long.parseLong(line.substring(15).trim());
            }
        }
        if (line == null) {
            return null;
        }
        in.readNBytes((int) length);
        return head.toString();
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
