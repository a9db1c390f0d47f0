package org.claimx.cli;

import org.claimx.nlp.RuleException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The claimx command line: extract, eval, explain, bench. Exit codes: 0 done, 1 failure or some records failed, 2 usage. */
@Command(name = "claimx", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Extracts quantitative claims (method, metric, value, baseline, dataset) from the titles",
                "and abstracts of ML papers, and scores them against gold claims."})
public final class Main {
    /** The commands that always load the engine: its slowest part starts loading before the command line is read. */
    private static final java.util.Set<String> ENGINE_COMMANDS = java.util.Set.of("extract", "explain", "serve");

    public static void main(String[] args) {
        // Written now, while memory is free: when the heap is full, building a message can fail too.
        byte[] outOfMemory = ("claimx: out of memory: the Java heap (at most " + (Runtime.getRuntime().maxMemory() >> 20)
                + " MB) is too small; claimx needs about 160 MB with 2 threads, more with more: give java more, as in"
                + " java -Xmx512m -jar claimx.jar ..." + System.lineSeparator()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ShortRun.apply(args);
        if (args.length > 0 && ENGINE_COMMANDS.contains(args[0])) org.claimx.nlp.Nlp.preload();
        int code;
        try {
            code = run(args);
        } catch (OutOfMemoryError e) {
            // Not a stack trace: what ran out and what to do.
            System.err.write(outOfMemory, 0, outOfMemory.length);
            System.err.flush();
            code = 1;
        }
        System.exit(code);
    }

    /** The subcommands, in the order 'claimx --help' lists them. */
    private static final java.util.Map<String, java.util.function.Supplier<Object>> COMMANDS = commands();

    private static java.util.Map<String, java.util.function.Supplier<Object>> commands() {
        java.util.Map<String, java.util.function.Supplier<Object>> m = new java.util.LinkedHashMap<>();
        m.put("extract", ExtractCommand::new);
        m.put("eval", EvalCommand::new);
        m.put("train", TrainCommand::new);
        m.put("explain", ExplainCommand::new);
        m.put("bench", BenchCommand::new);
        m.put("leaderboard", LeaderboardCommand::new);
        m.put("audit", AuditCommand::new);
        m.put("serve", ServeCommand::new);
        m.put("load", LoadCommand::new);
        m.put("help", CommandLine.HelpCommand::new);
        return m;
    }

    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        // picocli reads every option of every subcommand it is given (about a quarter of a second at
        // start): a run that names a subcommand other than help gets that one only, the rest get all.
        if (args.length > 0 && COMMANDS.containsKey(args[0]) && !args[0].equals("help")) {
            cli.addSubcommand(args[0], COMMANDS.get(args[0]).get());
        } else {
            COMMANDS.forEach((name, command) -> cli.addSubcommand(name, command.get()));
        }
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
