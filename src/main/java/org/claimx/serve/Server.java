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

    /** Connection threads beyond those for work: slow clients hold these, not the ones that answer. */
    static final int SLOW_CLIENTS = 256;

    static {
        // The JDK server reads its settings once, from system properties; a value given with -D wins.
        // nodelay: a reply goes out at once, not after Nagle's ~40 ms wait on a reused connection.
        // maxReqTime: a request (headers and body) not received within 30 s has its connection closed.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) System.setProperty("sun.net.httpserver.nodelay", "true");
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) System.setProperty("sun.net.httpserver.maxReqTime", "30");
    }

    private final PaperGuard guard;
    private final Audit audit;
    private final HttpServer http;
    private final java.util.concurrent.ExecutorService connections;
    private final java.util.concurrent.Semaphore work;
    private final java.util.concurrent.atomic.AtomicInteger waiting = new java.util.concurrent.atomic.AtomicInteger();
    private final int queue;
    private final int maxBody;
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();

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
        // Enough connection threads for the workers, the queue and a few to answer 503 with (a request
        // past the queue is refused at once rather than left hanging), and for slow clients: a client
        // that sends its request slowly holds a connection thread while the JDK server reads it, and
        // must not keep /healthz or the next extraction from being answered.
        int n = threads + queue + 4 + SLOW_CLIENTS;
        var pool = new java.util.concurrent.ThreadPoolExecutor(n, n, 30, TimeUnit.SECONDS,
                new java.util.concurrent.LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "claimx-serve");
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        this.connections = pool;
        this.http = HttpServer.create(new InetSocketAddress(host, port), 64);
        http.setExecutor(connections);
        http.createContext("/", this::route);
    }

    public void start() { http.start(); }

    /** The port bound (useful with port 0). */
    public int port() { return http.getAddress().getPort(); }

    /**
     * Stops taking requests, lets those in flight finish (up to {@code seconds}), then stops. Returns
     * as soon as nothing is in flight: the JDK 17 server's own stop(seconds) waits the whole delay
     * even when idle.
     */
    public void stop(int seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        http.stop(0);
        connections.shutdown();
        try {
            connections.awaitTermination(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        guard.close();
    }

    private void route(HttpExchange ex) throws IOException {
        inFlight.incrementAndGet();
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
            inFlight.decrementAndGet();
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
        long declared = contentLength(ex);
        byte[] body = null;
        try (InputStream in = ex.getRequestBody()) {
            // maxBody + 1 would overflow at Integer.MAX_VALUE.
            if (declared <= maxBody) body = in.readNBytes((int) Math.min((long) maxBody + 1, Integer.MAX_VALUE - 8));
            if (body == null || body.length > maxBody) {
                // Read on (without keeping) before answering: a reply sent while the client is still sending is
                // lost to a reset when the connection closes with unread data. Past DISCARD_MAX, it is closed anyway.
                discard(in);
                ex.getResponseHeaders().set("Connection", "close");
                send(ex, 413, error("request body over " + maxBody + " bytes"));
                return;
            }
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

    /** The most of an oversized body read and dropped before the 413, so that the client can read the reply. */
    static final long DISCARD_MAX = 64L << 20;

    private static void discard(InputStream in) throws IOException {
        byte[] scratch = new byte[64 * 1024];
        long n = 0;
        int r;
        while (n < DISCARD_MAX && (r = in.read(scratch)) > 0) n += r;
    }

    /** The Content-Length the client declared, or -1; a value that is not a number counts as too large. */
    private static long contentLength(HttpExchange ex) {
        String v = ex.getRequestHeaders().getFirst("Content-Length");
        if (v == null) return -1;
        try {
            return Long.parseLong(v.strip());
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
