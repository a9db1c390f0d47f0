package org.claimx.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.claimx.report.Leaderboard;
import org.claimx.report.LeaderboardWriter;
import org.claimx.report.Names;
import org.claimx.report.PaperClaims;
import org.claimx.slots.SlotLexicon;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;

@Command(name = "leaderboard", mixinStandardHelpOptions = true,
        description = {"Builds leaderboards from claims: level results grouped by (dataset, metric), names joined by",
                "case, punctuation and rules/lexicon/aliases.tsv, ranked in the metric's better direction",
                "(rules/lexicon/metric-direction.tsv; unknown: the order the papers came, marked). INPUT is claims",
                "(extract's JSON Lines, flat or --group paper) or papers in any input format, extracted on the fly.",
                "json is in the shape of Papers with Code evaluation tables; html is one self-contained page."})
final class LeaderboardCommand implements Callable<Integer> {
    @Mixin
    ReportInputs in = new ReportInputs();

    @Option(names = "--dataset", paramLabel = "D", description = "Only the boards of this dataset.")
    String dataset;

    @Option(names = "--metric", paramLabel = "M", description = "Only the boards of this metric.")
    String metric;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "md", description = "md, csv, json or html. Default: ${DEFAULT-VALUE}.")
    String format;

    @Override
    public Integer call() throws Exception {
        List<PaperClaims> papers = in.read(format, List.of("md", "csv", "json", "html"));
        Path lexicon = in.rulesDir().resolve("lexicon");
        List<Leaderboard.Board> boards = Leaderboard.build(papers, Names.load(lexicon), SlotLexicon.load(lexicon), dataset, metric);
        PrintStream out = System.out;
        out.print(LeaderboardWriter.write(boards, format));
        out.flush();
        System.err.println("papers " + papers.size() + ", boards " + boards.size() + ", rows "
                + boards.stream().mapToInt(b -> b.rows().size()).sum() + ", errors " + in.errors);
        return in.errors > 0 ? 1 : 0;
    }
}
