package org.claimx.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.claimx.io.Json;

/**
 * Whatever bytes a client sends and then closes its side, the front answers with a status it means
 * (never 500), every error as JSON, and within its read timeout; and it goes on answering others.
 * Inputs are pieces of real requests joined at random, and raw bytes (no HEAD: its reply has no body to
 * tell replies apart by).
 */
class HttpFrontProperties {
    private static HttpFront front;

    @BeforeContainer
    static void start() throws IOException {
        front = new HttpFront("127.0.0.1", 0, r -> {
            byte[] body = r.body().readNBytes(2000);
            return Response.json(200, Json.mapper().createObjectNode().put("bytes", body.length));
        }, 2000, 64);
        front.start();
    }

    @AfterContainer
    static void stop() {
        front.stop(1);
    }

    private static final Set<Integer> MEANT = Set.of(200, 400, 408, 414, 417, 431, 501, 505);

    @Property(tries = 300)
    void anyBytesGetAMeantReplyOrAClose(@ForAll("requests") byte[] sent) throws Exception {
        String got;
        try (Socket s = new Socket("127.0.0.1", front.port())) {
            s.setSoTimeout(10_000); // far past the read timeout of 2 s: a server that hangs fails the property
            try {
                s.getOutputStream().write(sent);
                s.shutdownOutput();
            } catch (SocketException e) {
                // the server answered and closed before all was sent: read what it said
            }
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            try {
                s.getInputStream().transferTo(b);
            } catch (SocketException e) {
                // reset after the reply (the server stopped lingering)
            }
            got = b.toString(StandardCharsets.ISO_8859_1);
        }
        // Replies one after another: each a status line, headers, a Content-Length body.
        int at = 0;
        while (at < got.length()) {
            assertTrue(got.startsWith("HTTP/1.1 ", at), got);
            int status = Integer.parseInt(got.substring(at + 9, at + 12));
            assertTrue(MEANT.contains(status), got);
            int headEnd = got.indexOf("\r\n\r\n", at);
            assertTrue(headEnd > 0, got);
            String head = got.substring(at, headEnd);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\r\nContent-Length: (\\d+)").matcher(head);
            assertTrue(m.find(), head);
            int length = Integer.parseInt(m.group(1));
            String body = got.substring(headEnd + 4, Math.min(got.length(), headEnd + 4 + length));
            assertEquals(length, body.length(), got);
            if (status != 200) {
                assertTrue(head.contains("\r\nConnection: close"), head);
                assertTrue(Json.mapper().readTree(body).get("error").asText().length() > 0, body);
            }
            at = headEnd + 4 + length;
        }
        // And the next client is answered.
        try (Socket s = new Socket("127.0.0.1", front.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write("GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertTrue(new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1).startsWith("HTTP/1.1 200 "));
        }
    }

    private static final List<String> PIECES = List.of("GET / HTTP/1.1\r\n", "POST /v1/extract HTTP/1.1\r\n", "GET /x HTTP/1.0\r\n",
            "Host: h\r\n", "Content-Length: 5\r\n", "Content-Length: 99999999999999999999\r\n", "Transfer-Encoding: chunked\r\n",
            "Expect: 100-continue\r\n", "Connection: close\r\n", "X: " + "a".repeat(40_000) + "\r\n", "\r\n", "\r", "\n", "It is",
            "5\r\nIt is\r\n", "0\r\n\r\n", "fffffffffffffff\r\n", ";", ":", " ", "\t", "\u0000", "\u00ff", "PRI * HTTP/2.0\r\n", "HTTP/9.9");

    @Provide
    Arbitrary<byte[]> requests() {
        Arbitrary<byte[]> joined = Arbitraries.of(PIECES).list().ofMinSize(1).ofMaxSize(12)
                .map(l -> String.join("", l).getBytes(StandardCharsets.ISO_8859_1));
        Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(300);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, joined), net.jqwik.api.Tuple.of(1, raw));
    }
}
