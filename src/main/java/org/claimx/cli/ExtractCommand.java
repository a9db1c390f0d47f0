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
import org.claimx.io.PaperGroupWriter;
import org.claimx.io.ReadOptions;
import org.claimx.io.PaperInput;
import org.claimx.io.PaperRecord;
import org.claimx.io.ReadError;
import org.claimx.model.Claim;
import org.claimx.pipeline.Engine;
import org.claimx.pipeline.OrderedRunner;
import org.claimx.pipeline.PaperGuard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "extract", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        header = "Extracts claims from papers and writes them to standard output.",
        description = {"Extracts claims from papers and writes them to standard output.",
                "Input, chosen by content (.gz read transparently): JSON Lines of papers (id, title, abstract;",
                "the Kaggle arXiv snapshot, OpenAlex works, Semantic Scholar and Hugging Face daily-papers",
                "records too), a JSON array or API page of them, an arXiv API Atom feed, CSV/TSV with a",
                "header, daily-papers listing pages, or plain text (one file, one abstract). With no FILE,",
                "or FILE '-', reads standard input. A record that cannot be read is reported on standard",
                "error as 'claimx: error: FILE:LINE: reason' (and with --errors, as JSON Lines) and the run",
                "goes on; so does a paper whose extraction fails or runs past --max-paper-ms ('FILE:LINE:",
                "paper ID: reason'). The closing summary counts papers, claims and errors.",
                "Exit status: 0 all records processed, 1 some records failed, 2 usage error."})
final class ExtractCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "Input files; none or '-' for standard input.")
    List<String> files = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "jsonl",
            description = "Output format: jsonl (one claim a line), json (one array) or csv. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--group", paramLabel = "paper",
            description = "'paper': one record per paper read, {\"paper\", \"title\", \"claims\": [...]}, papers without claims too (jsonl or json).")
    String group;

    @Mixin
    ReadingOptions reading = new ReadingOptions();

    @Mixin
    ThreadsOption threads = new ThreadsOption();

    @Option(names = "--errors", paramLabel = "FILE", description = "Also write unreadable records here, as JSON Lines.")
    Path errorsFile;

    @Mixin
    RulesOption rules = new RulesOption();

    @Option(names = {"-q", "--quiet"}, description = "No progress line and no closing summary on standard error.")
    boolean quiet;

    @Option(names = "--progress", description = "Show the progress line even when standard error is not a terminal"
            + " (by default it shows only on a terminal).")
    boolean progress;

    @Override
    public Integer call() throws Exception {
        threads.get();
        long maxPaperMs = parse(reading::maxPaperMs);
        OutputFormat out = parse(() -> OutputFormat.parse(format));
        InputFormat in = parse(reading::inputFormat);
        ReadOptions options = parse(reading::readOptions);
        if (group != null && !group.equals("paper")) throw new UsageException("--group takes 'paper', not '" + group + "'");
        if (group != null && out == OutputFormat.CSV) throw new UsageException("--group paper writes JSON: use --format jsonl or json");
        Outputs.checkNotAnInput("--errors", errorsFile, files);
        PaperInput input;
        try {
            input = PaperInput.open(files, in, System.in, options);
        } catch (InputException e) {
            throw new UsageException(e.getMessage());
        }
        org.claimx.io.Json.warmUpInBackground();
        Engine engine = Engine.load(rules.dir());
        PrintStream err = System.err;
        OutputStream stdout = new BufferedOutputStream(Outputs.stdout(), 1 << 16);
        boolean live = !quiet && (progress || Progress.stderrIsTerminal());
        Progress bar = new Progress(err, live, input::bytesRead, input.bytesTotal());
        String failure = null;
        try (Interrupts signals = Interrupts.install()) {
            try (input; bar; PaperGuard guard = new PaperGuard(engine, maxPaperMs);
                 OutputStream errorsOut = errorsFile == null ? null : Outputs.file("--errors", errorsFile);
                 ErrorWriter errors = errorsOut == null ? null : new ErrorWriter(errorsOut);
                 ClaimWriter writer = group != null ? new PaperGroupWriter(stdout, out == OutputFormat.JSON) : out.open(stdout)) {
                new OrderedRunner<InputRecord, Outcome>(threads.get()).run(signals.until(input), r -> work(guard, r), (r, o) -> {
                    if (o.error() != null) {
                        bar.error();
                        bar.println("claimx: error: " + o.error().source() + ":" + o.error().line() + ": " + o.error().reason());
                        if (errors != null) errors.write(o.error());
                        return;
                    }
                    writer.paper(((PaperRecord) r).paper(), o.claims());
                    bar.paper(o.claims().size());
                });
                if (signals.status() != 0) input.close();
                writer.close();
                stdout.flush();
            } catch (Outputs.Failed e) {
                // The output is gone: nothing more can be written to it, and closing it would only fail again.
                failure = e.getMessage();
            }
            if (failure != null) err.println("claimx: error: " + failure);
            if (!quiet) err.println(summary(bar, input));
            if (signals.status() != 0) {
                err.println("claimx: stopped by " + signals.name() + "; the records read so far are written");
                return signals.status();
            }
        }
        return failure != null || bar.errors() > 0 ? 1 : 0;
    }

    /** The summary, with the repeats that were read once, so that the counts add up to the records read. */
    private static String summary(Progress bar, PaperInput input) {
        String s = bar.summary();
        long dup = input.stats().duplicates();
        if (dup == 0) return s;
        int cut = s.indexOf(" (");
        return s.substring(0, cut) + ", duplicates " + dup + s.substring(cut);
    }

    private record Outcome(List<Claim> claims, ReadError error) {}

    private static Outcome work(PaperGuard guard, InputRecord r) {
        if (r instanceof ReadError e) return new Outcome(List.of(), e);
        PaperRecord p = (PaperRecord) r;
        // One paper the engine cannot handle, or not in time, must not end the batch: it becomes an error record.
        PaperGuard.Result result = guard.extract(p.paper());
        if (!result.failed()) return new Outcome(result.claims(), null);
        return new Outcome(List.of(), new ReadError(p.source(), p.line(), "paper " + p.paper().id() + ": " + result.failure()));
    }

    private static <T> T parse(java.util.function.Supplier<T> s) {
        try {
            return s.get();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
