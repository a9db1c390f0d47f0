package org.claimx.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
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
        description = {"A load run against a running 'claimx serve': --clients concurrent clients send --requests",
                "POST /v1/extract requests in all, each one real abstract of --corpus (in turn), and report errors,",
                "throughput and latency p50/p99. Only for a server of your own: the default URL is loopback."})
final class LoadCommand implements Callable<Integer> {
    @Option(names = "--url", paramLabel = "URL", defaultValue = "http://127.0.0.1:8080", description = "The server. Default: ${DEFAULT-VALUE}.")
    String url;

    @Option(names = "--corpus", required = true, paramLabel = "FILE", description = "Papers to send (any input format).")
    String corpus;

    @Option(names = "--clients", paramLabel = "N", defaultValue = "8", description = "Concurrent clients. Default: ${DEFAULT-VALUE}.")
    int clients;

    @Option(names = "--requests", paramLabel = "N", defaultValue = "2000", description = "Requests in all. Default: ${DEFAULT-VALUE}.")
    int requests;

    @Override
    public Integer call() throws Exception {
        if (clients < 1 || requests < 1) throw new UsageException("--clients and --requests must be at least 1");
        List<String> bodies = new ArrayList<>();
        try (PaperInput in = PaperInput.open(List.of(corpus), null)) {
            while (in.hasNext() && bodies.size() < requests) {
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
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI target = URI.create(url.replaceAll("/+$", "") + "/v1/extract");
        long[] latency = new long[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger claims = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long t0 = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            done.add(pool.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < requests; ) {
                    HttpRequest req = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i % bodies.size()))).build();
                    long s = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200) {
                            errors.incrementAndGet();
                            System.err.println("claimx load: HTTP " + r.statusCode() + ": " + r.body());
                        } else {
                            claims.addAndGet(Json.mapper().readTree(r.body()).size());
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        System.err.println("claimx load: " + e);
                    }
                    latency[i] = System.nanoTime() - s;
                }
                return null;
            }));
        }
        for (Future<?> f : done) f.get();
        pool.shutdown();
        double seconds = (System.nanoTime() - t0) / 1e9;
        Arrays.sort(latency);
        System.out.printf(Locale.ROOT, "requests %d, clients %d, errors %d, claims %d, %.1f s: %.1f requests/s, p50 %.1f ms, p99 %.1f ms%n",
                requests, clients, errors.get(), claims.get(), seconds, requests / seconds,
                latency[(int) Math.ceil(0.50 * requests) - 1] / 1e6, latency[(int) Math.ceil(0.99 * requests) - 1] / 1e6);
        return errors.get() > 0 ? 1 : 0;
    }
}
