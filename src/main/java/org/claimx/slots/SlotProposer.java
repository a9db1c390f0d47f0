package org.claimx.slots;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.claimx.model.Field;
import org.claimx.model.Span;
import org.claimx.model.Unit;
import org.claimx.values.ValueMention;

/**
 * Turns the values of one tagged sentence into {@link Instance}s: marks the value tokens, runs the
 * candidate rules, adds the paper's own system name and the empty candidate, and computes features.
 *
 * <p>Needs: a sentence with part-of-speech tags, its value mentions (offsets into the normalised
 * field text) and the paper context. Produces: one instance per value that the value relations keep.
 */
public final class SlotProposer {
    /** Where a mention stands in the original field, and its value with the original text. */
    public record Placed(Span span, ValueMention mention) {}

    private final CandidateRules rules;
    private final SlotLexicon lex;
    private final Features features;
    private final ValueContext context;
    private final PaperKind kind;

    public SlotProposer(CandidateRules rules, SlotLexicon lex, PaperKind kind) {
        this.rules = rules;
        this.kind = kind;
        this.lex = lex;
        this.features = new Features(lex);
        this.context = new ValueContext(lex);
    }

    /** What the features read of a whole paper: its text and whether it introduces a benchmark. */
    public Features.PaperText paperText(String title, String abstractText) {
        return new Features.PaperText(title, abstractText, kind.introducesBenchmark(title, abstractText));
    }

    public List<Instance> instances(PaperContext ctx, Features.PaperText paperText, Field field, String docText, CoreMap sentence,
                                    String sentenceText,
                                    List<ValueMention> mentions, Function<ValueMention, Placed> place) {
        SentenceView s = new SentenceView(sentence);
        List<CoreLabel> tokens = s.tokens;
        for (CoreLabel t : tokens) t.setNER("O");
        for (ValueMention m : mentions) {
            for (int i = s.tokenAt(m.start()); i < s.size() && s.begin(i) < m.end(); i++) tokens.get(i).setNER("VALUE");
        }
        List<Candidate> proposed = rules.propose(tokens);
        Relations.Outcome rel = Relations.apply(lex, docText, mentions);
        boolean selfBefore = false;
        List<Instance> out = new ArrayList<>();
        List<ValueMention> kept = rel.kept();
        List<ValueGroups.Place> groups = ValueGroups.of(docText, kept, sentenceText);
        for (int k = 0; k < kept.size(); k++) {
            ValueMention m = context.withContextQualifier(s, kept.get(k));
            if (m.value().unit() == Unit.BITS) m = context.withPrecisionTargets(s, m);
            int vFrom = s.tokenAt(m.start());
            int vTo = Math.max(vFrom, s.tokenBefore(m.end()));
            selfBefore = false;
            for (Candidate c : proposed) {
                if (c.to() < vFrom && c.rules().contains("self.subject")) selfBefore = true;
            }
            List<Candidate> cands = new ArrayList<>();
            cands.add(Candidate.NONE);
            if (ctx.systemName() != null) {
                cands.add(new Candidate(ctx.systemName(), -1, -1, Set.of("paper.system-name", "paper." + ctx.systemRule())));
            }
            for (var e : ctx.otherNames().entrySet()) {
                cands.add(new Candidate(e.getKey(), -1, -1, Set.of("paper.other-name", "paper." + e.getValue())));
            }
            Candidate unitWord = unitWord(s, m, vTo);
            if (unitWord != null) cands.add(unitWord);
            Candidate implied = impliedMetric(s, vFrom, vTo);
            if (implied != null) cands.add(implied);
            cands.addAll(proposed);
            Features.Context fc = new Features.Context(tokens, vFrom, vTo, m, field == Field.TITLE, ctx.systemName(),
                    selfBefore, kept.size(), k, rel.rule().get(kept.get(k)), paperText, groups.get(k));
            List<List<String>> cf = new ArrayList<>(cands.size());
            for (Candidate c : cands) cf.add(features.candidate(fc, c, cands));
            Placed p = place.apply(m);
            out.add(new Instance(field, p.span(), sentenceText, p.mention(), rel.rule().get(kept.get(k)),
                    rel.baselineValue().get(kept.get(k)), List.copyOf(cands), List.copyOf(cf), features.claim(fc),
                    features.change(fc)));
        }
        return out;
    }

    /** How far from the value a change word may stand to imply its metric. */
    private static final int IMPLIED_WINDOW = 3;

    /**
     * "22.4x faster", "a 2x speedup": the metric a change word near the value implies
     * ({@code rules/lexicon/change-cues.tsv}, third column) is a metric candidate, though the sentence
     * does not write it.
     */
    private Candidate impliedMetric(SentenceView s, int vFrom, int vTo) {
        for (int d = 1; d <= IMPLIED_WINDOW; d++) {
            String after = impliedAt(s, vTo + d);
            if (after != null) return new Candidate(after, -1, -1, Set.of("metric.implied-by-change-word"));
            String before = impliedAt(s, vFrom - d);
            if (before != null) return new Candidate(before, -1, -1, Set.of("metric.implied-by-change-word"));
        }
        return null;
    }

    /** The metric the change word at token {@code i} implies; null if none (or no such token). */
    private String impliedAt(SentenceView s, int i) {
        if (i < 0 || i >= s.size()) return null;
        SlotLexicon.ChangeCue cue = lex.cue(s.word(i));
        return cue == null ? null : cue.impliedMetric();
    }

    /**
     * "16.3 million parameters": the counted word written inside the value is a metric candidate; so is
     * the metric named inside points ("4.5 Dice points"), unless it is a word of not-metrics.tsv ("absolute points").
     */
    private Candidate unitWord(SentenceView s, ValueMention m, int vTo) {
        if (m.rule().startsWith("metric-points.") && vTo > 0
                && !lex.notMetrics.contains(s.word(vTo - 1).toLowerCase(java.util.Locale.ROOT))) {
            return new Candidate(s.word(vTo - 1), vTo - 1, vTo - 1, new LinkedHashSet<>(List.of("value.metric-word")));
        }
        if (!Features.isUnitCounted(m.value().unit())) return null;
        String w = s.word(vTo);
        if (!w.chars().allMatch(Character::isLetter)) return null;
        return new Candidate(w, vTo, vTo, new LinkedHashSet<>(List.of("value.counted-word")));
    }
}
