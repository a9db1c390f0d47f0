package org.claimx.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.claimx.io.ClaimWriter;
import org.claimx.io.ErrorWriter;
import org.claimx.io.InputException;
import org.claimx.io.InputFormat;
import org.claimx.io.InputRecord;
import org.claimx.io.OutputFormat;
import org.claimx.io.PaperInput;
import org.claimx.io.PaperRecord;
import org.claimx.io.ReadError;
import org.claimx.model.Claim;
import org.claimx.pipeline.Engine;
import org.claimx.pipeline.OrderedRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Extracts claims from papers and writes them to standard output.",
                "Input: JSON Lines of papers (id, title, abstract), daily-papers listing pages, or plain",
                "text (one file, one abstract); chosen by content, .gz read transparently. With no FILE,",
                "or FILE '-', reads standard input. A record that cannot be read is reported on standard",
                "error (and with --errors, as JSON Lines) and the run goes on.",
                "Exit status: 0 all records processed, 1 some records failed, 2 usage error."})
final class ExtractCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "Input files; none or '-' for standard input.")
    List<String> files = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "jsonl",
            description = "Output format: jsonl (one claim a line), json (one array) or csv. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--input-format", paramLabel = "FORMAT",
            description = "Read every input as this format instead of detecting it: jsonl, pages, text.")
    String inputFormat;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "Worker threads; output order and content do not depend on it. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--errors", paramLabel = "FILE", description = "Also write unreadable records here, as JSON Lines.")
    Path errorsFile;

    @Option(names = "--rules", paramLabel = "DIR", description = "Rules folder (default: rules/ beside the build, or $CLAIMX_RULES).")
    Path rules;

    @Option(names = {"-q", "--quiet"}, description = "No progress line and no closing summary on standard error.")
    boolean quiet;

    @Option(names = "--progress", description = "Show the progress line even when standard error is not a terminal"
            + " (by default it shows only on a terminal).")
    boolean progress;

    @Override
    public Integer call() throws Exception {
        if (threads < 1) throw new UsageException("--threads must be at least 1: " + threads);
        OutputFormat out = parse(() -> OutputFormat.parse(format));
        InputFormat in = inputFormat == null ? null : parse(() -> InputFormat.parse(inputFormat));
        PaperInput input;
        try {
            input = PaperInput.open(files, in);
        } catch (InputException e) {
            throw new UsageException(e.getMessage());
        }
        Engine engine = Engine.load(RulesLocation.resolve(rules));
        PrintStream err = System.err;
        OutputStream stdout = new BufferedOutputStream(System.out, 1 << 16);
        boolean live = !quiet && (progress || Progress.stderrIsTerminal());
        Progress bar = new Progress(err, live, input::bytesRead, input.bytesTotal());
        try (input; bar; ClaimWriter writer = out.open(stdout);
             ErrorWriter errors = errorsFile == null ? null : new ErrorWriter(Files.newOutputStream(errorsFile))) {
            new OrderedRunner<InputRecord, Outcome>(threads).run(input, r -> work(engine, r), (r, o) -> {
                if (o.error() != null) {
                    bar.error();
                    bar.println("claimx: error: " + o.error().source() + ":" + o.error().line() + ": " + o.error().reason());
                    if (errors != null) errors.write(o.error());
                    return;
                }
                for (Claim c : o.claims()) writer.write(c);
                bar.paper(o.claims().size());
            });
        } finally {
            stdout.flush();
        }
        if (!quiet) err.println(bar.summary());
        return bar.errors() > 0 ? 1 : 0;
    }

    private record Outcome(List<Claim> claims, ReadError error) {}

    private static Outcome work(Engine engine, InputRecord r) {
        if (r instanceof ReadError e) return new Outcome(List.of(), e);
        PaperRecord p = (PaperRecord) r;
        try {
            return new Outcome(engine.extract(p.paper()), null);
        } catch (RuntimeException e) {
            // One paper the engine cannot handle must not end the batch: it becomes an error record.
            return new Outcome(List.of(), new ReadError(p.source(), p.line(),
                    "extraction failed for paper " + p.paper().id() + ": " + e));
        }
    }

    private static <T> T parse(java.util.function.Supplier<T> s) {
        try {
            return s.get();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
