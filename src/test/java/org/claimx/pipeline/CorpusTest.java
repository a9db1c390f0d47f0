package org.claimx.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.claimx.io.Json;
import org.claimx.model.Claim;
import org.claimx.model.Paper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Runs every line of testdata/corpus/*.jsonl (see testdata/corpus/README.md). */
class CorpusTest {
    private static final Path CORPUS = Path.of("testdata/corpus");

    record Case(String file, int line, JsonNode node) {
        String name() {
            return file + ":" + line + " " + abbreviate(node.path("text").asText(node.path("title").asText()));
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCorpusLineGivesItsClaims() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases(f -> !f.equals("pending.jsonl"))) {
            tests.add(DynamicTest.dynamicTest(c.name(), () -> {
                String problem = check(c.node());
                if (problem != null) fail(c.name() + "\n" + problem);
            }));
        }
        assertTrue(tests.size() >= 3, "corpus files found");
        return tests.stream();
    }

    @Test
    void pendingLinesAreCountedAndPrinted() throws IOException {
        List<Case> pending = cases(f -> f.equals("pending.jsonl"));
        int passing = 0;
        for (Case c : pending) {
            if (check(c.node()) == null) {
                passing++;
                System.out.println("pending line now passes, move it to its phenomenon file: " + c.name());
            }
        }
        System.out.println("pending corpus lines: " + pending.size() + " (" + passing + " now pass)");
    }

    static List<Case> cases(java.util.function.Predicate<String> fileFilter) throws IOException {
        List<Case> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(CORPUS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                if (!fileFilter.test(f.getFileName().toString())) continue;
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).isBlank()) continue;
                    out.add(new Case(f.getFileName().toString(), i + 1, Json.mapper().readTree(lines.get(i))));
                }
            }
        }
        return out;
    }

    /** Null when the engine gives what the line expects, else what differs. */
    static String check(JsonNode line) {
        Paper p = new Paper("corpus", line.path("title").asText(""), line.path("text").asText(""));
        List<Claim> got = SharedEngine.get().extract(p);
        List<JsonNode> gotJson = got.stream().map(c -> (JsonNode) Json.mapper().valueToTree(c)).toList();
        JsonNode expect = line.path("expect");
        boolean exact = line.path("exact").asBoolean(true);
        StringBuilder problems = new StringBuilder();
        List<JsonNode> unused = new ArrayList<>(gotJson);
        for (JsonNode e : expect) {
            JsonNode hit = null;
            for (JsonNode g : unused) {
                if (matches(e, g, "")) {
                    hit = g;
                    break;
                }
            }
            if (hit == null) problems.append("  missing: ").append(e).append('\n');
            else unused.remove(hit);
        }
        if (exact && !unused.isEmpty()) for (JsonNode u : unused) problems.append("  extra: ").append(brief(u)).append('\n');
        if (problems.isEmpty()) return null;
        problems.append("  got:\n");
        for (JsonNode g : gotJson) problems.append("    ").append(brief(g)).append('\n');
        return problems.toString();
    }

    private static final java.util.Set<String> SLOTS = java.util.Set.of(".method", ".metric", ".baseline", ".dataset");

    private static boolean matches(JsonNode expected, JsonNode got, String path) {
        // Slot strings agree as the contract's scorer says they do (case, articles, plurals, overlap).
        if (SLOTS.contains(path) && expected.isTextual()) {
            return got.isTextual() && org.claimx.eval.Scorer.sameSlot(expected.asText(), got.asText());
        }
        if (expected.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = expected.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> f = it.next();
                if (!matches(f.getValue(), got.path(f.getKey()), path + "." + f.getKey())) return false;
            }
            return true;
        }
        if (expected.isNull()) return got.isNull() || got.isMissingNode();
        if (expected.isNumber()) {
            if (!got.isNumber()) return false;
            double a = expected.asDouble();
            double b = got.asDouble();
            return Math.abs(a - b) <= 0.005 * Math.max(Math.abs(a), Math.abs(b)) + 1e-12;
        }
        return expected.equals(got);
    }

    private static String brief(JsonNode c) {
        JsonNode v = c.path("value");
        return String.format("%s %s num=%s [%s,%s] %s q=%s bits=%s | m=%s met=%s %s b=%s bv=%s d=%s rule=%s",
                c.path("field").asText(), v.path("text"), v.path("number"), v.path("low"), v.path("high"),
                v.path("unit").asText(), v.path("qualifier"), v.path("bits"), c.path("method"), c.path("metric"),
                c.path("change").asText(), c.path("baseline"), c.path("baseline_value"), c.path("dataset"),
                c.path("rule").asText());
    }

    private static String abbreviate(String s) {
        return s.length() > 70 ? s.substring(0, 67) + "..." : s;
    }
}
