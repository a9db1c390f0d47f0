package org.claimx.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.claimx.eval.ClaimsFile;
import org.claimx.eval.ScoreReport;
import org.claimx.eval.Scorer;
import org.claimx.io.InputFormat;
import org.claimx.io.Json;
import org.claimx.io.PaperInput;
import org.claimx.io.PaperRecord;
import org.claimx.io.ReadError;
import org.claimx.model.Claim;
import org.claimx.pipeline.Engine;
import org.claimx.pipeline.OrderedRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Scores claims against gold claims as shared/CLAIMS.md 'Scoring' defines it (the same",
                "figures as the reference claimscore.py): detection P/R/F1, agreement per slot on matched",
                "claims, and tuple P/R/F1. Extracts the papers itself unless --pred gives predictions."})
final class EvalCommand implements Callable<Integer> {
    @Option(names = "--papers", required = true, paramLabel = "FILE", description = "Papers, JSON Lines (id, title, abstract).")
    Path papers;

    @Option(names = "--gold", required = true, paramLabel = "FILE", description = "Gold claims, JSON Lines.")
    Path gold;

    @Option(names = "--pred", paramLabel = "FILE", description = "Predicted claims to score instead of extracting.")
    Path pred;

    @Option(names = "--json", description = "Print the scores as JSON.")
    boolean json;

    @Option(names = "--errors", paramLabel = "N", defaultValue = "0",
            description = "Also list up to N missed, N spurious and N disagreeing claims.")
    int errors;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = "Worker threads for extraction.")
    int threads;

    @Option(names = "--rules", paramLabel = "DIR", description = "Rules folder (default: rules/ beside the build, or $CLAIMX_RULES).")
    Path rules;

    @Override
    public Integer call() throws Exception {
        for (Path p : pred == null ? List.of(papers, gold) : List.of(papers, gold, pred)) {
            if (!Files.isRegularFile(p)) throw new UsageException("no such file: " + p);
        }
        Map<String, JsonNode> paperMap = ClaimsFile.readPapers(papers);
        List<JsonNode> goldClaims = new ArrayList<>();
        for (JsonNode g : ClaimsFile.readClaims(gold)) {
            if (paperMap.containsKey(g.path("paper").asText(null))) goldClaims.add(g);
        }
        List<JsonNode> predicted = pred != null ? ClaimsFile.readClaims(pred) : extract();
        ScoreReport report = Scorer.score(paperMap, goldClaims, predicted);
        PrintStream out = System.out;
        out.print(json ? report.json() : report.text());
        if (errors > 0) out.print(report.errors(errors));
        out.flush();
        return 0;
    }

    private List<JsonNode> extract() throws Exception {
        Engine engine = Engine.load(RulesLocation.resolve(rules));
        List<JsonNode> out = new ArrayList<>();
        try (PaperInput input = PaperInput.open(List.of(papers.toString()), InputFormat.parse("jsonl"))) {
            new OrderedRunner<org.claimx.io.InputRecord, List<Claim>>(threads).run(input,
                    r -> r instanceof PaperRecord p ? engine.extract(p.paper()) : List.of(),
                    (r, claims) -> {
                        if (r instanceof ReadError e) {
                            System.err.println("claimx: error: " + e.source() + ":" + e.line() + ": " + e.reason());
                        }
                        for (Claim c : claims) out.add(Json.mapper().valueToTree(c));
                    });
        }
        return out;
    }
}
