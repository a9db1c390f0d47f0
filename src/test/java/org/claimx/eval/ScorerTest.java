package org.claimx.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.claimx.io.Json;
import org.claimx.model.Change;
import org.claimx.model.Claim;
import org.claimx.model.Field;
import org.claimx.model.Kind;
import org.claimx.model.MetricClass;
import org.claimx.model.Span;
import org.claimx.model.Unit;
import org.claimx.model.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected values were taken from claimscore.py's own functions on the same inputs. */
class ScorerTest {

    private static JsonNode json(String s) {
        try {
            return Json.mapper().readTree(s.replace('\'', '"'));
        } catch (IOException e) {
            throw new IllegalArgumentException(s, e);
        }
    }

    @Test
    void wordsDropArticlesPunctuationAndPlurals() {
        assertEquals(List.of("top-1", "accuracy"), Scorer.words("the Top-1 Accuracies"));
        assertEquals(List.of("8.6", "em"), Scorer.words("+8.6 EM"));
        assertEquals(List.of("x", "5", "a.b", "c", "d", "e", "f"), Scorer.words("-x- .5 a.b c/ /d e+ +f"));
        assertEquals(List.of("pass@1"), Scorer.words("pass@1."));
        assertEquals(List.of(), Scorer.words("an"));
    }

    @Test
    void wordsFollowPythonsUnicodeWordClass() {
        // a combining mark is not \w in python; a superscript digit is
        assertEquals(List.of("cafe"), Scorer.words("Cafe\u0301"));
        assertEquals(List.of("r²"), Scorer.words("R²"));
        // "İ" lower-cases to i and a combining dot, which then splits the word
        assertEquals(List.of("école", "straße", "i", "x"), Scorer.words("ÉCOLE Straße İx"));
        // a letter beyond the BMP joins a hyphenated word like any other
        assertEquals(List.of("\uD835\uDC12-x", "x-\uD835\uDC12", "\uD835\uDFCE.5"),
                Scorer.words("\uD835\uDC12-x x-\uD835\uDC12 \uD835\uDFCE.5"));
        assertEquals(List.of("\uD835\uDC12", "x"), Scorer.words("\uD835\uDC12- x"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"a--b|a  b", "a-b|a-b", "-a|' a'", "a-|'a '", "a-+-b c|a  b c", "./|' '",
            "a/.b|a  b"})
    void loosePunctuationGoesAsPythonsRegexTakesIt(String in, String out) {
        assertEquals(out, Scorer.dropLoosePunctuation(in));
    }

    @ParameterizedTest
    @CsvSource({"accuracies,accuracy", "series,sery", "ies,ies", "boss,boss", "bias,bia", "dies,die", "gas,gas",
            "classes,classe"})
    void stemTakesOffPluralEndingsByLength(String word, String stem) {
        assertEquals(stem, Scorer.stem(word));
    }

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource(delimiter = '|', value = {
            "Accuracies|accuracy|true",
            "the Top-1 accuracy|top-1 accuracy|true",
            "16-bit baselines|16-bit baseline|true",
            "mllm-NPU|MLLM NPU|false",
            "GPU-only|GPU only|false",
            "prefill speed|decode speed|true",
            "x y z|x w|false",
            "a b c|a d|false",
            "...|!!|true",
            "an|x|false",
            "R²|r²|true",
            "FlashAttention-2 kernel|flashattention-2|true",
            "class|classes|false",
            "top-1 accuracy|accuracy|true",
            "primary objective achieving superior accuracy|accuracy|false",
            "competitive baselines on average|baselines|false"})
    void sameSlotByHalfWordOverlap(String a, String b, boolean same) {
        assertEquals(same, Scorer.sameSlot(a, b));
        assertEquals(same, Scorer.sameSlot(b, a));
    }

    @Test
    void nullAgreesOnlyWithNull() {
        assertTrue(Scorer.sameSlot((String) null, null));
        assertFalse(Scorer.sameSlot(null, "x"));
        assertFalse(Scorer.sameSlot("", (String) null));
        assertTrue(Scorer.sameSlot("", "the"));
    }

    @Test
    void aSlotThatIsNotAStringIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Scorer.sameSlot(json("3"), TextNode.valueOf("x")));
    }

    @Test
    void closeIncludesTheHalfPercentBound() {
        assertTrue(Scorer.close(100, 100.5));
        assertTrue(Scorer.close(100, 99.5));
        assertFalse(Scorer.close(100, 100 / 0.995)); // in binary just beyond 0.5% of the larger
        assertFalse(Scorer.close(100, 100.6));
        assertTrue(Scorer.close(0, 1e-12));
        assertTrue(Scorer.close(0, 0));
        assertTrue(Scorer.close(1e-9, 1.004e-9));
    }

    @Test
    void figuresPreferBitsThenNumberThenRange() {
        assertEquals(List.of(4.0, 8.0), Scorer.figures(json("{'value': {'number': 4, 'bits': {'w': 8, 'a': 4, 'kv': null}}}")));
        assertEquals(List.of(4.0), Scorer.figures(json("{'value': {'number': 4, 'bits': {}}}")));
        assertEquals(List.of(2.0, 10.0), Scorer.figures(json("{'value': {'low': 10, 'high': 2}}")));
        assertEquals(List.of(2.0), Scorer.figures(json("{'value': {'low': null, 'high': 2}}")));
        assertEquals(List.of(12.5), Scorer.figures(json("{'value': {'number': '12.5'}}")));
        assertEquals(List.of(), Scorer.figures(json("{'value': null}")));
    }

    @Test
    void sameValueNeedsSameUnitAndAsManyFigures() {
        JsonNode g = json("{'value': {'low': 2, 'high': 10, 'unit': 'x'}}");
        assertTrue(Scorer.sameValue(g, json("{'value': {'low': 10.04, 'high': 2, 'unit': 'x'}}")));
        assertFalse(Scorer.sameValue(g, json("{'value': {'low': 2, 'high': 10, 'unit': '%'}}")));
        assertFalse(Scorer.sameValue(g, json("{'value': {'number': 2, 'unit': 'x'}}")));
        assertFalse(Scorer.sameValue(json("{'value': {}}"), json("{'value': {}}")));
    }

    @Test
    void positionIsSpanElseTextFromSentenceElseFromFieldStart() {
        Map<String, JsonNode> papers = Map.of("p", json("{'id': 'p', 'abstract': 'A 2x. B 2x. C'}"));
        assertEquals(7.0, Scorer.position(json("{'paper': 'p', 'field': 'abstract', 'span': [7, 9]}"), papers));
        assertEquals(8.0, Scorer.position(json("{'paper': 'p', 'field': 'abstract', 'sentence': 'B 2x.', "
                + "'value': {'text': '2x'}}"), papers));
        assertEquals(2.0, Scorer.position(json("{'paper': 'p', 'field': 'abstract', 'sentence': 'C', "
                + "'value': {'text': '2x'}}"), papers));
        assertEquals(1e9, Scorer.position(json("{'paper': 'p', 'field': 'title', 'value': {'text': '2x'}}"), papers));
    }

    @Test
    void positionCountsCodePointsAsPythonDoes() {
        Map<String, JsonNode> papers = Map.of("p", json("{'id': 'p', 'abstract': '\uD835\uDC12 2x'}"));
        assertEquals(2.0, Scorer.position(json("{'paper': 'p', 'field': 'abstract', 'value': {'text': '2x'}}"), papers));
    }

    @Test
    void equalDistancesGoToTheFirstPredictionInPositionOrder() {
        Map<String, JsonNode> papers = Map.of("p", json("{'id': 'p', 'abstract': 'x'}"));
        JsonNode g = json("{'paper': 'p', 'field': 'abstract', 'span': [10, 11], 'value': {'number': 1, 'unit': 'x'}}");
        JsonNode after = json("{'paper': 'p', 'field': 'abstract', 'span': [12, 13], 'value': {'number': 1, 'unit': 'x'}}");
        JsonNode before = json("{'paper': 'p', 'field': 'abstract', 'span': [8, 9], 'value': {'number': 1, 'unit': 'x'}}");
        Scorer.Match m = Scorer.match(papers, List.of(g), List.of(after, before));
        assertEquals(List.of(new Pair(g, before)), m.pairs());
        assertEquals(List.of(after), m.lonePred());
    }

    @Test
    void claimsOfUnknownPapersAreNotScored() {
        Map<String, JsonNode> papers = Map.of("p", json("{'id': 'p', 'abstract': '2x'}"));
        JsonNode c = json("{'paper': 'p', 'field': 'abstract', 'value': {'text': '2x', 'number': 2, 'unit': 'x'}}");
        JsonNode stray = json("{'paper': 'q', 'field': 'abstract', 'value': {'text': '2x', 'number': 2, 'unit': 'x'}}");
        ScoreReport r = Scorer.score(papers, List.of(c, stray), List.of(c, stray, json("{'field': 'abstract'}")));
        assertEquals(1, r.gold());
        assertEquals(1, r.pred());
        assertEquals(new Prf(1.0, 1.0, 1.0), r.tuple());
    }

    @Test
    void engineRecordsScoreOnceTurnedIntoTrees() {
        Map<String, JsonNode> papers = Map.of("p", json("{'id': 'p', 'abstract': 'It is 2.4x faster.'}"));
        Claim engine = new Claim("p", Field.ABSTRACT, new Span(6, 10), "It is 2.4x faster.", Kind.RESULT, "It",
                "speed", MetricClass.SPEED, Value.single("2.4x", 2.4, Unit.X, null), Change.INCREASE, null, null,
                null, "speedup.x", 0.9);
        JsonNode gold = json("{'paper': 'p', 'field': 'abstract', 'sentence': 'It is 2.4x faster.', 'kind': 'result',"
                + " 'method': 'it', 'metric': 'speed', 'value': {'text': '2.4x', 'number': 2.4, 'unit': 'x'},"
                + " 'change': 'increase', 'baseline': null, 'dataset': null}");
        ScoreReport r = Scorer.score(papers, List.of(gold), List.of(Json.mapper().valueToTree(engine)));
        assertEquals(new Prf(1.0, 1.0, 1.0), r.tuple());
        assertEquals(1.0, r.slots().get("qualifier"));
    }

    @Test
    void nothingPredictedScoresZeroNotNaN() {
        Map<String, JsonNode> papers = Map.of("p", json("{'id': 'p', 'abstract': '2x'}"));
        ScoreReport r = Scorer.score(papers, List.of(), List.of());
        assertEquals(new Prf(0.0, 0.0, 0.0), r.detection());
        assertEquals(0.0, r.slots().get("method"));
        assertEquals(List.of("method", "metric", "baseline", "dataset", "change", "kind", "qualifier"),
                List.copyOf(r.slots().keySet()));
    }
}
