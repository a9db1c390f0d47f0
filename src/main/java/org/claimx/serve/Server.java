package org.claimx.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.claimx.io.Json;
import org.claimx.model.Claim;
import org.claimx.model.Paper;
import org.claimx.pipeline.Engine;
import org.claimx.pipeline.PaperGuard;
import org.claimx.report.Audit;
import org.claimx.report.AuditWriter;
import org.claimx.report.PaperClaims;

/**
 * claimx over HTTP, on the JDK's own server: one engine shared by a bounded pool of workers with a
 * bounded queue. {@code POST /v1/extract} and {@code POST /v1/audit} take a paper
 * ({@code {"id","title","abstract"}}), a list of papers, or {@code text/plain} (one abstract);
 * {@code GET /healthz}, {@code GET /version}, and {@code GET /} the page that marks claims in place.
 * Errors are JSON {@code {"error": "..."}}: 400 malformed, 404, 405, 413 too large, 415 wrong type,
 * 422 when the extraction of a paper fails or runs past its time budget ({@link PaperGuard}: the
 * reply names the paper and the server goes on), 503 when the queue is full; never a stack trace. At most {@code threads} requests are worked on at
 * once and at most {@code queue} more wait; the rest are refused with 503 at once.
 */
public final class Server {
    public static final String VERSION = org.claimx.Version.text();

    private final PaperGuard guard;
    private final Audit audit;
    private final HttpServer http;
    private final java.util.concurrent.ExecutorService connections;
    private final java.util.concurrent.Semaphore work;
    private final java.util.concurrent.atomic.AtomicInteger waiting = new java.util.concurrent.atomic.AtomicInteger();
    private final int queue;
    private final int maxBody;

    public Server(Engine engine, Audit audit, String host, int port, int threads, int queue, int maxBody) throws IOException {
        this(engine, audit, host, port, threads, queue, maxBody, PaperGuard.DEFAULT_MAX_PAPER_MS);
    }

    /** As above, with the time budget of one paper in milliseconds (past it, 422). */
    public Server(Engine engine, Audit audit, String host, int port, int threads, int queue, int maxBody, long maxPaperMs)
            throws IOException {
        this(new PaperGuard(engine, maxPaperMs), audit, host, port, threads, queue, maxBody);
    }

    /** As above, extracting through {@code guard}, which the server closes when it stops. */
    public Server(PaperGuard guard, Audit audit, String host, int port, int threads, int queue, int maxBody) throws IOException {
        this.guard = guard;
        this.audit = audit;
        this.maxBody = maxBody;
        this.queue = queue;
        this.work = new java.util.concurrent.Semaphore(threads, true);
        // Enough connection threads for the workers, the queue and a few to answer 503 with: a request
        // past the queue is refused at once rather than left hanging.
        this.connections = java.util.concurrent.Executors.newFixedThreadPool(threads + queue + 4, r -> {
            Thread t = new Thread(r, "claimx-serve");
            t.setDaemon(true);
            return t;
        });
        this.http = HttpServer.create(new InetSocketAddress(host, port), 64);
        http.setExecutor(connections);
        http.createContext("/", this::route);
    }

    public void start() { http.start(); }

    /** The port bound (useful with port 0). */
    public int port() { return http.getAddress().getPort(); }

    /** Stops taking requests, lets those in flight finish (up to {@code seconds}), then stops. */
    public void stop(int seconds) {
        http.stop(seconds);
        connections.shutdown();
        try {
            connections.awaitTermination(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        guard.close();
    }

    private void route(HttpExchange ex) throws IOException {
        try {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            switch (path) {
                case "/healthz" -> onlyGet(ex, method, () -> send(ex, 200, Json.mapper().createObjectNode().put("status", "ok")));
                case "/version" -> onlyGet(ex, method, () -> send(ex, 200, Json.mapper().createObjectNode().put("version", VERSION)));
                case "/", "/index.html" -> onlyGet(ex, method, () -> sendBytes(ex, 200, "text/html; charset=utf-8", Page.html().getBytes(StandardCharsets.UTF_8)));
                case "/v1/extract" -> onlyPost(ex, method, () -> extract(ex, false));
                case "/v1/audit" -> onlyPost(ex, method, () -> extract(ex, true));
                default -> send(ex, 404, error("no such endpoint: " + path));
            }
        } catch (RuntimeException e) {
            send(ex, 500, error("internal error: " + e));
        } finally {
            ex.close();
        }
    }

    private interface Action {
        void run() throws IOException;
    }

    private static void onlyGet(HttpExchange ex, String method, Action a) throws IOException {
        if (!method.equals("GET") && !method.equals("HEAD")) send(ex, 405, error("use GET"));
        else a.run();
    }

    private static void onlyPost(HttpExchange ex, String method, Action a) throws IOException {
        if (!method.equals("POST")) send(ex, 405, error("use POST"));
        else a.run();
    }

    private void extract(HttpExchange ex, boolean auditing) throws IOException {
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        String mime = type == null ? "" : type.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
        if (!mime.equals("application/json") && !mime.equals("text/plain")) {
            send(ex, 415, error("send application/json (a paper or a list of papers) or text/plain (one abstract), not '" + mime + "'"));
            return;
        }
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readNBytes(maxBody + 1);
        }
        if (body.length > maxBody) {
            send(ex, 413, error("request body over " + maxBody + " bytes"));
            return;
        }
        if (waiting.incrementAndGet() > queue + work.availablePermits()) {
            waiting.decrementAndGet();
            send(ex, 503, error("server busy: the work queue is full, try again"));
            return;
        }
        try {
            work.acquire();
        } catch (InterruptedException e) {
            waiting.decrementAndGet();
            Thread.currentThread().interrupt();
            send(ex, 503, error("server stopping"));
            return;
        }
        waiting.decrementAndGet();
        Reply reply;
        try {
            reply = answer(mime, body, auditing);
        } finally {
            // Given back before the reply goes out: a client that sends its next request on reading
            // this one's answer must find the permit free, not be refused.
            work.release();
        }
        send(ex, reply.status(), reply.body());
    }

    /** A status and a JSON body, made while holding a work permit and sent after giving it back. */
    private record Reply(int status, JsonNode body) {}

    private Reply answer(String mime, byte[] body, boolean auditing) {
        String text = new String(body, StandardCharsets.UTF_8);
        List<Paper> papers = new ArrayList<>();
        if (mime.equals("text/plain")) {
            if (text.isBlank()) {
                return new Reply(400, error("empty abstract"));
            }
            papers.add(new Paper("text", "", text));
        } else {
            JsonNode root;
            try {
                root = Json.mapper().readTree(text);
            } catch (IOException e) {
                return new Reply(400, error("malformed JSON: " + String.valueOf(e.getMessage()).split("\n")[0]));
            }
            List<JsonNode> items = new ArrayList<>();
            if (root != null && root.isArray()) root.forEach(items::add);
            else if (root != null) items.add(root);
            for (int i = 0; i < items.size(); i++) {
                JsonNode p = items.get(i);
                String where = items.size() > 1 || (root != null && root.isArray()) ? "paper " + i + ": " : "";
                if (!p.isObject()) {
                    return new Reply(400, error(where + "not a JSON object"));
                }
                if (!p.path("abstract").isTextual() || p.path("abstract").asText().isBlank()) {
                    return new Reply(400, error(where + "no abstract (a non-empty string)"));
                }
                String id = p.path("id").isValueNode() && !p.path("id").isNull() ? p.path("id").asText() : "paper-" + i;
                papers.add(new Paper(id, p.path("title").isTextual() ? p.path("title").asText() : "", p.path("abstract").asText()));
            }
            if (papers.isEmpty()) {
                return new Reply(400, error("no paper in the request"));
            }
        }
        var out = Json.mapper().createArrayNode();
        List<AuditWriter.Audited> audited = new ArrayList<>();
        for (Paper p : papers) {
            PaperGuard.Result result = guard.extract(p);
            if (result.failed()) {
                // The paper cannot be answered, the request as a whole with it; the server goes on.
                return new Reply(422, error("paper " + p.id() + ": " + result.failure()));
            }
            List<Claim> claims = result.claims();
            List<JsonNode> nodes = new ArrayList<>();
            for (Claim c : claims) nodes.add(Json.mapper().valueToTree(c));
            if (!auditing) {
                out.addAll(nodes);
                continue;
            }
            PaperClaims pc = new PaperClaims(p.id(), p.title(), p.abstractText(), claims);
            audited.add(new AuditWriter.Audited(pc, audit.audit(pc)));
        }
        return new Reply(200, auditing ? AuditWriter.tree(audited) : out);
    }

    static ObjectNode error(String message) {
        return Json.mapper().createObjectNode().put("error", message);
    }

    private static void send(HttpExchange ex, int status, JsonNode body) throws IOException {
        sendBytes(ex, status, "application/json; charset=utf-8", Json.mapper().writeValueAsBytes(body));
    }

    private static void sendBytes(HttpExchange ex, int status, String type, byte[] bytes) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(bytes);
            }
        }
    }
}
