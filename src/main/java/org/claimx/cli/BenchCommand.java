package org.claimx.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.claimx.bench.Benchmark;
import org.claimx.bench.PlainPipeline;
import org.claimx.io.ClaimWriter;
import org.claimx.io.InputException;
import org.claimx.io.InputRecord;
import org.claimx.io.Json;
import org.claimx.io.OutputFormat;
import org.claimx.io.PaperInput;
import org.claimx.io.PaperRecord;
import org.claimx.model.Paper;
import org.claimx.pipeline.Engine;
import org.claimx.pipeline.Stages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        header = "Measures claimx's speed on a corpus against a plain CoreNLP pipeline.",
        description = {"Measures claimx's speed on a corpus, and a plain CoreNLP pipeline's on the same abstracts.",
                "Reads the first --limit papers into memory (reading is not timed), loads the models (timed),",
                "runs --warmup other papers (those after the timed ones) untimed on one thread, so that the JIT has",
                "compiled the hot code (on 2 cores it takes some 5,000 abstracts with a core left to the compiler), then",
                "for each thread count",
                "reports abstracts/s, claims/s, per-abstract latency p50/p99, the peak heap in use and the time of",
                "each stage (split, values, tag, candidates, model, write: claims are written as JSON Lines to",
                "nowhere, in input order, as extract writes them); then the",
                "same for the plain pipeline (default tokenize,ssplit,pos,lemma,ner) and the ratio claimx/plain.",
                "The plain pipeline's NER models are in CoreNLP's models jar, which claimx.jar does not carry: put",
                "stanford-corenlp-4.5.10-models.jar in lib/ beside claimx.jar (mvn package leaves it in target/lib/), or",
                "give --no-plain.",
                "Example: bench --corpus ../shared/corpus/arxiv-ml.jsonl.gz --limit 5000 --threads 1,2"})
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--corpus", required = true, paramLabel = "FILE", description = "Papers in any input format claimx reads (.gz too).")
    String corpus;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "5000", description = "Papers to time (the first N). Default: ${DEFAULT-VALUE}.")
    int limit;

    @Option(names = "--threads", paramLabel = "N[,N...]", split = ",", defaultValue = "1,2",
            description = "Thread counts to run, each timed on its own. Default: ${DEFAULT-VALUE}.")
    List<Integer> threads;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "5000",
            description = "Papers run once, untimed, on one thread, before timing claimx: the N papers after the timed ones"
                    + " (from the first ones again if the corpus runs out). The plain pipeline warms up on at most 50."
                    + " Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--plain-limit", paramLabel = "N",
            description = "Time the plain pipeline on only the first N of the same papers (it is slow). Default: all of them.")
    Integer plainLimit;

    @Option(names = "--plain-annotators", paramLabel = "LIST", defaultValue = PlainPipeline.DEFAULT_ANNOTATORS,
            description = "Annotators of the plain pipeline. Default: ${DEFAULT-VALUE}.")
    String plainAnnotators;

    @Option(names = "--no-plain", description = "Do not run the plain pipeline.")
    boolean noPlain;

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    @Mixin
    RulesOption rules = new RulesOption();

    @Override
    public Integer call() throws Exception {
        if (limit < 1) throw new UsageException("--limit must be at least 1: " + limit);
        if (warmup < 0) throw new UsageException("--warmup must not be negative: " + warmup);
        for (int t : threads) if (t < 1) throw new UsageException("--threads must be at least 1: " + t);
        if (plainLimit != null && plainLimit < 1) throw new UsageException("--plain-limit must be at least 1: " + plainLimit);
        if (!noPlain) {
            String missing = PlainPipeline.missingModels(plainAnnotators);
            if (missing != null) throw new UsageException(missing);
        }
        PrintStream err = System.err;

        long[] unreadable = new long[1];
        List<Paper> read = read(unreadable);
        if (read.isEmpty()) throw new UsageException("no readable papers in " + corpus);
        List<Paper> papers = read.subList(0, Math.min(limit, read.size()));
        List<Paper> warm = new ArrayList<>(read.subList(papers.size(), read.size()));
        for (int i = 0; warm.size() < warmup; i = (i + 1) % papers.size()) warm.add(papers.get(i));
        err.printf(Locale.ROOT, "bench: %d papers read from %s%s%n", read.size(), corpus,
                unreadable[0] > 0 ? " (" + unreadable[0] + " unreadable records skipped)" : "");

        long t0 = System.nanoTime();
        Engine engine = Engine.load(rules.dir());
        double claimxLoad = (System.nanoTime() - t0) / 1e9;
        int fresh = read.size() - papers.size();
        err.printf(Locale.ROOT, "bench: claimx loaded in %.2f s; warming up on %d papers, one thread%s%n", claimxLoad, warmup,
                warmup > fresh ? " (" + (warmup - fresh) + " of them timed ones too: the corpus has no more)" : "");
        timed(engine, warm, 1, new Stages());
        Map<Integer, Benchmark.Run> claimx = new LinkedHashMap<>();
        Map<Integer, Stages> stages = new LinkedHashMap<>();
        for (int t : threads) {
            err.printf(Locale.ROOT, "bench: claimx, %d thread%s, %d papers%n", t, t == 1 ? "" : "s", papers.size());
            Stages s = new Stages();
            claimx.put(t, timed(engine, papers, t, s));
            stages.put(t, s);
        }

        Map<Integer, Benchmark.Run> plain = new LinkedHashMap<>();
        double plainLoad = 0;
        List<Paper> plainPapers = papers.subList(0, Math.min(papers.size(), plainLimit == null ? papers.size() : plainLimit));
        if (!noPlain) {
            t0 = System.nanoTime();
            PlainPipeline pipeline = new PlainPipeline(plainAnnotators);
            plainLoad = (System.nanoTime() - t0) / 1e9;
            err.printf(Locale.ROOT, "bench: plain pipeline (%s) loaded in %.2f s; warming up%n", plainAnnotators, plainLoad);
            Benchmark.run(papers.subList(0, Math.min(Math.min(warmup, 50), papers.size())), 1, pipeline::annotate);
            for (int t : threads) {
                err.printf(Locale.ROOT, "bench: plain, %d thread%s, %d papers%n", t, t == 1 ? "" : "s", plainPapers.size());
                plain.put(t, Benchmark.run(plainPapers, t, pipeline::annotate));
            }
        }
        PrintStream out = System.out;
        out.print(json ? json(papers.size(), claimxLoad, plainLoad, claimx, stages, plain)
                : text(papers.size(), plainPapers.size(), claimxLoad, plainLoad, claimx, stages, plain));
        out.flush();
        return 0;
    }

    /**
     * claimx as extract runs it: each paper through the engine on {@code threads} workers, its claims
     * written as JSON Lines (to nowhere) in input order; each stage's time added to {@code total}.
     */
    private static Benchmark.Run timed(Engine engine, List<Paper> papers, int threads, Stages total) throws Exception {
        List<Stages> perThread = new java.util.concurrent.CopyOnWriteArrayList<>();
        ThreadLocal<Stages> local = ThreadLocal.withInitial(() -> {
            Stages s = new Stages();
            perThread.add(s);
            return s;
        });
        Stages writing = new Stages();
        Benchmark.Run run;
        try (ClaimWriter writer = OutputFormat.JSONL.open(OutputStream.nullOutputStream())) {
            run = Benchmark.run(papers, threads, p -> engine.extract(p, local.get()), claims -> {
                long t = System.nanoTime();
                try {
                    writer.writeAll(claims);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                writing.lap(Stages.Stage.WRITE, t);
                return claims.size();
            });
        }
        for (Stages s : perThread) total.add(s);
        total.add(writing);
        return run;
    }

    private List<Paper> read(long[] unreadable) throws Exception {
        List<Paper> papers = new ArrayList<>();
        PaperInput input;
        try {
            input = PaperInput.open(List.of(corpus), null);
        } catch (InputException e) {
            throw new UsageException(e.getMessage());
        }
        try (input) {
            while (input.hasNext() && papers.size() < (long) limit + warmup) {
                InputRecord r = input.next();
                if (r instanceof PaperRecord p) papers.add(p.paper());
                else unreadable[0]++;
            }
        }
        return papers;
    }

    private String text(int n, int plainN, double claimxLoad, double plainLoad, Map<Integer, Benchmark.Run> claimx,
                        Map<Integer, Stages> stages, Map<Integer, Benchmark.Run> plain) {
        StringBuilder b = new StringBuilder();
        Runtime rt = Runtime.getRuntime();
        b.append(String.format(Locale.ROOT, "corpus %s, %d abstracts; %d cores, max heap %d MB, Java %s%n", corpus, n,
                rt.availableProcessors(), rt.maxMemory() >> 20, System.getProperty("java.version")));
        b.append(String.format(Locale.ROOT, "model load: claimx %.2f s", claimxLoad));
        if (!plain.isEmpty()) b.append(String.format(Locale.ROOT, ", plain (%s) %.2f s", plainAnnotators, plainLoad));
        b.append('\n');
        b.append(String.format(Locale.ROOT, "%-8s %12s %9s %8s %8s %10s", "threads", "abstracts/s", "claims/s", "p50 ms",
                "p99 ms", "peak heap"));
        if (!plain.isEmpty()) b.append(String.format(Locale.ROOT, " %18s %8s %13s", "plain abstracts/s", "plain p50", "claimx/plain"));
        b.append('\n');
        claimx.forEach((t, r) -> {
            b.append(String.format(Locale.ROOT, "%-8d %12.1f %9.1f %8.2f %8.2f %7d MB", t, r.papersPerSecond(),
                    r.itemsPerSecond(), r.p50Millis(), r.p99Millis(), r.peakHeapBytes() >> 20));
            Benchmark.Run p = plain.get(t);
            if (p != null) {
                b.append(String.format(Locale.ROOT, " %18.1f %8.2f %12.1fx", p.papersPerSecond(), p.p50Millis(),
                        r.papersPerSecond() / p.papersPerSecond()));
            }
            b.append('\n');
        });
        if (!plain.isEmpty() && plainN < n) {
            b.append(String.format(Locale.ROOT, "plain pipeline timed on the first %d of the %d abstracts%n", plainN, n));
        }
        b.append("claimx time per stage, ms per abstract (share of the stages' time; workers' time summed, write on one thread)\n");
        b.append(String.format(Locale.ROOT, "%-8s", "threads"));
        for (Stages.Stage st : Stages.Stage.values()) b.append(String.format(Locale.ROOT, " %15s", st.label()));
        b.append('\n');
        stages.forEach((t, s) -> {
            b.append(String.format(Locale.ROOT, "%-8d", t));
            for (Stages.Stage st : Stages.Stage.values()) {
                b.append(String.format(Locale.ROOT, " %8.3f (%3.0f%%)", s.nanos(st) / 1e6 / n,
                        s.totalNanos() == 0 ? 0.0 : 100.0 * s.nanos(st) / s.totalNanos()));
            }
            b.append('\n');
        });
        return b.toString();
    }

    private String json(int n, double claimxLoad, double plainLoad, Map<Integer, Benchmark.Run> claimx,
                        Map<Integer, Stages> stages, Map<Integer, Benchmark.Run> plain) throws Exception {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("corpus", corpus);
        root.put("abstracts", n);
        root.put("cores", Runtime.getRuntime().availableProcessors());
        root.put("max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);
        root.put("claimx_load_seconds", claimxLoad);
        ArrayNode runs = root.putArray("claimx");
        claimx.forEach((t, r) -> {
            ObjectNode o = runJson(r, "claims");
            ObjectNode st = o.putObject("stage_ms_per_abstract");
            for (Stages.Stage s : Stages.Stage.values()) st.put(s.label(), stages.get(t).nanos(s) / 1e6 / n);
            runs.add(o);
        });
        if (!plain.isEmpty()) {
            root.put("plain_annotators", plainAnnotators);
            root.put("plain_load_seconds", plainLoad);
            ArrayNode pr = root.putArray("plain");
            plain.values().forEach(r -> pr.add(runJson(r, "sentences")));
            ObjectNode ratio = root.putObject("ratio");
            claimx.forEach((t, r) -> {
                Benchmark.Run p = plain.get(t);
                if (p != null) ratio.put(String.valueOf(t), r.papersPerSecond() / p.papersPerSecond());
            });
        }
        return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    private static ObjectNode runJson(Benchmark.Run r, String label) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("threads", r.threads());
        o.put("abstracts", r.papers());
        o.put("seconds", r.seconds());
        o.put("abstracts_per_second", r.papersPerSecond());
        o.put(label, r.items());
        o.put(label + "_per_second", r.itemsPerSecond());
        o.put("p50_ms", r.p50Millis());
        o.put("p99_ms", r.p99Millis());
        o.put("peak_heap_mb", r.peakHeapBytes() >> 20);
        return o;
    }
}
