package org.claimx.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.claimx.pipeline.Engine;
import org.claimx.report.Leaderboard;
import org.claimx.report.LeaderboardWriter;
import org.claimx.report.Names;
import org.claimx.report.PaperClaims;
import org.claimx.report.ReportInput;
import org.claimx.slots.SlotLexicon;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "leaderboard", mixinStandardHelpOptions = true,
        description = {"Builds leaderboards from claims: level results grouped by (dataset, metric), names joined by",
                "case, punctuation and rules/lexicon/aliases.tsv, ranked in the metric's better direction",
                "(rules/lexicon/metric-direction.tsv; unknown: the order the papers came, marked). INPUT is claims",
                "(extract's JSON Lines, flat or --group paper) or papers in any input format, extracted on the fly.",
                "json is in the shape of Papers with Code evaluation tables; html is one self-contained page."})
final class LeaderboardCommand implements Callable<Integer> {
    @Parameters(paramLabel = "INPUT", arity = "1..*", description = "Claims files or paper files.")
    List<String> inputs;

    @Option(names = "--dataset", paramLabel = "D", description = "Only the boards of this dataset.")
    String dataset;

    @Option(names = "--metric", paramLabel = "M", description = "Only the boards of this metric.")
    String metric;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "md", description = "md, csv, json or html. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = "Worker threads when extracting papers.")
    int threads;

    @Option(names = "--rules", paramLabel = "DIR", description = "Rules folder (default: rules/ beside the build, or $CLAIMX_RULES).")
    Path rules;

    @Override
    public Integer call() throws Exception {
        if (!List.of("md", "csv", "json", "html").contains(format)) {
            throw new UsageException("unknown format '" + format + "'; expected one of md, csv, json, html");
        }
        if (threads < 1) throw new UsageException("--threads must be at least 1: " + threads);
        for (String i : inputs) if (!Files.isRegularFile(Path.of(i))) throw new UsageException("no such input file: " + i);
        Path dir = RulesLocation.resolve(rules);
        int[] errors = {0};
        List<PaperClaims> papers = ReportInput.read(inputs, () -> Engine.load(dir), threads, line -> {
            errors[0]++;
            System.err.println(line);
        });
        Path lexicon = dir.resolve("lexicon");
        List<Leaderboard.Board> boards = Leaderboard.build(papers, Names.load(lexicon), SlotLexicon.load(lexicon), dataset, metric);
        PrintStream out = System.out;
        out.print(LeaderboardWriter.write(boards, format));
        out.flush();
        System.err.println("papers " + papers.size() + ", boards " + boards.size() + ", rows "
                + boards.stream().mapToInt(b -> b.rows().size()).sum() + ", errors " + errors[0]);
        return errors[0] > 0 ? 1 : 0;
    }
}
