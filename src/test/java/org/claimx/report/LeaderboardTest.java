package org.claimx.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.claimx.io.Json;
import org.claimx.slots.SlotLexicon;
import org.junit.jupiter.api.Test;

class LeaderboardTest {
    private static final Path LEXICON = Path.of("rules/lexicon");
    private static final Names NAMES = Names.load(LEXICON);
    private static final SlotLexicon SLOTS = SlotLexicon.load(LEXICON);
    private static final NotScores NOT = NotScores.load(LEXICON);

    private static PaperClaims paper(String id, String title, String abstractText) {
        return AuditCorpusTest.extract(title, abstractText).claims().isEmpty() ? null
                : new PaperClaims(id, title, abstractText, AuditCorpusTest.extract(title, abstractText).claims());
    }

    @Test
    void namesJoinAcrossCasePunctuationAndAliases() {
        assertEquals(NAMES.dataset("GSM8k"), NAMES.dataset("GSM8K"));
        assertEquals(NAMES.dataset("GSM-8K"), NAMES.dataset("gsm8k"));
        assertEquals(NAMES.metric("top-1 acc"), NAMES.metric("Top-1 accuracy"));
        assertEquals(NAMES.metric("accuracies"), NAMES.metric("accuracy"));
        assertTrue(!NAMES.metric("accuracy").equals(NAMES.metric("top-1 accuracy")));
    }

    @Test
    void boardsRankInTheBetterDirectionAndCarryThePrecision() {
        List<PaperClaims> papers = List.of(
                paper("a", "Alpha: A Model", "Alpha achieves 71.2% accuracy on GSM8k."),
                paper("b", "Beta: A Model", "With W4A8 quantization, Beta achieves 74.9% accuracy on GSM8K."),
                paper("c", "Gamma: A Model", "Gamma achieves a word error rate of 6.1% on LibriSpeech test-other."),
                paper("d", "Delta: A Model", "Delta achieves a word error rate of 5.2% on LibriSpeech test-other."));
        List<Leaderboard.Board> boards = Leaderboard.build(papers, NAMES, SLOTS, NOT, Leaderboard.Filter.ALL);
        Leaderboard.Board gsm = boards.stream().filter(b -> NAMES.dataset(b.dataset()).equals(NAMES.dataset("gsm8k"))).findFirst().orElseThrow();
        assertEquals("higher", gsm.better());
        assertEquals(List.of("Beta", "Alpha"), gsm.rows().stream().map(Leaderboard.Row::method).toList());
        assertEquals("W4A8", gsm.rows().get(0).precision());
        Leaderboard.Board wer = boards.stream().filter(b -> b.dataset().contains("LibriSpeech")).findFirst().orElseThrow();
        assertEquals("lower", wer.better());
        assertEquals(List.of("Delta", "Gamma"), wer.rows().stream().map(Leaderboard.Row::method).toList());
        List<Leaderboard.Board> only = Leaderboard.build(papers, NAMES, SLOTS, NOT, new Leaderboard.Filter("gsm-8k", null, 0));
        assertEquals(1, only.size());
    }

    @Test
    void aMetricOfUnknownDirectionKeepsPaperOrderAndSaysSo() {
        List<PaperClaims> papers = List.of(
                paper("a", "Alpha: A Model", "Alpha achieves a zorbity of 3.1 on FooBench."),
                paper("b", "Beta: A Model", "Beta achieves a zorbity of 7.4 on FooBench."));
        List<Leaderboard.Board> boards = Leaderboard.build(papers.stream().filter(java.util.Objects::nonNull).toList(), NAMES, SLOTS, NOT, Leaderboard.Filter.ALL);
        for (Leaderboard.Board b : boards) {
            if (b.better().equals("unknown")) {
                assertEquals(List.of("a", "b"), b.rows().stream().map(Leaderboard.Row::paper).toList());
                return;
            }
        }
        // The engine must see these as level results on a dataset for the board to exist at all.
        throw new AssertionError("no board of unknown direction: " + boards);
    }

    @Test
    void jsonIsShapedLikePapersWithCodeTables() throws Exception {
        List<PaperClaims> papers = List.of(paper("2401.00001", "Alpha: A Model", "Alpha achieves 71.2% accuracy on GSM8K."));
        JsonNode root = Json.mapper().readTree(LeaderboardWriter.write(Leaderboard.build(papers, NAMES, SLOTS, NOT, Leaderboard.Filter.ALL), "json"));
        JsonNode d = root.get(0).get("datasets").get(0);
        assertTrue(root.get(0).has("task"));
        assertEquals("GSM8K", d.get("dataset").asText());
        assertEquals("accuracy", d.get("sota").get("metrics").get(0).asText());
        JsonNode row = d.get("sota").get("rows").get(0);
        assertEquals("Alpha", row.get("model_name").asText());
        assertEquals("71.2 %", row.get("metrics").get("accuracy").asText());
        assertEquals("https://arxiv.org/abs/2401.00001", row.get("paper_url").asText());
    }

    /** The words around a value that make it a change or a share, said here apart from the lexicon the boards use. */
    private static final java.util.regex.Pattern CHANGE_BEFORE = java.util.regex.Pattern.compile(
            "(?i)(?:\\bby(?:\\s+(?:up to|at least|over|about|nearly))?|\\+|\\bonly|\\bgap to)\\s*$");
    private static final java.util.regex.Pattern CHANGE_AFTER = java.util.regex.Pattern.compile(
            "(?i)^(?:\\s*,?\\s*(?:and)?\\s*[<>]?[\\d.]+\\\\?%?)*\\s*(?:of|better|higher|lower|more|less|fewer|improvements?|gains?|points? higher)\\b");
    private static final java.util.regex.Pattern CHANGE_METRIC = java.util.regex.Pattern.compile(
            "(?i)\\b(?:gap|reduction|boost|improvement|gain|increase|drop|savings?|speedup)s?\\b");

    @Test
    void devBoardsRankNoChangeFigureAndNoShare() throws Exception {
        List<String> inputs = new java.util.ArrayList<>(List.of("testdata/gold/dev.papers.jsonl"));
        if (java.nio.file.Files.exists(java.nio.file.Path.of("../shared/corpus/dev.papers.jsonl"))) inputs.add("../shared/corpus/dev.papers.jsonl");
        List<PaperClaims> papers = ReportInput.read(inputs, org.claimx.pipeline.SharedEngine::get, 2, e -> {});
        int rows = 0;
        for (Leaderboard.Board b : Leaderboard.build(papers, NAMES, SLOTS, NOT, Leaderboard.Filter.ALL)) {
            for (Leaderboard.Row r : b.rows()) {
                rows++;
                String where = b.dataset() + "/" + b.metric() + ": " + r.value() + " in " + r.sentence();
                assertEquals(org.claimx.model.Change.LEVEL, r.change(), where);
                assertTrue(!r.unit().equals("pp") && !r.value().startsWith("+"), where);
                assertTrue(!CHANGE_METRIC.matcher(r.metric()).find(), "a change's metric: " + where);
                String s = r.sentence();
                for (int at = s.indexOf(r.value()); at >= 0; at = s.indexOf(r.value(), at + 1)) {
                    String before = s.substring(Math.max(0, at - 40), at);
                    String after = s.substring(at + r.value().length(), Math.min(s.length(), at + r.value().length() + 40));
                    assertTrue(!CHANGE_BEFORE.matcher(before).find(), "a change or share (before): " + where);
                    assertTrue(!CHANGE_AFTER.matcher(after).find(), "a change or share (after): " + where);
                }
            }
        }
        assertTrue(rows >= 15, "the dev papers still make boards: " + rows);
    }
}
