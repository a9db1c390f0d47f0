package org.claimx.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.claimx.eval.ScoreReport;
import org.claimx.eval.Scorer;
import org.claimx.eval.Split;
import org.claimx.pipeline.Engine;
import org.claimx.pipeline.GoldInstances;
import org.claimx.slots.SlotModel;
import org.claimx.slots.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        header = "Rebuilds the slot model from gold papers and claims.",
        description = {"Rebuilds the slot model (rules/models/slots.model) from gold papers and claims: the rules",
                "propose, and the model learns which value is a claim, its change, and which candidate fills",
                "each slot. Papers of the validation split (one in five, fixed by a hash of the paper id) are",
                "never trained on; their scores are printed at the end. Run it after changing a rule.",
                "  claimx train --gold testdata/gold/train.papers.jsonl testdata/gold/train.claims.jsonl \\",
                "               --gold testdata/gold/dev.papers.jsonl testdata/gold/dev.claims.jsonl"})
final class TrainCommand implements Callable<Integer> {
    @Option(names = "--gold", arity = "2", required = true, paramLabel = "FILE",
            description = "A gold set: its papers (JSON Lines) and its claims. Repeat for more sets.")
    List<Path> gold;

    @Option(names = "--slots-gold", arity = "2", paramLabel = "FILE",
            description = "A gold set (papers, claims) that teaches the change and the slots but not which figures are"
                    + " claims: for papers picked for their figures, whose share of claims is not the world's."
                    + " Repeat for more sets.")
    List<Path> slotsGold = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the model (default: models/slots.model in the rules folder; required when the rules are the ones inside the jar).")
    Path out;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "2", description = "Worker threads for reading the papers.")
    int threads;

    @Mixin
    RulesOption rules = new RulesOption();

    @Override
    public Integer call() throws Exception {
        for (Path p : gold) if (!Files.isRegularFile(p)) throw new UsageException("no such file: " + p);
        for (Path p : slotsGold) if (!Files.isRegularFile(p)) throw new UsageException("no such file: " + p);
        List<Path[]> sets = new ArrayList<>(pairs(gold));
        List<Path[]> slotSets = pairs(slotsGold);
        sets.addAll(slotSets);
        java.util.Set<String> slotsOnly = paperIds(slotSets);
        if (threads < 1) throw new UsageException("--threads must be at least 1: " + threads);
        long t0 = System.nanoTime();
        Path rulesDir = rules.dir();
        if (out == null && RulesLocation.isBundled(rulesDir)) {
            throw new UsageException("the rules in use are the ones inside claimx.jar, where no model can be written:"
                    + " give --out FILE (and run with --rules DIR --out ... to train on rules of your own)");
        }
        Engine engine = Engine.loadWithoutModel(rulesDir);
        GoldInstances g = GoldInstances.read(sets);
        g.readWith(engine, threads, true);
        var data = g.labeled(id -> !Split.isValidation(id) && !slotsOnly.contains(id));
        var slotsData = g.labeled(id -> !Split.isValidation(id) && slotsOnly.contains(id));
        long trainPapers = g.papers().keySet().stream().filter(id -> !Split.isValidation(id)).count();
        System.err.printf("claimx: training on %d papers (%d value mentions, %d matched to gold; %d of the papers for the slots only);"
                + " %d validation papers held out%n", trainPapers, data.size() + slotsData.size(),
                java.util.stream.Stream.concat(data.stream(), slotsData.stream()).filter(l -> l.gold() != null).count(),
                slotsOnly.stream().filter(id -> !Split.isValidation(id)).count(), g.papers().size() - trainPapers);
        SlotModel model = Trainer.train(data, slotsData);
        Path target = out != null ? out : rulesDir.resolve(Engine.MODEL);
        model.save(target);
        System.err.printf("claimx: wrote %s (%.1f s)%n", target, (System.nanoTime() - t0) / 1e9);
        long validation = g.papers().keySet().stream().filter(Split::isValidation).count();
        if (validation > 0) {
            ScoreReport r = Scorer.score(g.papers(Split::isValidation), g.gold(Split::isValidation),
                    g.predict(engine.withModel(model), Split::isValidation));
            System.out.println("validation split (" + validation + " papers, never trained on):");
            System.out.print(r.text());
            StringBuilder b = new StringBuilder("candidates reach the gold slot");
            g.reach(Split::isValidation).forEach((slot, x) -> b.append(String.format("  %s %.3f (%d of %d)", slot, x.share(), x.reached(), x.filled())));
            System.out.println(b);
        }
        return 0;
    }

    /** An arity-2 option's values (PAPERS CLAIMS PAPERS CLAIMS ...) as pairs. */
    static List<Path[]> pairs(List<Path> files) {
        List<Path[]> out = new ArrayList<>();
        for (int i = 0; i + 1 < files.size(); i += 2) out.add(new Path[] {files.get(i), files.get(i + 1)});
        return out;
    }

    /** The ids of the papers of gold sets. */
    static java.util.Set<String> paperIds(List<Path[]> sets) throws java.io.IOException {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Path[] s : sets) ids.addAll(org.claimx.eval.ClaimsFile.readPapers(s[0]).keySet());
        return ids;
    }
}
