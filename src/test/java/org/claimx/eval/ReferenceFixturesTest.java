package org.claimx.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.claimx.io.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture in testdata/eval against what the reference claimscore.py printed for it (stored by
 * testdata/eval/make_fixtures.py): a new case is a new file.
 */
class ReferenceFixturesTest {
    private static final Path EVAL = Path.of("testdata", "eval");
    private static final Path GOLD = Path.of("testdata", "gold");

    static Stream<String> scoreFixtures() throws IOException {
        return names(".pred.jsonl");
    }

    static Stream<String> validateFixtures() throws IOException {
        return names(".claims.jsonl");
    }

    private static Stream<String> names(String suffix) throws IOException {
        try (Stream<Path> files = Files.list(EVAL)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(suffix))
                    .map(n -> n.substring(0, n.length() - suffix.length())).sorted().toList();
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scoreFixtures")
    void figuresEqualTheReferenceScorers(String name) throws IOException {
        ScoreReport report = score(name);
        JsonNode expected = Json.mapper().readTree(read(name + ".expected.json"));
        JsonNode actual = Json.mapper().readTree(report.json());
        assertEquals(names(expected), names(actual), "keys");
        assertSameNumbers(expected, actual, name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scoreFixtures")
    void jsonIsByteForByteTheReferenceScorers(String name) throws IOException {
        assertEquals(read(name + ".expected.json"), score(name).json());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scoreFixtures")
    void textAndErrorListingAreByteForByteTheReferenceScorers(String name) throws IOException {
        ScoreReport report = score(name);
        assertEquals(read(name + ".expected.txt"), report.text() + report.errors(20));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validateFixtures")
    void validationMessagesAreTheReferenceScorers(String name) throws IOException {
        Path papers = Files.exists(EVAL.resolve(name + ".papers.jsonl"))
                ? EVAL.resolve(name + ".papers.jsonl") : GOLD.resolve("dev.papers.jsonl");
        List<String> problems = Validator.validate(ClaimsFile.readPapers(papers),
                ClaimsFile.readClaims(EVAL.resolve(name + ".claims.jsonl")));
        assertEquals(read(name + ".validate.txt"), (problems.isEmpty() ? "ok" : String.join("\n", problems)) + "\n");
    }

    private static ScoreReport score(String name) throws IOException {
        Map<String, JsonNode> papers = ClaimsFile.readPapers(own(name, "papers", GOLD.resolve("dev.papers.jsonl")));
        List<JsonNode> gold = ClaimsFile.readClaims(own(name, "gold", GOLD.resolve("dev.claims.jsonl")));
        return Scorer.score(papers, gold, ClaimsFile.readClaims(EVAL.resolve(name + ".pred.jsonl")));
    }

    private static Path own(String name, String kind, Path otherwise) {
        Path p = EVAL.resolve(name + "." + kind + ".jsonl");
        return Files.exists(p) ? p : otherwise;
    }

    private static String read(String file) throws IOException {
        return Files.readString(EVAL.resolve(file), StandardCharsets.UTF_8);
    }

    private static List<String> names(JsonNode n) {
        List<String> out = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(k -> {
            out.add(k);
            if (n.get(k).isObject()) names(n.get(k)).forEach(s -> out.add(k + "." + s));
        });
        return out;
    }

    private static void assertSameNumbers(JsonNode expected, JsonNode actual, String where) {
        if (expected.isObject()) {
            expected.fieldNames().forEachRemaining(k -> assertSameNumbers(expected.get(k), actual.get(k), where + "." + k));
        } else {
            assertEquals(expected.isIntegralNumber(), actual.isIntegralNumber(), where + " int or float");
            assertEquals(expected.doubleValue(), actual.doubleValue(), 1e-12, where);
        }
    }
}
