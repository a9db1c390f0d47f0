package org.claimx.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.claimx.eval.Bootstrap;
import org.claimx.eval.ClaimsFile;
import org.claimx.eval.ScoreReport;
import org.claimx.eval.Scorer;
import org.claimx.eval.Split;
import org.claimx.pipeline.GoldInstances;
import org.claimx.slots.Trainer;
import org.claimx.io.InputFormat;
import org.claimx.io.Json;
import org.claimx.io.PaperInput;
import org.claimx.io.PaperRecord;
import org.claimx.io.ReadError;
import org.claimx.model.Claim;
import org.claimx.pipeline.Engine;
import org.claimx.pipeline.OrderedRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "eval", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        header = "Scores claims against gold claims (detection, slots, tuples).",
        description = {"Scores claims against gold claims as shared/CLAIMS.md 'Scoring' defines it (the same",
                "figures as the reference claimscore.py): detection P/R/F1, agreement per slot on matched",
                "claims, and tuple P/R/F1. Extracts the papers itself unless --pred gives predictions.",
                "Exit status: 0 scored; 1 some papers could not be read (each named on standard error), a claims",
                "file is malformed, or a rule file is broken; 2 usage error (a missing file or rules folder)."})
final class EvalCommand implements Callable<Integer> {
    @Option(names = "--papers", required = true, paramLabel = "FILE", description = "Papers, JSON Lines (id, title, abstract).")
    Path papers;

    @Option(names = "--gold", required = true, paramLabel = "FILE", description = "Gold claims, JSON Lines.")
    Path gold;

    @Option(names = "--pred", paramLabel = "FILE", description = "Predicted claims to score instead of extracting: a file, or a pipe such as <(claimx extract -q PAPERS).")
    Path pred;

    @Option(names = "--json", description = "Print the scores as JSON.")
    boolean json;

    @Option(names = "--show-errors", paramLabel = "N", defaultValue = "0",
            description = "Also list up to N missed, N spurious and N disagreeing claims.")
    int errors;

    @Option(names = "--intervals",
            description = "Also print the 95%% intervals of detection and tuple F1 over the papers scored: the papers drawn again"
                    + " with replacement " + Bootstrap.RESAMPLES + " times (fixed seed), which shows how much the"
                    + " sample of papers alone moves the figures.")
    boolean intervals;

    @Option(names = "--compare", paramLabel = "FILE",
            description = "Predicted claims of another run (a file, or a pipe) to compare with on the same papers: both runs'"
                    + " detection and tuple F1 and the 95%% interval of their difference (this run minus FILE: above zero,"
                    + " this run is better), the papers resampled in pairs (the same papers for both runs in each draw).")
    Path compare;

    /** Papers that could not be read while extracting: their claims are missing, so the scores are not the whole story. */
    private int readErrors;

    @Mixin
    ThreadsOption threads = new ThreadsOption();

    @Option(names = "--split", paramLabel = "SPLIT", defaultValue = "all",
            description = "Score only these papers: all (default), validation (the fixed one in five never trained on) or train.")
    String split;

    @Option(names = "--cv", paramLabel = "K", defaultValue = "0",
            description = "K-fold cross-validation over the training papers (validation papers left out): train on K-1 folds,"
                    + " extract the other, and score all folds' claims together.")
    int cv;

    @Option(names = "--also-train", arity = "2", paramLabel = "FILE",
            description = "With --cv: gold papers and their claims (two files, PAPERS CLAIMS) that every fold's model is"
                    + " also trained on and that are never scored, as 'claimx train' takes more --gold. Repeatable.")
    List<Path> alsoTrain = new ArrayList<>();

    @Option(names = "--also-train-slots", arity = "2", paramLabel = "FILE",
            description = "As --also-train, for the change and the slots only (as 'claimx train --slots-gold'). Repeatable.")
    List<Path> alsoTrainSlots = new ArrayList<>();

    @Option(names = "--also-train-partial", arity = "3", paramLabel = "LESSONS PAPERS CLAIMS", hideParamSyntax = true,
            description = "As --also-train, for the LESSONS named only (as 'claimx train --partial-gold'). Repeatable.")
    List<String> alsoTrainPartial = new ArrayList<>();

    @Mixin
    RulesOption rules = new RulesOption();

    /** The ids of every paper of --papers, whatever --split keeps. */
    private Set<String> allPapers = Set.of();

    /** The --also-train sets, with what each teaches. */
    private TrainingGold also;

    @Override
    public Integer call() throws Exception {
        // The papers are read twice (to score and to extract), so they must be a file; gold and predictions
        // are read once and may come through a pipe ("--pred <(claimx extract ...)"), except the gold under
        // --cv, which the folds read again.
        if (!Files.exists(papers) || Files.isDirectory(papers)) throw new UsageException("no such file: " + papers);
        if (!Files.isRegularFile(papers)) {
            throw new UsageException("--papers is read twice, so it must be a file, not a pipe: " + papers);
        }
        List<Path> readOnce = new ArrayList<>(List.of(gold));
        if (pred != null) readOnce.add(pred);
        if (compare != null) readOnce.add(compare);
        for (Path p : readOnce) {
            if (!Files.exists(p) || Files.isDirectory(p)) throw new UsageException("no such file: " + p);
        }
        if (cv > 0 && !Files.isRegularFile(gold)) {
            throw new UsageException("with --cv, --gold is read twice, so it must be a file, not a pipe: " + gold);
        }
        if (cv > 0 && compare != null) {
            throw new UsageException("--compare scores another run's claims against these; with --cv the claims are the folds' own,"
                    + " from models trained on the other folds, and no file holds the other run's: leave out --cv or --compare");
        }
        java.util.function.Predicate<String> chosen = switch (split) {
            case "all" -> id -> true;
            case "validation" -> Split::isValidation;
            case "train" -> id -> !Split.isValidation(id);
            default -> throw new UsageException("--split must be all, validation or train: " + split);
        };
        if (cv == 1 || cv < 0) throw new UsageException("--cv needs at least 2 folds: " + cv);
        if (cv > 0 && pred != null) throw new UsageException("--cv trains its own models; it takes no --pred");
        if ((!alsoTrain.isEmpty() || !alsoTrainSlots.isEmpty() || !alsoTrainPartial.isEmpty()) && cv == 0) {
            throw new UsageException("--also-train adds training data to --cv; give --cv K");
        }
        also = TrainingGold.of(alsoTrain, alsoTrainSlots, alsoTrainPartial);
        if (cv > 0) chosen = id -> !Split.isValidation(id);
        Map<String, JsonNode> paperMap = new java.util.LinkedHashMap<>();
        final var keep = chosen;
        Map<String, JsonNode> readPapers = ClaimsFile.readPapers(papers);
        allPapers = readPapers.keySet();
        readPapers.forEach((k, v) -> { if (keep.test(k)) paperMap.put(k, v); });
        List<JsonNode> goldClaims = new ArrayList<>();
        for (JsonNode g : ClaimsFile.readClaims(gold)) {
            if (paperMap.containsKey(g.path("paper").asText(null))) goldClaims.add(g);
        }
        List<JsonNode> predicted = cv > 0 ? crossValidate() : pred != null ? ClaimsFile.readClaims(pred) : extract();
        ScoreReport report = Scorer.score(paperMap, goldClaims, predicted);
        PrintStream out = System.out;
        if (intervals || compare != null) {
            printWithIntervals(out, report, paperMap, goldClaims, predicted);
        } else {
            out.print(json ? report.json() : report.text());
        }
        if (errors > 0) out.print(report.errors(errors));
        out.flush();
        if (readErrors > 0) {
            System.err.println("claimx: " + readErrors + " record" + (readErrors == 1 ? "" : "s") + " of " + papers
                    + " could not be read; the scores leave them out");
            return 1;
        }
        return 0;
    }

    /**
     * The report with the bootstrap figures of {@code --intervals} and {@code --compare}: as text, lines
     * after the summary; as JSON, one object holding the scorer's own dict under "score".
     */
    private void printWithIntervals(PrintStream out, ScoreReport report, Map<String, JsonNode> paperMap,
                                    List<JsonNode> goldClaims, List<JsonNode> predicted) throws Exception {
        var counts = Bootstrap.counts(paperMap, goldClaims, predicted);
        var mapper = Json.mapper();
        var root = mapper.createObjectNode();
        StringBuilder text = new StringBuilder(report.text());
        if (intervals && counts.papers() == 0) {
            text.append("95% intervals: no papers scored\n");
            root.putNull("intervals");
        } else if (intervals) {
            var iv = Bootstrap.intervals(counts);
            text.append(String.format(java.util.Locale.ROOT,
                    "95%% intervals (%d papers drawn again %d times): detection F1 %.3f to %.3f, tuple F1 %.3f to %.3f%n",
                    counts.papers(), Bootstrap.RESAMPLES, iv[0].low(), iv[0].high(), iv[1].low(), iv[1].high()));
            var j = root.putObject("intervals");
            j.put("papers", counts.papers());
            j.put("resamples", Bootstrap.RESAMPLES);
            j.putArray("detection_f1").add(round(iv[0].low())).add(round(iv[0].high()));
            j.putArray("tuple_f1").add(round(iv[1].low())).add(round(iv[1].high()));
        }
        if (compare != null) {
            List<JsonNode> others = ClaimsFile.readClaims(compare);
            long unknown = others.stream().filter(c -> !allPapers.contains(c.path("paper").asText(null))).count();
            if (unknown > 0 && unknown == others.size()) {
                throw new UsageException("no claim of " + compare + " names a paper of " + papers + ": is it another set's claims?");
            }
            if (unknown > 0) {
                System.err.println("claimx: " + unknown + " claim" + (unknown == 1 ? "" : "s") + " of " + compare
                        + " name" + (unknown == 1 ? "s" : "") + " a paper not in " + papers + "; left out");
            }
            var other = Bootstrap.counts(paperMap, goldClaims, others);
            var d = Bootstrap.difference(counts, other);
            text.append(String.format(java.util.Locale.ROOT,
                    "compared with %s (difference = this run minus that one): detection F1 %.3f against %.3f, difference %+.3f (95%% interval %+.3f to %+.3f);"
                            + " tuple F1 %.3f against %.3f, difference %+.3f (95%% interval %+.3f to %+.3f)%n",
                    compare, counts.detection(), other.detection(), counts.detection() - other.detection(), d[0].low(), d[0].high(),
                    counts.tuple(), other.tuple(), counts.tuple() - other.tuple(), d[1].low(), d[1].high()));
            var j = root.putObject("compare");
            j.put("file", compare.toString());
            j.put("detection_f1", round(other.detection()));
            j.put("tuple_f1", round(other.tuple()));
            var diff = j.putObject("difference");
            diff.put("detection_f1", round(counts.detection() - other.detection()));
            diff.put("tuple_f1", round(counts.tuple() - other.tuple()));
            var ci = j.putObject("interval");
            ci.putArray("detection_f1").add(round(d[0].low())).add(round(d[0].high()));
            ci.putArray("tuple_f1").add(round(d[1].low())).add(round(d[1].high()));
        }
        if (json) {
            var all = mapper.createObjectNode();
            all.set("score", mapper.readTree(report.json()));
            all.setAll(root);
            out.println(mapper.writeValueAsString(all));
        } else {
            out.print(text);
        }
    }

    private static double round(double x) {
        return Math.round(x * 1e6) / 1e6;
    }

    private List<JsonNode> crossValidate() throws Exception {
        Engine engine = Engine.loadWithoutModel(rules.dir());
        List<Path[]> sets = new ArrayList<>();
        sets.add(new Path[] {papers, gold});
        sets.addAll(also.files());
        Set<String> scored = ClaimsFile.readPapers(papers).keySet();
        Map<String, Set<String>> lessons = also.lessonsByPaper();
        lessons.keySet().removeAll(scored);
        for (String id : scored) lessons.put(id, Trainer.ALL);
        GoldInstances g = GoldInstances.read(sets);
        g.readWith(engine, Math.max(threads.get(), 2), true);
        List<JsonNode> out = new ArrayList<>();
        for (int k = 0; k < cv; k++) {
            final int fold = k;
            java.util.function.Predicate<String> held = id -> scored.contains(id) && !Split.isValidation(id) && Split.fold(id, cv) == fold;
            var model = Trainer.train(TrainingGold.parts(g, lessons, id -> !Split.isValidation(id) && !held.test(id)));
            List<JsonNode> foldPred = g.predict(engine.withModel(model), held);
            var r = Scorer.score(g.papers(held), g.gold(held), foldPred);
            System.err.printf("claimx: fold %d of %d: detection F1 %.3f, tuple F1 %.3f%n", k + 1, cv,
                    r.detection().f(), r.tuple().f());
            out.addAll(foldPred);
        }
        return out;
    }

    private List<JsonNode> extract() throws Exception {
        Engine engine = Engine.load(rules.dir());
        List<JsonNode> out = new ArrayList<>();
        try (PaperInput input = PaperInput.open(List.of(papers.toString()), InputFormat.parse("jsonl"))) {
            new OrderedRunner<org.claimx.io.InputRecord, List<Claim>>(threads.get()).run(input,
                    r -> r instanceof PaperRecord p ? engine.extract(p.paper()) : List.of(),
                    (r, claims) -> {
                        if (r instanceof ReadError e) {
                            readErrors++;
                            System.err.println("claimx: error: " + e.source() + ":" + e.line() + ": " + e.reason());
                        }
                        for (Claim c : claims) out.add(Json.mapper().valueToTree(c));
                    });
        }
        return out;
    }
}
