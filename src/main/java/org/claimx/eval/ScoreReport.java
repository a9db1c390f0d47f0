package org.claimx.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of {@link Scorer#score}: the figures of claimscore.py's result dict, and the claims its
 * {@code --errors} listing shows. claimscore.py's standard output is {@code json()} with {@code --json},
 * else {@code text()}, followed by {@code errors(n)} with {@code --errors n}; print them as they are.
 *
 * @param gold gold claims scored (those of known papers)
 * @param pred predicted claims scored (those of known papers)
 * @param matched gold-predicted pairs with the same value
 * @param detection value detection over all claims
 * @param slots share of matched pairs agreeing on each of method, metric, baseline, dataset, change,
 *     kind, qualifier, in that order
 * @param tuple claims agreeing on value, the four string slots and change
 * @param detectionResult value detection over {@code kind: result} claims only
 * @param detectionSetting value detection over {@code kind: setting} claims only
 * @param missed gold claims no prediction matched, in matching order
 * @param spurious predicted claims that matched no gold claim, in matching order
 * @param disagreeing matched pairs that do not count for the tuple score, in matching order
 */
public record ScoreReport(int gold, int pred, int matched, Prf detection, Map<String, Double> slots, Prf tuple,
        Prf detectionResult, Prf detectionSetting, List<JsonNode> missed, List<JsonNode> spurious,
        List<Pair> disagreeing) {

    public ScoreReport {
        slots = Collections.unmodifiableMap(new LinkedHashMap<>(slots));
        missed = missed.stream().<JsonNode>map(JsonNode::deepCopy).toList();
        spurious = spurious.stream().<JsonNode>map(JsonNode::deepCopy).toList();
        disagreeing = disagreeing.stream().map(x -> new Pair(x.gold().deepCopy(), x.pred().deepCopy())).toList();
    }

    /** The four summary lines claimscore.py prints without {@code --json}, each ending in a newline. */
    public String text() {
        return ReportWriter.text(this);
    }

    /**
     * The lines {@code --errors n} adds after the summary: up to {@code n} missed, spurious and
     * slot-disagreeing claims, each section opened by a blank line. A negative {@code n} cuts from the
     * end of the first two lists, as python's slice does, and shows no disagreements.
     */
    public String errors(int n) {
        return ReportWriter.errors(this, n);
    }

    /** The result dict as claimscore.py {@code --json} prints it: same keys, order, numbers and layout, ending in a newline. */
    public String json() {
        return ReportWriter.json(this);
    }
}
