package org.claimx.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.claimx.io.Json;
import org.claimx.pipeline.SharedEngine;
import org.claimx.report.Audit;
import org.claimx.report.Names;
import org.claimx.slots.SlotLexicon;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The server on a free loopback port, every endpoint and error status through a real HTTP client. */
class ServerTest {
    private static Server server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Path lexicon = Path.of("rules/lexicon");
        // A budget far past what any request here takes, so that a busy machine turns none into a 422.
        server = new Server(SharedEngine.get(), new Audit(Names.load(lexicon), SlotLexicon.load(lexicon)), "127.0.0.1", 0, 1, 0, 3_000_000,
                120_000);
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(1);
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    static HttpResponse<String> post(String path, String type, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (type != null) b.header("Content-Type", type);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertError(HttpResponse<String> r, int status, String starts) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers().toString());
        String error = Json.mapper().readTree(r.body()).get("error").asText();
        assertTrue(error.startsWith(starts), error);
        assertFalse(r.body().contains("\tat "), "no stack trace");
    }

    @Test
    void healthAndVersion() throws Exception {
        assertEquals("ok", Json.mapper().readTree(get("/healthz").body()).get("status").asText());
        assertEquals(Server.VERSION, Json.mapper().readTree(get("/version").body()).get("version").asText());
    }

    @Test
    void extractTakesAPaperAListOrText() throws Exception {
        HttpResponse<String> one = post("/v1/extract", "application/json",
                "{\"id\":\"2401.1\",\"title\":\"Foo: A Method\",\"abstract\":\"Foo is 2.4x faster than vLLM.\"}");
        assertEquals(200, one.statusCode(), one.body());
        JsonNode claims = Json.mapper().readTree(one.body());
        assertEquals(1, claims.size());
        assertEquals("2401.1", claims.get(0).get("paper").asText());
        assertEquals("Foo", claims.get(0).get("method").asText());
        assertEquals("vLLM", claims.get(0).get("baseline").asText());
        assertEquals(java.util.List.of(), org.claimx.io.ClaimSchema.problems(claims.get(0).toString()));
        HttpResponse<String> list = post("/v1/extract", "application/json; charset=utf-8",
                "[{\"id\":\"a\",\"abstract\":\"It is 2x faster.\"},{\"id\":\"b\",\"abstract\":\"It reduces memory by 73%.\"}]");
        JsonNode both = Json.mapper().readTree(list.body());
        assertEquals(2, both.size());
        assertEquals("b", both.get(1).get("paper").asText());
        HttpResponse<String> text = post("/v1/extract", "text/plain", "It reduces memory by up to 73%.");
        assertEquals("up to", Json.mapper().readTree(text.body()).get(0).get("value").get("qualifier").asText());
    }

    @Test
    void auditGivesFindingsPerPaper() throws Exception {
        HttpResponse<String> r = post("/v1/audit", "application/json",
                "{\"id\":\"p\",\"title\":\"Foo: A\",\"abstract\":\"Foo is up to 3x faster and reduces memory by up to 40%.\"}");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode findings = Json.mapper().readTree(r.body()).get(0).get("findings");
        boolean best = false;
        for (JsonNode f : findings) best |= f.get("kind").asText().equals("best-case-only");
        assertTrue(best, r.body());
        assertTrue(findings.get(0).get("spans").size() > 0);
    }

    @Test
    void errorsAreJsonWithTheirStatus() throws Exception {
        assertError(post("/v1/extract", "application/json", "{bad"), 400, "malformed JSON");
        assertError(post("/v1/extract", "application/json", "{\"id\":\"x\"}"), 400, "no abstract");
        assertError(post("/v1/extract", "application/json", "[1]"), 400, "paper 0: not a JSON object");
        assertError(post("/v1/extract", "text/plain", "   "), 400, "empty abstract");
        assertError(post("/v1/extract", "application/xml", "<x/>"), 415, "send application/json");
        assertError(post("/v1/extract", "text/plain", "x".repeat(3_000_001)), 413, "request body over 3000000 bytes");
        assertError(get("/v1/extract"), 405, "use POST");
        assertError(post("/healthz", "text/plain", "x"), 405, "use GET");
        assertError(get("/nope"), 404, "no such endpoint: /nope");
    }

    @Test
    void aFullQueueIsRefusedWith503() throws Exception {
        // One worker and no queue: while a long abstract is worked on, a second request is refused.
        String slow = "Our method is 2.4x faster than vLLM and reduces memory by 73% on GSM8K. ".repeat(600);
        CompletableFuture<HttpResponse<String>> first = HTTP.sendAsync(HttpRequest.newBuilder(uri("/v1/extract"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(slow)).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> second = null;
        for (int i = 0; i < 200 && !first.isDone(); i++) {
            Thread.sleep(20);
            second = post("/v1/extract", "text/plain", "It is 2x faster.");
            if (second.statusCode() == 503) break;
        }
        assertTrue(second != null, "the first request ended before a second could be sent");
        assertError(second, 503, "server busy");
        assertEquals(200, first.get().statusCode());
    }

    @Test
    void stoppingAnswersTheRequestsInFlight() throws Exception {
        Path lexicon = Path.of("rules/lexicon");
        // A budget far past the few seconds this request takes, so that a busy machine does not make it a 422.
        Server other = new Server(SharedEngine.get(), new Audit(Names.load(lexicon), SlotLexicon.load(lexicon)), "127.0.0.1", 0, 1, 4, 3_000_000,
                120_000);
        other.start();
        String slow = "Our method is 2.4x faster than vLLM and reduces memory by 73% on GSM8K. ".repeat(600);
        CompletableFuture<HttpResponse<String>> inFlight = HTTP.sendAsync(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + other.port() + "/v1/extract"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(slow)).build(),
                HttpResponse.BodyHandlers.ofString());
        Thread.sleep(300);
        assertFalse(inFlight.isDone(), "the request should still be worked on");
        other.stop(120);
        HttpResponse<String> r = inFlight.get();
        assertEquals(200, r.statusCode());
        assertEquals(1200, Json.mapper().readTree(r.body()).size());
    }

    @Test
    void pathologicalAbstractsAreAnsweredAndSoIsTheNextRequest() throws Exception {
        // Once a StackOverflowError in the value rules: 1,600 times "1 x ", and 10 KB of "10x".
        HttpResponse<String> grid = post("/v1/extract", "text/plain", "The grid is " + "1 x ".repeat(1600));
        assertEquals(200, grid.statusCode(), grid.body());
        HttpResponse<String> tens = post("/v1/extract", "application/json",
                "[{\"id\":\"tens\",\"abstract\":\"" + "10x".repeat(3400) + "\"},{\"id\":\"b\",\"abstract\":\"It reduces memory by 73%.\"}]");
        assertEquals(200, tens.statusCode(), tens.body());
        assertTrue(tens.body().contains("\"paper\":\"b\""), tens.body());
        HttpResponse<String> next = post("/v1/extract", "text/plain", "Foo is 2.4x faster than vLLM.");
        assertEquals(200, next.statusCode(), next.body());
        assertEquals(1, Json.mapper().readTree(next.body()).size());
    }

    private static int recurse(int n) {
        return recurse(n + 1) + 1;
    }

    @Test
    void aPaperThatFailsOrRunsPastItsBudgetIs422NamingItAndTheServerGoesOn() throws Exception {
        Path lexicon = Path.of("rules/lexicon");
        org.claimx.pipeline.PaperGuard guard = new org.claimx.pipeline.PaperGuard(p -> {
            if (p.abstractText().contains("overflow")) recurse(0);
            if (p.abstractText().contains("slow")) {
                try {
                    Thread.sleep(30_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return SharedEngine.get().extract(p);
        }, 500);
        Server other = new Server(guard, new Audit(Names.load(lexicon), SlotLexicon.load(lexicon)), "127.0.0.1", 0, 1, 0, 3_000_000);
        other.start();
        try {
            java.util.function.Function<String, HttpResponse<String>> send = body -> {
                try {
                    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + other.port() + "/v1/extract"))
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            };
            assertError(send.apply("[{\"id\":\"a\",\"abstract\":\"It is 2x faster.\"},{\"id\":\"bad\",\"abstract\":\"an overflow\"}]"),
                    422, "paper bad: extraction failed: StackOverflowError");
            assertError(send.apply("{\"id\":\"s\",\"abstract\":\"a slow one\"}"), 422,
                    "paper s: extraction took longer than 500 ms (--max-paper-ms) and was given up");
            HttpResponse<String> next = send.apply("{\"id\":\"ok\",\"abstract\":\"Foo is 2.4x faster than vLLM.\"}");
            assertEquals(200, next.statusCode(), next.body());
            assertEquals(1, Json.mapper().readTree(next.body()).size());
        } finally {
            other.stop(1);
        }
    }

    @Test
    void thePageIsServed() throws Exception {
        HttpResponse<String> r = get("/");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(r.body().contains("<textarea id=\"abstract\"") && r.body().contains("/v1/extract"), r.body());
    }
}
