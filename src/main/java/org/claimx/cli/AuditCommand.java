package org.claimx.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.claimx.pipeline.Engine;
import org.claimx.report.Audit;
import org.claimx.report.AuditWriter;
import org.claimx.report.Names;
import org.claimx.report.PaperClaims;
import org.claimx.report.ReportInput;
import org.claimx.slots.SlotLexicon;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Finds reported numbers that do not add up or are weaker than they sound, per paper: a kind, a",
                "severity, one line of explanation and the spans each finding rests on. Kinds: arithmetic.from-to,",
                "arithmetic.versus-ratio, arithmetic.percent-vs-multiplier, title-vs-abstract, unanchored-relative,",
                "best-case-only, impossible-value, relative-or-absolute, quantized-speedup-without-precision.",
                "INPUT is claims (extract's JSON Lines) or papers in any input format, extracted on the fly."})
final class AuditCommand implements Callable<Integer> {
    @Parameters(paramLabel = "INPUT", arity = "1..*", description = "Claims files or paper files.")
    List<String> inputs;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "md", description = "md, json or html. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = "Worker threads when extracting papers.")
    int threads;

    @Option(names = "--rules", paramLabel = "DIR", description = "Rules folder (default: rules/ beside the build, or $CLAIMX_RULES).")
    Path rules;

    @Override
    public Integer call() throws Exception {
        if (!List.of("md", "json", "html").contains(format)) {
            throw new UsageException("unknown format '" + format + "'; expected one of md, json, html");
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
        Audit audit = new Audit(Names.load(lexicon), SlotLexicon.load(lexicon));
        List<AuditWriter.Audited> audited = new ArrayList<>();
        for (PaperClaims p : papers) audited.add(new AuditWriter.Audited(p, audit.audit(p)));
        PrintStream out = System.out;
        out.print(AuditWriter.write(audited, format));
        out.flush();
        System.err.println("papers " + papers.size() + ", findings " + audited.stream().mapToInt(a -> a.findings().size()).sum()
                + ", errors " + errors[0]);
        return errors[0] > 0 ? 1 : 0;
    }
}
