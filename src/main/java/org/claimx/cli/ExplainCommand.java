package org.claimx.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.claimx.io.InputException;
import org.claimx.io.InputRecord;
import org.claimx.io.PaperInput;
import org.claimx.io.PaperRecord;
import org.claimx.model.Claim;
import org.claimx.model.Paper;
import org.claimx.pipeline.Engine;
import org.claimx.pipeline.Explanation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        header = "Shows how claimx reads a sentence or a paper, rule by rule.",
        description = {"Shows how claimx reads a sentence or a paper: the tokens and their part-of-speech tags,",
                "the value rules that fired, and for each claim the model's choice: per slot the best candidates with their",
                "scores and proposing rules, and the strongest features of the winner.",
                "  claimx explain \"Orca-Math achieves 86.81%% on GSM8k.\"",
                "  claimx explain --paper 5276e32d2930 testdata/inputs/example.jsonl"})
final class ExplainCommand implements Callable<Integer> {
    @Parameters(paramLabel = "TEXT|FILE", arity = "1..*",
            description = "The text to explain (words are joined), or with --paper the input files to look in.")
    List<String> args;

    @Option(names = "--paper", paramLabel = "ID", description = "Explain this paper of the input files.")
    String paperId;

    @Option(names = "--title", paramLabel = "TITLE", description = "A title to read with the text (it can name the system).")
    String title;

    @Mixin
    RulesOption rules = new RulesOption();

    @Override
    public Integer call() throws Exception {
        Paper paper = paperId == null ? new Paper("text", title == null ? "" : title, String.join(" ", args)) : find();
        Explanation e = Engine.load(rules.dir()).explain(paper);
        PrintStream out = System.out;
        out.println("paper " + paper.id() + "; its system: "
                + (e.systemName() == null ? "none named" : e.systemName() + " (" + e.systemRule() + ")"));
        for (Explanation.Sentence s : e.sentences()) {
            out.println();
            out.println("[" + s.field().json() + "] " + s.text());
            out.println("  tokens: " + String.join(" ", s.taggedTokens()));
            out.println("  values: " + String.join(", ", s.valueRules()));
            for (Explanation.Explained x : e.claims()) {
                Claim c = x.claim();
                if (!c.sentence().equals(s.text()) || c.field() != s.field()) continue;
                out.printf("  claim «%s» %s unit=%s qualifier=%s | method=%s metric=%s (%s) change=%s baseline=%s"
                                + " baseline_value=%s dataset=%s | rule %s%n",
                        c.value().text(), figure(c), c.value().unit().json(),
                        c.value().qualifier() == null ? null : c.value().qualifier().json(), c.method(), c.metric(),
                        c.metricClass().json(), c.change().json(), c.baseline(), c.baselineValue(), c.dataset(), c.rule());
                for (String why : x.why()) out.println("      " + why);
            }
            for (Explanation.Rejected x : e.rejected()) {
                if (!x.sentence().equals(s.text()) || x.field() != s.field()) continue;
                out.printf("  no claim «%s» (%s): claim p=%.3f; strongest features against: %s%n", x.text(), x.rule(),
                        x.pClaim(), String.join(" ", x.why()));
            }
        }
        if (e.sentences().isEmpty()) out.println("no value found");
        return 0;
    }

    private static String figure(Claim c) {
        var v = c.value();
        if (v.bits() != null) return "bits{w=" + v.bits().w() + ",a=" + v.bits().a() + ",kv=" + v.bits().kv() + "}";
        return v.number() != null ? String.valueOf(v.number()) : "[" + v.low() + ", " + v.high() + "]";
    }

    private Paper find() {
        try (PaperInput in = PaperInput.open(args, null)) {
            while (in.hasNext()) {
                InputRecord r = in.next();
                if (r instanceof PaperRecord p && p.paper().id().equals(paperId)) return p.paper();
            }
        } catch (InputException e) {
            throw new UsageException(e.getMessage());
        } catch (java.io.IOException e) {
            throw new UsageException(e.getMessage());
        }
        throw new UsageException("no paper with id " + paperId + " in " + String.join(", ", args));
    }
}
