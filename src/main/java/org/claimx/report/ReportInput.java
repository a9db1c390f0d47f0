package org.claimx.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.claimx.eval.ClaimsFile;
import org.claimx.eval.ClaimsFileException;
import org.claimx.io.InputRecord;
import org.claimx.io.Json;
import org.claimx.io.PaperInput;
import org.claimx.io.PaperRecord;
import org.claimx.io.ReadError;
import org.claimx.model.Claim;
import org.claimx.model.Paper;
import org.claimx.pipeline.Engine;
import org.claimx.pipeline.OrderedRunner;

/**
 * What leaderboard and audit read: claims files (one claim a line, or one paper a line with its
 * {@code claims}, as {@code extract --group paper} writes them), read by {@link ClaimsFile} and bound
 * to {@link Claim}, or papers in any input format, which are extracted on the fly. A file is a claims
 * file when its first record has {@code value} and {@code paper}, or {@code claims}. Papers keep input
 * order; claims of one paper stay together.
 *
 * <p>{@code -} is standard input. Standard input, {@code /dev/stdin}, a FIFO or a process
 * substitution ({@code <(...)}) can be read once only, and telling claims from papers needs a look at
 * the first record, so such an input is first copied to a temporary file, deleted after reading.
 */
public final class ReportInput {
    /** The name standard input goes by. */
    public static final String STDIN = "-";

    private ReportInput() {}

    /** Whether {@code arg} names something to read: standard input, a file, or a FIFO or device one can read. */
    public static boolean readable(String arg) {
        if (arg.equals(STDIN)) return true;
        Path p = Path.of(arg);
        return Files.exists(p) && !Files.isDirectory(p) && Files.isReadable(p);
    }

    /** The papers of {@code inputs}, with their claims; read errors go to {@code errors}. */
    public static List<PaperClaims> read(List<String> inputs, Supplier<Engine> engine, int threads, Consumer<String> errors)
            throws Exception {
        return read(inputs, System.in, engine, threads, errors);
    }

    /** As {@link #read(List, Supplier, int, Consumer)}, with {@code stdin} as standard input. */
    public static List<PaperClaims> read(List<String> inputs, InputStream stdin, Supplier<Engine> engine, int threads,
                                         Consumer<String> errors) throws Exception {
        Path spool = null;
        try {
            Map<String, PaperClaims> out = new LinkedHashMap<>();
            List<String> paperFiles = new ArrayList<>();
            Map<String, String> shownAs = new LinkedHashMap<>();
            for (String arg : inputs) {
                Path file;
                if (arg.equals(STDIN) || !Files.isRegularFile(Path.of(arg))) {
                    if (spool == null) spool = Files.createTempDirectory("claimx-input");
                    Path dir = Files.createTempDirectory(spool, "in");
                    file = dir.resolve(arg.equals(STDIN) ? "stdin" : String.valueOf(Path.of(arg).getFileName()));
                    if (arg.equals(STDIN)) Files.copy(stdin, file);
                    else try (InputStream in = Files.newInputStream(Path.of(arg))) { Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING); }
                } else {
                    file = Path.of(arg);
                }
                shownAs.put(file.toString(), arg.equals(STDIN) ? "<stdin>" : arg);
                if (ClaimsFile.isClaimsFile(file)) readClaims(file, shownAs.get(file.toString()), out);
                else paperFiles.add(file.toString());
            }
            if (!paperFiles.isEmpty()) extract(paperFiles, shownAs, engine.get(), threads, errors, out);
            return new ArrayList<>(out.values());
        } finally {
            if (spool != null) delete(spool);
        }
    }

    private static void extract(List<String> files, Map<String, String> shownAs, Engine e, int threads, Consumer<String> errors,
                                Map<String, PaperClaims> out) throws Exception {
        try (PaperInput input = PaperInput.open(files, null)) {
            new OrderedRunner<InputRecord, List<Claim>>(threads).run(input,
                    r -> r instanceof PaperRecord p ? e.extract(p.paper()) : List.of(),
                    (r, claims) -> {
                        if (r instanceof ReadError err) {
                            errors.accept("claimx: error: " + shownAs.getOrDefault(err.source(), err.source()) + ":" + err.line()
                                    + ": " + err.reason());
                            return;
                        }
                        Paper p = ((PaperRecord) r).paper();
                        out.putIfAbsent(p.id(), new PaperClaims(p.id(), p.title(), p.abstractText(), PaperLinks.of(p.id(), p.extra()),
                                claims));
                    });
        }
    }

    private static void readClaims(Path file, String name, Map<String, PaperClaims> out) throws IOException {
        Map<String, List<Claim>> byPaper = new LinkedHashMap<>();
        Map<String, String> titles = new LinkedHashMap<>();
        ClaimsFile.readClaims(file, (line, record, claims) -> {
            if (record.path("claims").isArray()) {
                String id = record.path("paper").asText(record.path("id").asText(null));
                if (id == null) throw new ClaimsFileException(Path.of(name), line, "a paper record without paper or id", null);
                byPaper.computeIfAbsent(id, k -> new ArrayList<>());
                if (record.hasNonNull("title")) titles.put(id, record.get("title").asText());
            }
            for (JsonNode c : claims) {
                String id = c.path("paper").asText(null);
                if (id == null) throw new ClaimsFileException(Path.of(name), line, "a claim without paper", null);
                Claim claim;
                try {
                    claim = Json.mapper().treeToValue(c, Claim.class);
                } catch (IOException | IllegalArgumentException e) {
                    throw new ClaimsFileException(Path.of(name), line, "not a claim: " + String.valueOf(e.getMessage())
                            .replaceAll("\\s+", " "), e);
                }
                byPaper.computeIfAbsent(id, k -> new ArrayList<>()).add(claim);
            }
        });
        byPaper.forEach((id, claims) -> out.putIfAbsent(id, new PaperClaims(id, titles.get(id), null, claims)));
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
