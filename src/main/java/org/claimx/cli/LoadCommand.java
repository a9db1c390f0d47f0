package org.claimx.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.claimx.io.InputException;
import org.claimx.io.InputRecord;
import org.claimx.io.Json;
import org.claimx.io.PaperInput;
import org.claimx.io.PaperRecord;
import org.claimx.model.Paper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "load", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        header = "Runs a load test against a running 'claimx serve'.",
        description = {"A load run against a running 'claimx serve': --clients concurrent clients send POST /v1/extract",
                "requests, each one real abstract of --corpus (in turn), --requests in all or for --duration, and report",
                "failures, throughput and latency p50/p95/p99. --slow N adds N clients that each send a request head and",
                "part of its body, then stall until the server answers or closes (and then start again), and reports",
                "how their connections ended (408 expected). Only for a server of your own: the default URL is loopback.",
                "Exit status 1 when a request of the normal clients failed."})
final class LoadCommand implements Callable<Integer> {
    @Option(names = "--url", paramLabel = "URL", defaultValue = "http://127.0.0.1:8080", description = "The server. Default: ${DEFAULT-VALUE}.")
    String url;

    @Option(names = "--corpus", required = true, paramLabel = "FILE", description = "Papers to send (any input format).")
    String corpus;

    @Option(names = "--clients", paramLabel = "N", defaultValue = "8", description = "Concurrent clients. Default: ${DEFAULT-VALUE}.")
    int clients;

    @Option(names = "--requests", paramLabel = "N", defaultValue = "2000", description = "Requests in all (without --duration). Default: ${DEFAULT-VALUE}.")
    int requests;

    @Option(names = "--duration", paramLabel = "TIME", description = "Send requests for this long (60s, 2m, or seconds) instead of --requests.")
    String duration;

    @Option(names = "--slow", paramLabel = "N", defaultValue = "0", description = "Slow clients that stall in the middle of a request. Default: ${DEFAULT-VALUE}.")
    int slow;

    @Override
    public Integer call() throws Exception {
        if (clients < 1 || requests < 1) throw new UsageException("--clients and --requests must be at least 1");
        if (slow < 0) throw new UsageException("--slow must not be negative: " + slow);
        long runNanos = duration == null ? -1 : parseDuration(duration);
        int papers = runNanos > 0 ? 5000 : requests;
        List<String> bodies = new ArrayList<>();
        try (PaperInput in = PaperInput.open(List.of(corpus), null)) {
            while (in.hasNext() && bodies.size() < papers) {
                InputRecord r = in.next();
                if (r instanceof PaperRecord p) {
                    Paper paper = p.paper();
                    bodies.add(Json.mapper().writeValueAsString(java.util.Map.of("id", paper.id(), "title", paper.title(), "abstract", paper.abstractText())));
                }
            }
        } catch (InputException e) {
            throw new UsageException(e.getMessage());
        }
        if (bodies.isEmpty()) throw new UsageException("no papers in " + corpus);
        URI base;
        try {
            base = URI.create(url.replaceAll("/+$", ""));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--url is not a URL: " + url);
        }
        if (base.getHost() == null) throw new UsageException("--url names no host: " + url);
        URI target = URI.create(base + "/v1/extract");

        SlowClients slowClients = new SlowClients(base.getHost(), base.getPort() < 0 ? 80 : base.getPort(), slow);
        slowClients.start();
        if (slow > 0) Thread.sleep(500); // the slow clients hold their connections before the measured run starts

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        ConcurrentLinkedQueue<Long> latency = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger claims = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long t0 = System.nanoTime();
        long end = runNanos > 0 ? t0 + runNanos : Long.MAX_VALUE;
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            done.add(pool.submit(() -> {
                while (true) {
                    int i = next.getAndIncrement();
                    if (runNanos > 0 ? System.nanoTime() >= end : i >= requests) break;
                    HttpRequest req = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i % bodies.size()))).build();
                    long s = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200) {
                            failed.incrementAndGet();
                            System.err.println("claimx load: HTTP " + r.statusCode() + ": " + r.body());
                        } else {
                            claims.addAndGet(Json.mapper().readTree(r.body()).size());
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        System.err.println("claimx load: " + e);
                    }
                    latency.add(System.nanoTime() - s);
                }
                return null;
            }));
        }
        for (Future<?> f : done) f.get();
        pool.shutdown();
        double seconds = (System.nanoTime() - t0) / 1e9;
        slowClients.stop();
        long[] sorted = latency.stream().mapToLong(Long::longValue).sorted().toArray();
        int n = sorted.length;
        System.out.printf(Locale.ROOT, "requests %d, clients %d, failed %d, claims %d, %.1f s: %.1f requests/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                n, clients, failed.get(), claims.get(), seconds, n / seconds, pct(sorted, 0.50), pct(sorted, 0.95), pct(sorted, 0.99),
                n == 0 ? 0 : sorted[n - 1] / 1e6);
        if (slow > 0) System.out.println(slowClients.summary());
        return failed.get() > 0 ? 1 : 0;
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) return 0;
        return sorted[(int) Math.ceil(p * sorted.length) - 1] / 1e6;
    }

    static long parseDuration(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min)?").matcher(text.strip());
        if (!m.matches()) throw new UsageException("--duration is not a time such as 60s, 2m or 500ms: " + text);
        double v = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double seconds = switch (unit) {
            case "ms" -> v / 1000;
            case "m", "min" -> v * 60;
            default -> v;
        };
        if (seconds <= 0) throw new UsageException("--duration must be more than 0: " + text);
        return (long) (seconds * 1e9);
    }

    /**
     * Clients that open a connection, send the head of a POST and 5 of its 1,000 bytes, and wait: for the
     * server's reply (its status is counted), for it to close the connection, or for the run to end.
     */
    private static final class SlowClients {
        private static final byte[] PART = ("POST /v1/extract HTTP/1.1\r\nHost: load\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\nIt is")
                .getBytes(StandardCharsets.US_ASCII);
        private final String host;
        private final int port;
        private final int count;
        private final List<Thread> threads = new ArrayList<>();
        private final List<Socket> open = java.util.Collections.synchronizedList(new ArrayList<>());
        private final java.util.concurrent.ConcurrentSkipListMap<Integer, AtomicInteger> statuses = new java.util.concurrent.ConcurrentSkipListMap<>();
        private final AtomicInteger connections = new AtomicInteger();
        private final AtomicInteger closedSilently = new AtomicInteger();
        private final AtomicInteger resets = new AtomicInteger();
        private final AtomicInteger refused = new AtomicInteger();
        private final AtomicLong heldNanos = new AtomicLong();
        private final AtomicInteger ended = new AtomicInteger();
        private volatile boolean stopping;

        SlowClients(String host, int port, int count) {
            this.host = host;
            this.port = port;
            this.count = count;
        }

        void start() {
            for (int i = 0; i < count; i++) {
                Thread t = new Thread(this::run, "claimx-load-slow");
                t.setDaemon(true);
                t.start();
                threads.add(t);
            }
        }

        private void run() {
            while (!stopping) {
                long t0 = System.nanoTime();
                Socket s = new Socket();
                open.add(s);
                try (s) {
                    if (stopping) return;
                    s.connect(new InetSocketAddress(host, port), 5000);
                    connections.incrementAndGet();
                    s.getOutputStream().write(PART);
                    s.getOutputStream().flush();
                    int status = status(s.getInputStream());
                    if (stopping) return;
                    heldNanos.addAndGet(System.nanoTime() - t0);
                    ended.incrementAndGet();
                    if (status < 0) closedSilently.incrementAndGet();
                    else statuses.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
                } catch (SocketTimeoutException | java.net.ConnectException e) {
                    if (stopping) return;
                    refused.incrementAndGet();
                    sleep();
                } catch (SocketException e) {
                    if (stopping) return;
                    ended.incrementAndGet();
                    heldNanos.addAndGet(System.nanoTime() - t0);
                    resets.incrementAndGet();
                } catch (IOException e) {
                    if (stopping) return;
                    ended.incrementAndGet();
                    resets.incrementAndGet();
                } finally {
                    open.remove(s);
                }
            }
        }

        private static void sleep() {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** The status of the reply, or -1 when the connection closed without one. */
        private static int status(InputStream in) throws IOException {
            byte[] head = in.readNBytes(12);
            if (head.length < 12) return -1;
            String line = new String(head, StandardCharsets.US_ASCII);
            if (!line.startsWith("HTTP/1.")) return 0;
            in.readAllBytes();
            return Integer.parseInt(line.substring(9, 12).strip());
        }

        void stop() {
            stopping = true;
            synchronized (open) {
                for (Socket s : open) {
                    try {
                        s.close();
                    } catch (IOException e) {
                        // closed
                    }
                }
            }
            for (Thread t : threads) {
                try {
                    t.join(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        String summary() {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "slow clients %d: connections %d, ended by the server %d", count, connections.get(), ended.get()));
            for (var e : statuses.entrySet()) b.append(String.format(Locale.ROOT, ", HTTP %d: %d", e.getKey(), e.getValue().get()));
            b.append(String.format(Locale.ROOT, ", closed without a reply %d, reset %d, could not connect %d, held %.1f s on average, still held at the end %d",
                    closedSilently.get(), resets.get(), refused.get(), ended.get() == 0 ? 0 : heldNanos.get() / 1e9 / ended.get(),
                    connections.get() - ended.get()));
            return b.toString();
        }
    }
}
