package org.claimx.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
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
 * {@code claims}, as {@code extract --group paper} writes them), or papers in any input format, which
 * are extracted on the fly. A file is a claims file when its first record has {@code value} and
 * {@code paper}, or {@code claims}. Papers keep input order; claims of one paper stay together.
 */
public final class ReportInput {
    private ReportInput() {}

    /** The papers of {@code files}, with their claims; read errors go to {@code errors}. */
    public static List<PaperClaims> read(List<String> files, java.util.function.Supplier<Engine> engine, int threads,
                                         Consumer<String> errors) throws Exception {
        Map<String, PaperClaims> out = new LinkedHashMap<>();
        List<String> paperFiles = new ArrayList<>();
        for (String f : files) {
            if (isClaimsFile(Path.of(f))) readClaims(Path.of(f), out);
            else paperFiles.add(f);
        }
        if (!paperFiles.isEmpty()) {
            Engine e = engine.get();
            try (PaperInput input = PaperInput.open(paperFiles, null)) {
                new OrderedRunner<InputRecord, List<Claim>>(threads).run(input,
                        r -> r instanceof PaperRecord p ? e.extract(p.paper()) : List.of(),
                        (r, claims) -> {
                            if (r instanceof ReadError err) {
                                errors.accept("claimx: error: " + err.source() + ":" + err.line() + ": " + err.reason());
                                return;
                            }
                            Paper p = ((PaperRecord) r).paper();
                            List<JsonNode> nodes = new ArrayList<>();
                            for (Claim c : claims) nodes.add(Json.mapper().valueToTree(c));
                            out.putIfAbsent(p.id(), new PaperClaims(p.id(), p.title(), p.abstractText(), nodes));
                        });
            }
        }
        return new ArrayList<>(out.values());
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file));
        in.mark(2);
        int a = in.read();
        int b = in.read();
        in.reset();
        return a == 0x1f && b == 0x8b ? new GZIPInputStream(in) : in;
    }

    static boolean isClaimsFile(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException("no such input file: " + file);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank()) continue;
                if (!line.strip().startsWith("{")) return false;
                try {
                    JsonNode n = Json.mapper().readTree(line);
                    return (n.has("value") && n.has("paper")) || n.path("claims").isArray();
                } catch (IOException e) {
                    return false;
                }
            }
        }
        return false;
    }

    private static void readClaims(Path file, Map<String, PaperClaims> out) throws IOException {
        Map<String, List<JsonNode>> byPaper = new LinkedHashMap<>();
        Map<String, String> titles = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8))) {
            int n = 0;
            for (String line; (line = r.readLine()) != null; ) {
                n++;
                if (line.isBlank()) continue;
                JsonNode node;
                try {
                    node = Json.mapper().readTree(line);
                } catch (IOException e) {
                    throw new IOException(file + ":" + n + ": not a JSON claim: " + String.valueOf(e.getMessage()).replaceAll("\\s+", " "), e);
                }
                if (node.path("claims").isArray()) {
                    String id = node.path("paper").asText(node.path("id").asText(null));
                    if (id == null) throw new IOException(file + ":" + n + ": a paper record without paper or id");
                    byPaper.computeIfAbsent(id, k -> new ArrayList<>());
                    if (node.hasNonNull("title")) titles.put(id, node.get("title").asText());
                    node.get("claims").forEach(c -> byPaper.get(id).add(c));
                } else {
                    String id = node.path("paper").asText(null);
                    if (id == null) throw new IOException(file + ":" + n + ": a claim without paper");
                    byPaper.computeIfAbsent(id, k -> new ArrayList<>()).add(node);
                }
            }
        }
        byPaper.forEach((id, claims) -> out.putIfAbsent(id, new PaperClaims(id, titles.get(id), null, claims)));
    }
}
