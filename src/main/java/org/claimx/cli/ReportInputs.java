package org.claimx.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.claimx.pipeline.Engine;
import org.claimx.report.PaperClaims;
import org.claimx.report.ReportInput;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** What leaderboard and audit share: their inputs, threads and rules, checked and read the same way. */
final class ReportInputs {
    @Parameters(paramLabel = "INPUT", arity = "1..*", description = "Claims files (extract's output) or paper files.")
    List<String> inputs;

    @Mixin
    ThreadsOption threads = new ThreadsOption();

    @Mixin
    RulesOption rules = new RulesOption();

    /** Read errors seen while reading, each already printed on standard error. */
    int errors;

    Path rulesDir() { return rules.dir(); }

    /** Checks the format and the inputs, then reads the papers with their claims. */
    List<PaperClaims> read(String format, List<String> formats) throws Exception {
        if (!formats.contains(format)) {
            throw new UsageException("unknown format '" + format + "'; expected one of " + String.join(", ", formats));
        }
        int n = threads.get();
        for (String i : inputs) if (!ReportInput.readable(i)) throw new UsageException("no such input file: " + i);
        Path dir = rulesDir();
        return ReportInput.read(inputs, () -> Engine.load(dir), n, line -> {
            errors++;
            System.err.println(line);
        });
    }
}
