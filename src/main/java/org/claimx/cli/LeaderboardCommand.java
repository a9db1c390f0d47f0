package org.claimx.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.claimx.report.Leaderboard;
import org.claimx.report.LeaderboardWriter;
import org.claimx.report.Names;
import org.claimx.report.NotScores;
import org.claimx.report.PaperClaims;
import org.claimx.slots.SlotLexicon;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;

@Command(name = "leaderboard", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        header = "Builds leaderboards (dataset, metric) from claims or papers.",
        description = {"Builds leaderboards from claims: level results grouped by (dataset, metric), names joined by",
                "case, punctuation and rules/lexicon/aliases.tsv, ranked in the metric's better direction",
                "(rules/lexicon/metric-direction.tsv; unknown: the order the papers came, marked). INPUT is claims",
                "(extract's JSON Lines, flat or --group paper) or papers in any input format, extracted on the fly.",
                "json is in the shape of Papers with Code evaluation tables; html is one self-contained page."},
        exitCodeListHeading = "Exit status:%n",
        exitCodeList = {"0:boards written", "1:some input records could not be read, or a rule file is broken",
                "2:usage error", "3:the filters (--dataset, --metric, --min-confidence) matched no row"})
final class LeaderboardCommand implements Callable<Integer> {
    @Mixin
    ReportInputs in = new ReportInputs();

    @Option(names = "--dataset", paramLabel = "D", description = "Only the boards of this dataset.")
    String dataset;

    @Option(names = "--metric", paramLabel = "M", description = "Only the boards of this metric.")
    String metric;

    @Option(names = "--min-confidence", paramLabel = "P", defaultValue = "0",
            description = "Only claims of at least this confidence (0..1). Default: ${DEFAULT-VALUE}.")
    double minConfidence;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "md", description = "md, csv, json or html. Default: ${DEFAULT-VALUE}.")
    String format;

    /** The exit status when the filters leave no row: not a failure of claimx, and not success either. */
    static final int NOTHING_MATCHED = 3;

    private String describe() {
        List<String> parts = new java.util.ArrayList<>();
        if (dataset != null) parts.add("--dataset '" + dataset + "'");
        if (metric != null) parts.add("--metric '" + metric + "'");
        if (minConfidence > 0) parts.add("--min-confidence " + minConfidence);
        return String.join(", ", parts);
    }

    @Override
    public Integer call() throws Exception {
        if (!(minConfidence >= 0 && minConfidence <= 1)) throw new UsageException("--min-confidence must be in 0..1: " + minConfidence);
        List<PaperClaims> papers = in.read(format, List.of("md", "csv", "json", "html"));
        Path lexicon = in.rulesDir().resolve("lexicon");
        Leaderboard.Filter filter = new Leaderboard.Filter(dataset, metric, minConfidence);
        List<Leaderboard.Board> boards = Leaderboard.build(papers, Names.load(lexicon), SlotLexicon.load(lexicon),
                NotScores.load(lexicon), filter);
        String nothing = boards.isEmpty() && !filter.isEmpty() ? "No board matches " + describe() + "." : null;
        PrintStream out = System.out;
        out.print(nothing == null ? LeaderboardWriter.write(boards, format) : LeaderboardWriter.write(boards, format, nothing));
        out.flush();
        System.err.println("papers " + papers.size() + ", boards " + boards.size() + ", rows "
                + boards.stream().mapToInt(b -> b.rows().size()).sum() + ", errors " + in.errors);
        if (in.errors > 0) return 1;
        if (nothing != null) {
            System.err.println("claimx: no board matches " + describe() + " (exit status " + NOTHING_MATCHED + ")");
            return NOTHING_MATCHED;
        }
        return 0;
    }
}
