package org.claimx.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.claimx.io.Json;
import org.claimx.io.ReadOptions;
import org.claimx.io.RequestPapers;
import org.claimx.model.Claim;
import org.claimx.model.Paper;
import org.claimx.pipeline.Engine;
import org.claimx.pipeline.PaperGuard;
import org.claimx.report.Audit;
import org.claimx.report.AuditWriter;
import org.claimx.report.PaperClaims;

/**
 * claimx over HTTP: one engine shared by a bounded pool of workers with a bounded queue, behind
 * {@link HttpFront}, which reads requests (a bounded time and size for each) apart from the work.
 * {@code POST /v1/extract} and {@code POST /v1/audit} take a paper ({@code {"id","title","abstract"}}),
 * a list of papers, or {@code text/plain} (one abstract); {@code GET /healthz}, {@code GET /version},
 * and {@code GET /} the page that marks claims in place. Errors are JSON {@code {"error": "..."}}: 400
 * malformed, 404, 405, 408 a request not received within the read timeout, 413 too large, 415 wrong
 * type, 422 when the extraction of a paper fails or runs past its time budget ({@link PaperGuard}: the
 * reply names the paper and the server goes on), 431 a head too large, 503 when the queue is full;
 * never a stack trace. At most {@code threads} requests are worked on at once and at most
 * {@code queue} more wait; the rest are refused with 503 at once.
 */
public final class Server {
    public static final String VERSION = org.claimx.Version.text();

    /**
     * How much the server takes on: requests worked on at once, requests that may wait, the largest
     * body, the time a client has to send a request (head and body, from its first byte), and the
     * connections open at once (a slow client holds one, not a worker).
     */
    public record Limits(int threads, int queue, int maxBody, long readTimeoutMs, int maxConnections) {
        public static final long DEFAULT_READ_TIMEOUT_MS = 30_000;
        public static final int DEFAULT_MAX_CONNECTIONS = 256;

        public Limits(int threads, int queue, int maxBody) {
            this(threads, queue, maxBody, DEFAULT_READ_TIMEOUT_MS, DEFAULT_MAX_CONNECTIONS);
        }
    }

    private final PaperGuard guard;
    private final Audit audit;
    private final HttpFront http;
    private final Semaphore work;
    private final AtomicInteger waiting = new AtomicInteger();
    private final int queue;
    private final int maxBody;

    public Server(Engine engine, Audit audit, String host, int port, int threads, int queue, int maxBody) throws IOException {
        this(engine, audit, host, port, threads, queue, maxBody, PaperGuard.DEFAULT_MAX_PAPER_MS);
    }

    /** As above, with the time budget of one paper in milliseconds (past it, 422). */
    public Server(Engine engine, Audit audit, String host, int port, int threads, int queue, int maxBody, long maxPaperMs)
            throws IOException {
        this(new PaperGuard(engine, maxPaperMs), audit, host, port, new Limits(threads, queue, maxBody));
    }

    /** As above, extracting through {@code guard}, which the server closes when it stops. */
    public Server(PaperGuard guard, Audit audit, String host, int port, int threads, int queue, int maxBody) throws IOException {
        this(guard, audit, host, port, new Limits(threads, queue, maxBody));
    }

    /** Extracting through {@code guard} (closed when the server stops) within {@code limits}. */
    public Server(PaperGuard guard, Audit audit, String host, int port, Limits limits) throws IOException {
        this.guard = guard;
        this.audit = audit;
        this.maxBody = limits.maxBody();
        this.queue = limits.queue();
        this.work = new Semaphore(limits.threads(), true);
        this.http = new HttpFront(host, port, this::route, limits.readTimeoutMs(), limits.maxConnections());
    }

    public void start() { http.start(); }

    /** The port bound (useful with port 0). */
    public int port() { return http.port(); }

    /**
     * Stops taking connections, lets the requests in flight finish (up to {@code seconds}), then
     * closes every connection. Returns as soon as nothing is in flight.
     */
    public void stop(int seconds) {
        http.stop(seconds);
        guard.close();
    }

    private Response route(Request r) throws IOException {
        String path = r.path();
        String method = r.method();
        try {
            return switch (path) {
                case "/healthz" -> onlyGet(method, () -> Response.json(200, Json.mapper().createObjectNode().put("status", "ok")));
                case "/version" -> onlyGet(method, () -> Response.json(200, Json.mapper().createObjectNode().put("version", VERSION)));
                case "/", "/index.html" -> onlyGet(method, () -> new Response(200, "text/html; charset=utf-8",
                        Page.html().getBytes(StandardCharsets.UTF_8), false, null));
                case "/v1/extract" -> onlyPost(method, () -> extract(r, false));
                case "/v1/audit" -> onlyPost(method, () -> extract(r, true));
                default -> Response.error(404, "no such endpoint: " + path);
            };
        } catch (RuntimeException e) {
            return Response.error(500, "internal error: " + e);
        }
    }

    private interface Action {
        Response run() throws IOException;
    }

    private static Response onlyGet(String method, Action a) throws IOException {
        if (!method.equals("GET") && !method.equals("HEAD")) return Response.error(405, "use GET").allowing("GET, HEAD");
        return a.run();
    }

    private static Response onlyPost(String method, Action a) throws IOException {
        if (!method.equals("POST")) return Response.error(405, "use POST").allowing("POST");
        return a.run();
    }

    private Response extract(Request r, boolean auditing) throws IOException {
        String type = r.header("Content-Type");
        String mime = type == null ? "" : type.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!mime.equals("application/json") && !mime.equals("text/plain")) {
            return Response.error(415, "send application/json (a paper or a list of papers) or text/plain (one abstract), not '" + mime + "'");
        }
        long declared = contentLength(r);
        String tooLarge = "request body over " + maxBody + " bytes";
        // A client that waits for 100 (Continue) before a body declared too large is told at once, and sends nothing.
        if (declared > maxBody && r.header("Expect") != null) return Response.error(413, tooLarge).closing();
        byte[] body = null;
        InputStream in = r.body();
        // maxBody + 1 would overflow at Integer.MAX_VALUE.
        if (declared <= maxBody) body = in.readNBytes((int) Math.min((long) maxBody + 1, Integer.MAX_VALUE - 8));
        if (body == null || body.length > maxBody) {
            // Read on (without keeping) before answering: a reply sent while the client is still sending is
            // lost to a reset when the connection closes with unread data. Past DISCARD_MAX, it is closed anyway.
            discard(in);
            return Response.error(413, tooLarge).closing();
        }
        if (waiting.incrementAndGet() > queue + work.availablePermits()) {
            waiting.decrementAndGet();
            return Response.error(503, "server busy: the work queue is full, try again");
        }
        try {
            work.acquire();
        } catch (InterruptedException e) {
            waiting.decrementAndGet();
            Thread.currentThread().interrupt();
            return Response.error(503, "server stopping").closing();
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
        return Response.json(reply.status(), reply.body());
    }

    /** The most of an oversized body read and dropped before the 413, so that the client can read the reply. */
    static final long DISCARD_MAX = 64L << 20;

    private static void discard(InputStream in) throws IOException {
        byte[] scratch = new byte[64 * 1024];
        long n = 0;
        int r;
        while (n < DISCARD_MAX && (r = in.read(scratch)) > 0) n += r;
    }

    /** The Content-Length the client declared (the front has checked it is a number), or -1. */
    private static long contentLength(Request r) {
        String v = r.header("Content-Length");
        if (v == null) return -1;
        try {
            return Long.parseLong(v.split(",")[0].strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** A status and a JSON body, made while holding a work permit and sent after giving it back. */
    private record Reply(int status, JsonNode body) {}

    private Reply answer(String mime, byte[] body, boolean auditing) {
        // The same reader and checks as extract: a record gives the same paper, or the same reason it is not one.
        RequestPapers.Result read = mime.equals("text/plain") ? RequestPapers.text(body, "text", ReadOptions.DEFAULT)
                : RequestPapers.json(body, ReadOptions.DEFAULT);
        if (read.problem() != null) return new Reply(400, error(read.problem()));
        List<Paper> papers = read.papers();
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
}
