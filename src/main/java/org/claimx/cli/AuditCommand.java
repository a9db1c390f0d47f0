package org.claimx.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.claimx.report.Audit;
import org.claimx.report.AuditWriter;
import org.claimx.report.Names;
import org.claimx.report.PaperClaims;
import org.claimx.slots.SlotLexicon;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;

@Command(name = "audit", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        header = "Finds reported numbers that do not add up or are weaker than they sound.",
        description = {"Finds reported numbers that do not add up or are weaker than they sound, per paper: a kind, a",
                "severity, one line of explanation and the spans each finding rests on. Kinds: arithmetic.from-to,",
                "arithmetic.versus-ratio, arithmetic.percent-vs-multiplier, title-vs-abstract, unanchored-relative,",
                "best-case-only, impossible-value, relative-or-absolute, quantized-speedup-without-precision.",
                "INPUT is claims (extract's JSON Lines) or papers in any input format, extracted on the fly."})
final class AuditCommand implements Callable<Integer> {
    @Mixin
    ReportInputs in = new ReportInputs();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "md", description = "md, json or html. Default: ${DEFAULT-VALUE}.")
    String format;

    @Override
    public Integer call() throws Exception {
        List<PaperClaims> papers = in.read(format, List.of("md", "json", "html"));
        Path lexicon = in.rulesDir().resolve("lexicon");
        Audit audit = new Audit(Names.load(lexicon), SlotLexicon.load(lexicon));
        List<AuditWriter.Audited> audited = new ArrayList<>();
        for (PaperClaims p : papers) audited.add(new AuditWriter.Audited(p, audit.audit(p)));
        PrintStream out = System.out;
        out.print(AuditWriter.write(audited, format));
        out.flush();
        System.err.println("papers " + papers.size() + ", findings " + audited.stream().mapToInt(a -> a.findings().size()).sum()
                + ", errors " + in.errors);
        return in.errors > 0 ? 1 : 0;
    }
}
