package org.claimx.cli;

import org.claimx.nlp.RuleException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The claimx command line: extract, eval, explain, bench. Exit codes: 0 done, 1 failure or some records failed, 2 usage. */
@Command(name = "claimx", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Extracts quantitative claims (method, metric, value, baseline, dataset) from the titles",
                "and abstracts of ML papers, and scores them against gold claims."},
        subcommands = {ExtractCommand.class, EvalCommand.class, TrainCommand.class, ExplainCommand.class, BenchCommand.class,
                LeaderboardCommand.class, AuditCommand.class, ServeCommand.class, LoadCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    public static void main(String[] args) {
        int code;
        try {
            code = run(args);
        } catch (OutOfMemoryError e) {
            // Not a stack trace: what ran out and what to do.
            System.err.println("claimx: out of memory: the Java heap (at most " + (Runtime.getRuntime().maxMemory() >> 20)
                    + " MB) is too small; claimx needs about 160 MB with 2 threads, more with more: give java more, as in"
                    + " java -Xmx512m -jar claimx.jar ...");
            code = 1;
        }
        System.exit(code);
    }

    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        // The descriptions are written in lines of up to 110 characters; at 80, picocli would break each of them.
        cli.setUsageHelpWidth(120);
        cli.setExecutionExceptionHandler((ex, line, parsed) -> {
            if (ex instanceof RuleException) {
                line.getErr().println("claimx: bad rule: " + ex.getMessage());
                return 1;
            }
            if (ex instanceof UsageException) {
                line.getErr().println("claimx: " + ex.getMessage());
                return 2;
            }
            line.getErr().println("claimx: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            return 1;
        });
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("claimx: " + ex.getMessage()
                    + " (see '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return 2;
        });
        return cli.execute(args);
    }
}
