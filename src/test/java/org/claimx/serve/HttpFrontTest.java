package org.claimx.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.claimx.io.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP/1.1 front on its own, with a handler that echoes what it was given: what a request must
 * look like, the time and size it may take, and how connections are kept, reused and closed. Timeouts
 * are short here; no assertion is about speed.
 */
class HttpFrontTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<HttpFront> fronts = new ArrayList<>();
    private final List<Socket> sockets = new ArrayList<>();

    /** Echoes method, path and the body it read as JSON; "/big" answers 32 MB, "/unread" does not read the body. */
    private static Response echo(Request r) throws IOException {
        if (r.path().equals("/big")) return new Response(200, "text/plain", new byte[32 << 20], false, null);
        String body = r.path().equals("/unread") ? "" : new String(r.body().readAllBytes(), StandardCharsets.UTF_8);
        return Response.json(200, Json.mapper().createObjectNode().put("method", r.method()).put("path", r.path()).put("body", body));
    }

    private HttpFront front(long readTimeoutMs, int maxConnections) throws IOException {
        HttpFront f = new HttpFront("127.0.0.1", 0, HttpFrontTest::echo, readTimeoutMs, maxConnections);
        f.start();
        fronts.add(f);
        return f;
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket s : sockets) s.close();
        for (HttpFront f : fronts) f.stop(1);
    }

    private Socket connect(HttpFront f) throws IOException {
        Socket s = new Socket("127.0.0.1", f.port());
        s.setSoTimeout(10_000); // far past every read timeout used here: a reply that never comes fails the test
        sockets.add(s);
        return s;
    }

    private static void send(Socket s, String text) throws IOException {
        OutputStream o = s.getOutputStream();
        o.write(text.getBytes(StandardCharsets.ISO_8859_1));
        o.flush();
    }

    record Reply(int status, String head, String body) {
        boolean closes() { return head.toLowerCase(Locale.ROOT).contains("\r\nconnection: close\r\n"); }

        String error() throws IOException { return Json.mapper().readTree(body).get("error").asText(); }

        String json(String field) throws IOException { return Json.mapper().readTree(body).get(field).asText(); }
    }

    /** One reply off the connection (its head and Content-Length body), or null at end of stream. */
    private static Reply reply(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        while (!b.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                if (b.size() == 0) return null;
                throw new IOException("reply ends in its head: " + b);
            }
            b.write(c);
        }
        String head = b.toString(StandardCharsets.ISO_8859_1);
        int status = Integer.parseInt(head.substring(9, 12));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)\r\ncontent-length: (\\d+)\r\n").matcher(head);
        int length = m.find() ? Integer.parseInt(m.group(1)) : 0;
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        return new Reply(status, head, body);
    }

    /** The final reply to a request that closes the connection after it: nothing follows. */
    private static Reply lastReply(Socket s) throws IOException {
        Reply r = reply(s.getInputStream());
        assertNotNull(r, "no reply");
        assertTrue(r.closes(), r.head());
        assertEquals(-1, s.getInputStream().read(), "the connection is closed after " + r.status());
        assertTrue(r.head().contains("\r\nContent-Type: application/json; charset=utf-8\r\n"), r.head());
        return r;
    }

    private static final String POST = "POST /x HTTP/1.1\r\nHost: h\r\n";

    @Test
    void aHeadNotReceivedInTimeIs408AndClose() throws Exception {
        HttpFront f = front(300, 16);
        Socket s = connect(f);
        send(s, "POST /x HTTP/1.1\r\nHost: h\r\nContent-Le");
        Reply r = lastReply(s);
        assertEquals(408, r.status(), r.head());
        assertEquals("request not received within 300 ms (--read-timeout-ms)", r.error());
        // A connection that sends nothing at all is answered the same way.
        Socket silent = connect(f);
        assertEquals(408, lastReply(silent).status());
    }

    @Test
    void aBodyNotReceivedInTimeIs408AndClose() throws Exception {
        HttpFront f = front(300, 16);
        Socket s = connect(f);
        send(s, POST + "Content-Length: 100\r\n\r\nIt is");
        Reply r = lastReply(s);
        assertEquals(408, r.status(), r.head());
        assertEquals("request not received within 300 ms (--read-timeout-ms)", r.error());
        Socket chunked = connect(f);
        send(chunked, POST + "Transfer-Encoding: chunked\r\n\r\n5\r\nIt is\r\n");
        assertEquals(408, lastReply(chunked).status());
    }

    @Test
    void aClientThatTricklesGainsNoTime() throws Exception {
        // One byte every 100 ms, each well within the timeout of 1 s: the request as a whole (6 s) is still late.
        HttpFront f = front(1000, 16);
        Socket s = connect(f);
        s.setTcpNoDelay(true);
        byte[] request = (POST + "Content-Length: 5\r\n\r\nIt is").getBytes(StandardCharsets.US_ASCII);
        AtomicReference<Reply> got = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try {
                got.set(reply(s.getInputStream()));
            } catch (IOException e) {
                // left null
            }
        });
        reader.start();
        int sent = 0;
        try {
            for (; sent < request.length && reader.isAlive(); sent++) {
                s.getOutputStream().write(request[sent]);
                s.getOutputStream().flush();
                Thread.sleep(100);
            }
        } catch (IOException e) {
            // the server closed the connection
        }
        reader.join(10_000);
        assertNotNull(got.get(), "no reply");
        assertEquals(408, got.get().status());
        assertTrue(sent < request.length, "the whole request went out before the reply");
    }

    @Test
    void aHeadOverTheLimitIs431AsJson() throws Exception {
        HttpFront f = front(5000, 16);
        Socket s = connect(f);
        send(s, POST + "X-Big: " + "a".repeat(100_000) + "\r\n\r\n");
        Reply r = lastReply(s);
        assertEquals(431, r.status(), r.head());
        assertEquals("request head over 32768 bytes", r.error());
        Socket many = connect(f);
        send(many, POST + "X-A: 1\r\n".repeat(101) + "\r\n");
        Reply m = lastReply(many);
        assertEquals(431, m.status());
        assertEquals("more than 100 header fields", m.error());
        // A real client sees the 431, not a reset.
        HttpResponse<String> viaClient = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + f.port() + "/x"))
                .header("X-Big", "a".repeat(200_000)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(431, viaClient.statusCode());
        assertEquals("request head over 32768 bytes", Json.mapper().readTree(viaClient.body()).get("error").asText());
    }

    @Test
    void aRequestLineOverTheLimitIs414() throws Exception {
        HttpFront f = front(5000, 16);
        Socket s = connect(f);
        send(s, "GET /" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: h\r\n\r\n");
        Reply r = lastReply(s);
        assertEquals(414, r.status());
        assertEquals("request line over 8192 bytes", r.error());
    }

    /** Sends {@code request} on a fresh connection and returns the reply, which must close it. */
    private Reply refused(HttpFront f, String request) throws Exception {
        try (Socket s = connect(f)) {
            send(s, request);
            return lastReply(s);
        }
    }

    @Test
    void protocolErrorsAreJson400sAndTheirKin() throws Exception {
        // A long read timeout: each of these is answered at once, not when the client gives up.
        HttpFront f = front(60_000, 16);
        Reply garbage = refused(f, "HELLO\r\n\r\n");
        assertEquals(400, garbage.status());
        assertEquals("malformed request line: 'HELLO'", garbage.error());
        Reply tls = refused(f, "\u0016\u0003\u0001\u0002\u0000\u0001");
        assertEquals(400, tls.status());
        assertTrue(tls.error().startsWith("this looks like a TLS handshake"), tls.error());
        Reply binary = refused(f, "GET /\u0000 HTTP/1.1\r\n\r\n");
        assertEquals(400, binary.status());
        assertEquals("malformed request line: byte 0x0 in it", binary.error());
        assertEquals(400, refused(f, "GET / FTP/1.0\r\n\r\n").status());
        assertEquals(400, refused(f, "GET  / HTTP/1.1\r\nHost: h\r\n\r\n").status());
        assertEquals(400, refused(f, "GET /a b HTTP/1.1\r\nHost: h\r\n\r\n").status());
        assertEquals(400, refused(f, "GET /\r\nHost: h\r\n\r\n").status());
        Reply h2 = refused(f, "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
        assertEquals(505, h2.status());
        assertEquals("HTTP/2.0 is not supported: send HTTP/1.1", h2.error());
        assertEquals("no Host header (HTTP/1.1 requires one)", refused(f, "GET / HTTP/1.1\r\n\r\n").error());
        assertEquals("more than one Host header", refused(f, "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n").error());
        assertEquals("malformed header line: 'no colon here'", refused(f, POST + "no colon here\r\n\r\n").error());
        assertEquals("malformed header line: 'Content-Length : 5'", refused(f, POST + "Content-Length : 5\r\n\r\nabcde").error());
        assertTrue(refused(f, POST + "X-A: 1\r\n  folded\r\n\r\n").error().startsWith("a header line folded"));
        assertEquals("header X-A holds a control character", refused(f, POST + "X-A: a\u0001b\r\n\r\n").error());
        assertEquals("header X-A holds a control character", refused(f, POST + "X-A: ab\u001f\r\n\r\n").error());
        assertEquals("a CR not followed by LF in the request head", refused(f, POST + "X-A: a\rb\r\n\r\n").error());
        assertEquals("malformed Content-Length: '-5'", refused(f, POST + "Content-Length: -5\r\n\r\n").error());
        assertEquals("malformed Content-Length: '5x'", refused(f, POST + "Content-Length: 5x\r\n\r\n").error());
        assertEquals("Content-Length given twice with different values",
                refused(f, POST + "Content-Length: 5\r\nContent-Length: 6\r\n\r\nabcdef").error());
        assertEquals("both Content-Length and Transfer-Encoding: send one",
                refused(f, POST + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n").error());
        Reply gzip = refused(f, POST + "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n");
        assertEquals(501, gzip.status());
        assertEquals("Transfer-Encoding 'gzip, chunked' is not supported: send chunked or a Content-Length", gzip.error());
        Reply expect = refused(f, POST + "Expect: something-else\r\n\r\n");
        assertEquals(417, expect.status());
        assertEquals(400, refused(f, "GET /%zz HTTP/1.1\r\nHost: h\r\n\r\n").status());
        Reply chunk = refused(f, POST + "Transfer-Encoding: chunked\r\n\r\nzz\r\nIt is\r\n0\r\n\r\n");
        assertEquals(400, chunk.status());
        assertEquals("malformed chunked body: chunk size 'zz' after 0 bytes", chunk.error());
        assertEquals("malformed chunked body: no CRLF after a chunk",
                refused(f, POST + "Transfer-Encoding: chunked\r\n\r\n2\r\nIt is\r\n0\r\n\r\n").error());
        Socket shortBody = connect(f);
        send(shortBody, POST + "Content-Length: 10\r\n\r\nIt is");
        shortBody.shutdownOutput();
        assertEquals("the body ended after 5 of its 10 bytes (Content-Length)", lastReply(shortBody).error());
    }

    @Test
    void aConnectionCarriesRequestsInTurnAndPipelined() throws Exception {
        HttpFront f = front(5000, 16);
        Socket s = connect(f);
        send(s, POST + "Content-Length: 5\r\n\r\nIt is");
        Reply first = reply(s.getInputStream());
        assertEquals(200, first.status());
        assertEquals("It is", first.json("body"));
        assertTrue(!first.closes(), first.head());
        // Two requests in one write, the second with a chunked body (and an extension and a trailer), a GET with no body after.
        send(s, POST + "Content-Length: 3\r\n\r\nabc" + POST + "Transfer-Encoding: chunked\r\n\r\n3;ext=1\r\nIt \r\n0a\r\n2x faster.\r\n0\r\nX-T: 1\r\n\r\n"
                + "\r\nGET /q?a=1 HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");
        assertEquals("abc", reply(s.getInputStream()).json("body"));
        assertEquals("It 2x faster.", reply(s.getInputStream()).json("body"));
        Reply get = lastReply(s);
        assertTrue(get.head().matches("(?s).*\r\nDate: [A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT\r\n.*"), get.head());
        assertEquals("/q", get.json("path"));
        assertEquals("GET", get.json("method"));
    }

    @Test
    void aBodyTheHandlerLeftUnreadIsSkippedAndTheConnectionKept() throws Exception {
        HttpFront f = front(5000, 16);
        Socket s = connect(f);
        send(s, "POST /unread HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\n0123456789" + POST + "Content-Length: 2\r\n\r\nok");
        Reply first = reply(s.getInputStream());
        assertEquals(200, first.status());
        assertTrue(!first.closes());
        assertEquals("ok", reply(s.getInputStream()).json("body"));
    }

    @Test
    void http10ClosesAndAbsoluteTargetsAreRead() throws Exception {
        HttpFront f = front(5000, 16);
        Reply r = refused(f, "GET http://127.0.0.1/healthz HTTP/1.0\r\n\r\n");
        assertEquals(200, r.status());
        assertEquals("/healthz", r.json("path"));
        assertEquals("//a/b c", refused(f, "GET //a/b%20c HTTP/1.0\r\n\r\n").json("path"));
    }

    @Test
    void expectContinueGetsA100BeforeTheBody() throws Exception {
        HttpFront f = front(5000, 16);
        Socket s = connect(f);
        send(s, POST + "Content-Length: 5\r\nExpect: 100-continue\r\n\r\n");
        byte[] interim = s.getInputStream().readNBytes("HTTP/1.1 100 Continue\r\n\r\n".length());
        assertEquals("HTTP/1.1 100 Continue\r\n\r\n", new String(interim, StandardCharsets.US_ASCII));
        send(s, "It is");
        assertEquals("It is", reply(s.getInputStream()).json("body"));
        // A handler that answers without the body sends no 100 and closes: the client's body may never come.
        Socket unread = connect(f);
        send(unread, "POST /unread HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
        Reply r = reply(unread.getInputStream());
        assertEquals(200, r.status(), r.head());
        assertTrue(r.closes(), r.head());
        // And through a real client.
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> viaClient = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + f.port() + "/x")).expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofString("It is 2x faster.")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("It is 2x faster.", Json.mapper().readTree(viaClient.body()).get("body").asText());
    }

    @Test
    void headGetsTheLengthAndNoBody() throws Exception {
        HttpFront f = front(5000, 16);
        Socket s = connect(f);
        send(s, "HEAD /x HTTP/1.1\r\nHost: h\r\n\r\nGET /y HTTP/1.1\r\nHost: h\r\n\r\n");
        InputStream in = s.getInputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        while (!b.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) b.write(in.read());
        assertTrue(b.toString(StandardCharsets.ISO_8859_1).contains("\r\nContent-Length: "), b.toString());
        // The next bytes are the GET's reply, not a body of the HEAD's.
        Reply next = reply(in);
        assertEquals("/y", next.json("path"));
    }

    @Test
    void anIdleConnectionIsClosedWithoutAReply() throws Exception {
        HttpFront f = front(300, 16);
        Socket s = connect(f);
        send(s, POST + "Content-Length: 2\r\n\r\nok");
        assertEquals(200, reply(s.getInputStream()).status());
        assertEquals(-1, s.getInputStream().read(), "closed after the read timeout of idleness, with no 408");
    }

    @Test
    void connectionsOverTheLimitAre503AndTheOthersGoOn() throws Exception {
        HttpFront f = front(60_000, 2);
        Socket a = connect(f);
        Socket b = connect(f);
        send(a, POST + "Content-Length: 1\r\n\r\na");
        assertEquals(200, reply(a.getInputStream()).status());
        send(b, POST + "Content-Length: 1\r\n\r\nb");
        assertEquals(200, reply(b.getInputStream()).status());
        Reply third = refused(f, POST + "Content-Length: 1\r\n\r\nc");
        assertEquals(503, third.status());
        assertEquals("server busy: 2 connections are open (--max-connections), try again", third.error());
        send(a, POST + "Content-Length: 1\r\n\r\na");
        assertEquals(200, reply(a.getInputStream()).status());
    }

    @Test
    void fortySlowClientsLeaveTheOthersAnswered() throws Exception {
        HttpFront f = front(60_000, 256);
        for (int i = 0; i < 40; i++) send(connect(f), POST + "Content-Length: 100\r\n\r\nIt is");
        for (int i = 0; i < 40; i++) send(connect(f), "GET /x HTTP/1.1\r\nHo");
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + f.port() + "/x"))
                .POST(HttpRequest.BodyPublishers.ofString("It is 2x faster.")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertEquals("It is 2x faster.", Json.mapper().readTree(r.body()).get("body").asText());
    }

    @Test
    void aReplyTheClientDoesNotReadHasItsConnectionClosed() throws Exception {
        HttpFront f = front(500, 16);
        Socket s = connect(f);
        s.setReceiveBufferSize(4096);
        send(s, "GET /big HTTP/1.1\r\nHost: h\r\n\r\n");
        // The server's write blocks once the socket buffers are full; the watchdog ends it.
        for (int i = 0; i < 1000 && f.active() == 0; i++) Thread.sleep(10);
        for (int i = 0; i < 1000 && f.active() > 0; i++) Thread.sleep(10);
        assertEquals(0, f.active(), "the stuck reply was given up");
    }

    @Test
    void stopClosesIdleConnectionsAndRefusesNewOnes() throws Exception {
        HttpFront f = front(60_000, 16);
        Socket s = connect(f);
        send(s, POST + "Content-Length: 2\r\n\r\nok");
        assertEquals(200, reply(s.getInputStream()).status());
        f.stop(5);
        assertNull(reply(s.getInputStream()), "the idle connection was closed");
        assertTrue(assertRefused(f.port()));
    }

    private static boolean assertRefused(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
