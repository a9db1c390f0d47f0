package org.claimx.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
                "               --gold testdata/gold/dev.papers.jsonl testdata/gold/dev.claims.jsonl",
                "(README gives the command that builds the committed model.)"})
final class TrainCommand implements Callable<Integer> {
    @Option(names = "--gold", arity = "2", required = true, paramLabel = "FILE",
            description = "A gold set: its papers (JSON Lines) and its claims. Repeat for more sets.")
    List<Path> gold;

    @Option(names = "--slots-gold", arity = "2", paramLabel = "FILE",
            description = "A gold set (papers, claims) that teaches the change and the slots but not which figures are"
                    + " claims: for papers picked for their figures, whose share of claims is not the world's."
                    + " Repeat for more sets.")
    List<Path> slotsGold = new ArrayList<>();

    @Option(names = "--partial-gold", arity = "3", paramLabel = "LESSONS PAPERS CLAIMS", hideParamSyntax = true,
            description = "A gold set that teaches only the LESSONS named (comma-separated, of claim, change, method, metric,"
                    + " baseline, dataset), e.g. method,metric,baseline: for annotations whose other slots agree less"
                    + " with the blind gold. Repeat for more sets.")
    List<String> partialGold = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the model (default: models/slots.model in the rules folder; required when the rules are the ones inside the jar).")
    Path out;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "2", description = "Worker threads for reading the papers.")
    int threads;

    @Mixin
    RulesOption rules = new RulesOption();

    @Override
    public Integer call() throws Exception {
        TrainingGold sets = TrainingGold.of(gold, slotsGold, partialGold);
        if (threads < 1) throw new UsageException("--threads must be at least 1: " + threads);
        long t0 = System.nanoTime();
        Path rulesDir = rules.dir();
        if (out == null && RulesLocation.isBundled(rulesDir)) {
            throw new UsageException("the rules in use are the ones inside claimx.jar, where no model can be written:"
                    + " give --out FILE (and run with --rules DIR --out ... to train on rules of your own)");
        }
        Engine engine = Engine.loadWithoutModel(rulesDir);
        GoldInstances g = GoldInstances.read(sets.files());
        g.readWith(engine, threads, true);
        Map<String, Set<String>> lessons = sets.lessonsByPaper();
        List<Trainer.Part> parts = TrainingGold.parts(g, lessons, id -> !Split.isValidation(id));
        long trainPapers = g.papers().keySet().stream().filter(id -> !Split.isValidation(id)).count();
        long mentions = parts.stream().mapToLong(p -> p.data().size()).sum();
        long matched = parts.stream().flatMap(p -> p.data().stream()).filter(l -> l.gold() != null).count();
        StringBuilder some = new StringBuilder();
        for (Trainer.Part p : parts) {
            if (p.lessons().equals(Trainer.ALL)) continue;
            long n = lessons.entrySet().stream().filter(e -> !Split.isValidation(e.getKey()) && e.getValue().equals(p.lessons())).count();
            some.append(String.format("; %d of the papers for %s only", n,
                    String.join(", ", Trainer.LESSONS.stream().filter(p.lessons()::contains).toList())));
        }
        System.err.printf("claimx: training on %d papers (%d value mentions, %d matched to gold%s);"
                + " %d validation papers held out%n", trainPapers, mentions, matched, some, g.papers().size() - trainPapers);
        SlotModel model = Trainer.train(parts);
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
}
