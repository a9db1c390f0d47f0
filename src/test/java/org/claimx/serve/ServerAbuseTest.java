package org.claimx.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.claimx.io.Json;
import org.claimx.pipeline.SharedEngine;
import org.claimx.report.Audit;
import org.claimx.report.Names;
import org.claimx.slots.SlotLexicon;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The server under abuse: slow and oversized requests, odd bodies, a huge --max-body, and a prompt stop. */
class ServerAbuseTest {
    private static Server server;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static Server newServer(int threads, int maxBody) throws Exception {
        Path lexicon = Path.of("rules/lexicon");
        Server s = new Server(SharedEngine.get(), new Audit(Names.load(lexicon), SlotLexicon.load(lexicon)), "127.0.0.1", 0, threads, 2, maxBody);
        s.start();
        return s;
    }

    @BeforeAll
    static void start() throws Exception {
        server = newServer(2, 1000);
    }

    @AfterAll
    static void stop() {
        server.stop(1);
    }

    private static HttpResponse<String> post(Server s, String type, String body) throws Exception {
        return post(s, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> post(Server s, String type, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/v1/extract"))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String error(HttpResponse<String> r) throws IOException {
        return Json.mapper().readTree(r.body()).get("error").asText();
    }

    @Test
    void fortySlowClientsDoNotStallHealthOrExtract() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                Socket s = new Socket("127.0.0.1", server.port());
                s.getOutputStream().write(("POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\nIt is")
                        .getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                slow.add(s);
            }
            Thread.sleep(300);
            HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/healthz"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            HttpResponse<String> extract = post(server, "text/plain", "It is 2x faster.");
            assertEquals(200, extract.statusCode(), extract.body());
        } finally {
            for (Socket s : slow) s.close();
        }
    }

    /** The reply on a raw connection, whole, once the server has closed it. */
    private static String replyAndClose(Socket s) throws IOException {
        return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void assertJsonError(String reply, int status, String error) throws IOException {
        assertTrue(reply.startsWith("HTTP/1.1 " + status + " "), reply);
        assertTrue(reply.contains("\r\nContent-Type: application/json; charset=utf-8\r\n"), reply);
        assertTrue(reply.contains("\r\nConnection: close\r\n"), reply);
        assertEquals(error, Json.mapper().readTree(reply.substring(reply.indexOf("\r\n\r\n") + 4)).get("error").asText(), reply);
    }

    @Test
    void slowClientsGet408WhileTheOthersAreAnsweredAndBadHeadsGetJson() throws Exception {
        Path lexicon = Path.of("rules/lexicon");
        Server quick = new Server(new org.claimx.pipeline.PaperGuard(SharedEngine.get(), 120_000),
                new Audit(Names.load(lexicon), SlotLexicon.load(lexicon)), "127.0.0.1", 0, new Server.Limits(2, 2, 1000, 3000, 256));
        quick.start();
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                Socket s = new Socket("127.0.0.1", quick.port());
                s.setSoTimeout(20_000);
                // Half stall in the head, half in the body.
                String part = i % 2 == 0 ? "POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Ty"
                        : "POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\nIt is";
                s.getOutputStream().write(part.getBytes(StandardCharsets.US_ASCII));
                slow.add(s);
            }
            HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + quick.port() + "/healthz"))
                    .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            HttpResponse<String> extract = post(quick, "text/plain", "It is 2x faster.");
            assertEquals(200, extract.statusCode(), extract.body());
            for (Socket s : slow) assertJsonError(replyAndClose(s), 408, "request not received within 3000 ms (--read-timeout-ms)");
            try (Socket s = new Socket("127.0.0.1", quick.port())) {
                s.setSoTimeout(20_000);
                s.getOutputStream().write(("GET /healthz HTTP/1.1\r\nHost: x\r\nCookie: " + "a".repeat(64_000) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                assertJsonError(replyAndClose(s), 431, "request head over 32768 bytes");
            }
            try (Socket s = new Socket("127.0.0.1", quick.port())) {
                s.setSoTimeout(20_000);
                s.getOutputStream().write("GARBAGE\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                assertJsonError(replyAndClose(s), 400, "malformed request line: 'GARBAGE'");
            }
        } finally {
            for (Socket s : slow) s.close();
            quick.stop(1);
        }
    }

    @Test
    void aBodyOverTheLimitGets413AndConnectionClose() throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            OutputStream o = s.getOutputStream();
            o.write("POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 5000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            o.write("x".repeat(5000).getBytes(StandardCharsets.US_ASCII));
            o.flush();
            String head = readHead(s.getInputStream());
            assertTrue(head.startsWith("HTTP/1.1 413"), head);
            assertTrue(head.toLowerCase().contains("\r\nconnection: close"), head);
        }
        // A client that sends a body far over the limit still reads the 413 (not a reset while it sends).
        HttpResponse<String> r = post(server, "text/plain", "x".repeat(2_000_000));
        assertEquals(413, r.statusCode(), r.body());
        assertEquals("request body over 1000 bytes", error(r));
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        while (!b.toString(StandardCharsets.US_ASCII).contains("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) break;
            b.write(c);
        }
        return b.toString(StandardCharsets.US_ASCII);
    }

    @Test
    void theLargestMaxBodyStillTakesRequests() throws Exception {
        Server big = newServer(1, Integer.MAX_VALUE);
        try {
            HttpResponse<String> r = post(big, "text/plain", "It is 2x faster.");
            assertEquals(200, r.statusCode(), r.body());
        } finally {
            big.stop(1);
        }
    }

    @Test
    void aSecondJsonValueAfterThePaperIs400() throws Exception {
        HttpResponse<String> r = post(server, "application/json",
                "{\"id\":\"a\",\"abstract\":\"It is 2x faster.\"}\n{\"id\":\"b\",\"abstract\":\"It is 3x faster.\"}");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(error(r).startsWith("more than one JSON value in the body"), r.body());
    }

    @Test
    void textWithANulOrInvalidUtf8IsRefusedAsTheCliRefusesIt() throws Exception {
        HttpResponse<String> nul = post(server, "text/plain", "It is 2x\u0000 faster.");
        assertEquals(400, nul.statusCode(), nul.body());
        assertTrue(error(nul).startsWith("NUL character in the abstract"), nul.body());
        HttpResponse<String> bad = post(server, "text/plain", new byte[] {'I', 't', ' ', (byte) 0xC3, '(', 'x'});
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(error(bad).startsWith("invalid UTF-8 at byte 3"), bad.body());
    }

    @Test
    void papersAreReadAsExtractReadsThem() throws Exception {
        HttpResponse<String> number = post(server, "application/json", "{\"id\":2401.10200,\"abstract\":\"It is 2x faster.\"}");
        assertEquals(200, number.statusCode(), number.body());
        assertEquals("2401.10200", Json.mapper().readTree(number.body()).get(0).get("paper").asText());
        HttpResponse<String> noId = post(server, "application/json", "{\"abstract\":\"It is 2x faster.\"}");
        assertEquals(400, noId.statusCode(), noId.body());
        assertEquals("no id", error(noId));
    }

    @Test
    void anIdleServerStopsPromptly() throws Exception {
        Server idle = newServer(1, 1000);
        long t0 = System.nanoTime();
        idle.stop(10);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 2000, "stopped in " + ms + " ms");
    }

    @Test
    void repliesOnAReusedConnectionDoNotWaitForNagle() throws Exception {
        // Warm up, so that the connection is open and reused.
        post(server, "text/plain", "It is 2x faster.");
        long t0 = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/healthz")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        // With Nagle's algorithm and delayed ACKs each reply waited about 40 ms: 20 took over 800 ms.
        assertTrue(ms < 500, "20 requests took " + ms + " ms");
    }
}
