package org.claimx.serve;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP/1.1 server (RFC 9112) in front of claimx's handler, written for clients that misbehave:
 * the JDK's {@code com.sun.net.httpserver} cannot answer 408 or 431 and writes its own HTML 400s.
 *
 * <p>Each connection has a thread of its own, up to {@code maxConnections} open at once (more are
 * answered 503 and closed), so a slow client holds one thread that waits on its socket and nothing
 * else: reading is apart from extracting, whose workers the handler bounds. A request, head and body,
 * must be received within {@code readTimeoutMs} of its first byte (of the connection's opening, for
 * the first one): past it, 408 and the connection is closed. A connection idle that long between
 * requests is closed. A reply that the client does not read within the same time has its connection
 * closed. Keep-alive, pipelining, Content-Length and chunked bodies, {@code Expect: 100-continue} and
 * HEAD are supported; every error it finds itself is JSON {@code {"error": ...}} with
 * {@code Connection: close}.
 */
final class HttpFront {
    interface Handler {
        /** The reply to {@code request}; an {@link HttpError} from reading its body becomes that error's reply. */
        Response handle(Request request) throws IOException;
    }

    /** After a reply that closes the connection, what the client still sends is read (and dropped) this long, so that it gets the reply, not a reset. */
    static final long LINGER_MS = 1000;
    /** A body the handler left unread is read on up to this many bytes to keep the connection; past it, the connection is closed. */
    static final long DRAIN_MAX = 1 << 20;

    /** IMF-fixdate (RFC 9110 5.6.7): a two-digit day, which RFC_1123_DATE_TIME does not give. */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.ROOT);
    private static final Map<Integer, String> REASONS = Map.ofEntries(Map.entry(100, "Continue"), Map.entry(200, "OK"),
            Map.entry(400, "Bad Request"), Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(408, "Request Timeout"),
            Map.entry(413, "Content Too Large"), Map.entry(414, "URI Too Long"), Map.entry(415, "Unsupported Media Type"),
            Map.entry(417, "Expectation Failed"), Map.entry(422, "Unprocessable Content"), Map.entry(431, "Request Header Fields Too Large"),
            Map.entry(500, "Internal Server Error"), Map.entry(501, "Not Implemented"), Map.entry(503, "Service Unavailable"),
            Map.entry(505, "HTTP Version Not Supported"));

    private final Handler handler;
    private final long readTimeoutMs;
    private final int maxConnections;
    private final ServerSocket listener;
    private final Semaphore slots;
    private final ExecutorService connections;
    private final ThreadPoolExecutor refusals;
    private final ScheduledExecutorService watchdog;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger active = new AtomicInteger();
    private volatile boolean stopping;
    private Thread acceptor;

    HttpFront(String host, int port, Handler handler, long readTimeoutMs, int maxConnections) throws IOException {
        if (readTimeoutMs < 1) throw new IllegalArgumentException("the read timeout must be a positive number of milliseconds: " + readTimeoutMs);
        if (maxConnections < 1) throw new IllegalArgumentException("the connection limit must be at least 1: " + maxConnections);
        this.handler = handler;
        this.readTimeoutMs = readTimeoutMs;
        this.maxConnections = maxConnections;
        this.slots = new Semaphore(maxConnections);
        this.connections = Executors.newCachedThreadPool(daemons("claimx-serve"));
        // Refusals linger briefly too, on a few threads of their own; when those are busy a refusal is a plain close.
        this.refusals = new ThreadPoolExecutor(0, 4, 10, TimeUnit.SECONDS, new SynchronousQueue<>(), daemons("claimx-serve-refuse"),
                new ThreadPoolExecutor.AbortPolicy());
        this.watchdog = Executors.newSingleThreadScheduledExecutor(daemons("claimx-serve-watchdog"));
        this.listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(host, port), 128);
    }

    private static java.util.concurrent.ThreadFactory daemons(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    int port() { return listener.getLocalPort(); }

    void start() {
        acceptor = new Thread(this::acceptLoop, "claimx-serve-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptLoop() {
        while (!stopping) {
            Socket s;
            try {
                s = listener.accept();
            } catch (IOException e) {
                if (stopping || listener.isClosed()) return;
                // A connection that failed while being accepted (reset at once) or no descriptor left for it:
                // the next one, after a pause that keeps a lasting failure from spinning.
                try {
                    Thread.sleep(20);
                } catch (InterruptedException ie) {
                    return;
                }
                continue;
            }
            long acceptedAt = System.nanoTime();
            if (!slots.tryAcquire()) {
                try {
                    refusals.execute(() -> refuse(s));
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    closeQuietly(s);
                }
                continue;
            }
            open.add(s);
            try {
                connections.execute(() -> {
                    try {
                        serve(s, acceptedAt);
                    } finally {
                        open.remove(s);
                        closeQuietly(s);
                        slots.release();
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                open.remove(s);
                closeQuietly(s);
                slots.release();
            }
        }
    }

    /** 503 to a connection over the limit. */
    private void refuse(Socket s) {
        try {
            s.setTcpNoDelay(true);
            Wire wire = new Wire(s);
            write(s, s.getOutputStream(), false, Response.error(503, "server busy: " + maxConnections
                    + " connections are open (--max-connections), try again").closing());
            linger(s, wire);
        } catch (IOException e) {
            // the client is gone
        } finally {
            closeQuietly(s);
        }
    }

    private String lateMessage() {
        return "request not received within " + readTimeoutMs + " ms (--read-timeout-ms)";
    }

    private void serve(Socket s, long acceptedAt) {
        try {
            s.setTcpNoDelay(true); // a reply goes out at once, not after Nagle's ~40 ms wait on a reused connection
            Wire wire = new Wire(s);
            OutputStream out = new BufferedOutputStream(s.getOutputStream(), 16 * 1024);
            RequestReader reader = new RequestReader(wire, () -> {
                try {
                    out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            long start = acceptedAt;
            boolean first = true;
            while (true) {
                if (!first) {
                    // Idle between requests: a connection that sends nothing for the read timeout is closed, without a reply.
                    if (!wire.await(readTimeoutMs)) return;
                    start = System.nanoTime();
                }
                first = false;
                wire.deadline(start + TimeUnit.MILLISECONDS.toNanos(readTimeoutMs), lateMessage());
                if (stopping) {
                    write(s, out, false, Response.error(503, "server stopping").closing());
                    linger(s, wire);
                    return;
                }
                RequestReader.Read read;
                try {
                    read = reader.next();
                } catch (HttpError e) {
                    write(s, out, false, Response.error(e.status(), e.getMessage()).closing());
                    linger(s, wire);
                    return;
                }
                if (read == null) return;
                if (!exchange(s, wire, out, read)) return;
            }
        } catch (IOException | UncheckedIOException e) {
            // The client reset or closed the connection, or did not read its reply in time: nothing to answer.
        }
    }

    /** Handles one request and writes its reply; false when the connection is to be closed. */
    private boolean exchange(Socket s, Wire wire, OutputStream out, RequestReader.Read read) throws IOException {
        boolean keep;
        active.incrementAndGet();
        try {
            Request request = read.request();
            RequestReader.Body body = read.body();
            Response reply;
            try {
                reply = handler.handle(request);
            } catch (HttpError e) {
                reply = Response.error(e.status(), e.getMessage()).closing();
            } catch (UncheckedIOException e) {
                throw e.getCause(); // from writing the 100 (Continue): the client is gone
            } catch (RuntimeException e) {
                reply = Response.error(500, "internal error: " + e).closing();
            }
            keep = !reply.close() && read.keepAlive() && !stopping && !body.awaitingContinue()
                    && (body.done() || (body.left() >= 0 && body.left() <= DRAIN_MAX));
            write(s, out, request.method().equals("HEAD"), keep ? reply : reply.closing());
            if (keep) {
                try {
                    return body.drain(DRAIN_MAX);
                } catch (HttpError e) {
                    return false;
                }
            }
        } finally {
            active.decrementAndGet();
        }
        linger(s, wire); // the reply is out: a stop need not wait for this
        return false;
    }

    /** Writes a reply; a client that does not take it within the read timeout has its connection closed. */
    private void write(Socket s, OutputStream out, boolean head, Response r) throws IOException {
        StringBuilder h = new StringBuilder(256);
        h.append("HTTP/1.1 ").append(r.status()).append(' ').append(REASONS.getOrDefault(r.status(), "Status")).append("\r\n");
        h.append("Date: ").append(DATE.format(ZonedDateTime.now(ZoneOffset.UTC))).append("\r\n");
        h.append("Content-Type: ").append(r.contentType()).append("\r\n");
        h.append("Content-Length: ").append(r.body().length).append("\r\n");
        if (r.allow() != null) h.append("Allow: ").append(r.allow()).append("\r\n");
        if (r.close()) h.append("Connection: close\r\n");
        h.append("\r\n");
        ScheduledFuture<?> kill;
        try {
            kill = watchdog.schedule(() -> closeQuietly(s), readTimeoutMs, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            throw new IOException("the server has stopped"); // a connection that outlived stop(): it is closed
        }
        try {
            out.write(h.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (!head) out.write(r.body());
            out.flush();
        } finally {
            kill.cancel(false);
        }
    }

    /**
     * Closes our side and reads what the client still sends, for up to {@link #LINGER_MS} and
     * {@link #DRAIN_MAX} bytes: a connection closed with unread bytes is reset, and a reset can reach
     * the client before it has read the reply.
     */
    private static void linger(Socket s, Wire wire) {
        try {
            s.shutdownOutput();
            wire.deadline(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LINGER_MS), "linger");
            byte[] scratch = new byte[16 * 1024];
            long n = 0;
            int r;
            while (n < DRAIN_MAX && (r = wire.read(scratch, 0, scratch.length)) > 0) n += r;
        } catch (IOException e) {
            // done lingering
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closed
        }
    }

    /** Requests between their head and their reply. */
    int active() { return active.get(); }

    /**
     * Stops taking connections, waits up to {@code seconds} for the requests being answered, then
     * closes every connection. Returns as soon as nothing is being answered.
     */
    void stop(int seconds) {
        stopping = true;
        closeListener();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (active.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (Socket s : open) closeQuietly(s);
        connections.shutdown();
        refusals.shutdown();
        try {
            connections.awaitTermination(Math.max(1, seconds), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        watchdog.shutdownNow();
    }

    private void closeListener() {
        try {
            listener.close();
        } catch (IOException e) {
            // closed
        }
        if (acceptor != null) {
            try {
                acceptor.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

}
