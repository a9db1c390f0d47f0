package org.claimx.slots;

import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import org.claimx.model.Change;
import org.claimx.model.Kind;
import org.claimx.model.MetricClass;
import org.claimx.model.Unit;
import org.claimx.values.ValueMention;

/**
 * Fills method, metric, change, baseline and dataset for the values of one sentence.
 *
 * <p>Needs: a part-of-speech-tagged sentence, its value mentions, the paper context and the
 * normalised field text (offsets of mentions point into it). Produces: one {@link Filled} per value
 * that remains a claim after the relations between values are applied. Every slot comes from the
 * same sentence or the paper's own system name; each claim's {@link Trace} says which pattern gave
 * each slot. Values written as a list share what is said once for the list, and pair in order with
 * a list of names of the same length ("77.4% and 89.1% pass@1 in HumanEval-ET and MBPP-ET").
 */
public final class SlotFiller {
    /** A value that stays a claim, its slots, the relation rule that shaped it, and why. */
    public record Filled(ValueMention mention, Slots slots, String relationRule, Trace trace) {}

    private final SlotLexicon lex;
    private final ValueContext context;
    private final MethodFinder methods;
    private final MetricFinder metrics;
    private final BaselineFinder baselines;
    private final DatasetFinder datasets;

    public SlotFiller(SlotLexicon lex) {
        this.lex = lex;
        this.context = new ValueContext(lex);
        this.methods = new MethodFinder(lex);
        this.metrics = new MetricFinder(lex);
        this.baselines = new BaselineFinder(lex);
        this.datasets = new DatasetFinder(lex);
    }

    public List<Filled> fill(PaperContext ctx, String docText, CoreMap sentence, List<ValueMention> mentions) {
        SentenceView s = new SentenceView(sentence);
        Relations.Outcome rel = Relations.apply(docText, mentions);
        List<Coordination.NameList> lists = Coordination.nameLists(s);
        List<int[]> sentenceDatasets = datasets.all(s);
        List<Filled> out = new ArrayList<>();
        String previousMethod = null;
        String previousMetric = null;
        MetricFinder.Result previousResult = null;
        Unit previousUnit = null;
        Coordination.NameList previousSubjects = null;
        Coordination.NameList previousDatasets = null;
        int previousEnd = -1;
        for (List<ValueMention> group : Coordination.valueGroups(docText, rel.kept())) {
            int n = group.size();
            // "...; 2) our DC^2 brings": what was said of values before a ";" is not said of these.
            if (previousEnd >= 0 && docText.substring(previousEnd, group.get(0).start()).contains(";")) {
                previousMethod = null;
                previousMetric = null;
                previousSubjects = null;
                previousDatasets = null;
            }
            previousEnd = group.get(n - 1).end();
            int groupFirst = s.tokenAt(group.get(0).start());
            int groupLast = Math.max(groupFirst, s.tokenBefore(group.get(n - 1).end()));
            Coordination.NameList dsList = n > 1 ? listBefore(s, lists, n, groupLast, true) : null;
            if (dsList == null && previousDatasets != null && previousDatasets.size() == n) dsList = previousDatasets;
            if (dsList != null) previousDatasets = dsList;
            Coordination.NameList blList = n > 1 ? listBefore(s, lists, n, -1, false) : null;
            Coordination.NameList subjects = n > 1 ? subjectList(s, lists, n, groupFirst) : null;
            if (subjects == null && previousSubjects != null && previousSubjects.size() == n) subjects = previousSubjects;
            if (subjects != null) previousSubjects = subjects;
            ValueMention head = group.get(0);
            int headLast = Math.max(groupFirst, s.tokenBefore(head.end()));
            MetricFinder.Result firstResult = metrics.find(s, groupFirst, headLast, head.value().unit(), new Trace());
            MetricFinder.Result lastResult = metrics.find(s, s.tokenAt(group.get(n - 1).start()), groupLast,
                    group.get(n - 1).value().unit(), new Trace());
            for (int i = 0; i < n; i++) {
                ValueMention kept = group.get(i);
                ValueMention m = context.withContextQualifier(s, kept);
                int first = s.tokenAt(m.start());
                int last = Math.max(first, s.tokenBefore(m.end()));
                Trace trace = new Trace();
                String method = subjects != null ? subjects.item(s, i) : methods.find(ctx, s, groupFirst, previousMethod, trace);
                if (subjects != null) trace.add("method", "list of subjects, in order", method);
                previousMethod = method;
                if (m.value().unit() == Unit.BITS) {
                    m = context.withPrecisionTargets(s, m, trace);
                    trace.add("kind", "precision unit", null);
                    out.add(new Filled(m, new Slots(Kind.SETTING, method, "precision", MetricClass.PRECISION, Change.LEVEL,
                            null, null, null, trace.toString()), rel.rule().get(kept), trace));
                    continue;
                }
                MetricFinder.Result mc = metrics.find(s, first, last, m.value().unit(), trace);
                mc = shareWithinList(group, i, m, mc, firstResult, lastResult, trace);
                if (mc.pattern() == null && previousResult != null && previousUnit == m.value().unit()
                        && ("verb-by".equals(previousResult.pattern()) || "compare".equals(previousResult.pattern()))) {
                    // "outperforms X by 21.3 points of AP-BEV on Talk2Car and 17.7 points on DriveLM".
                    mc = new MetricFinder.Result(null, previousResult.change(), "continued", previousResult.improves());
                    trace.add("change", "continues the comparison before it in the sentence", null);
                }
                boolean versus = rel.rule().get(kept) != null;
                if (mc.metric() == null && previousMetric != null && (previousUnit == m.value().unit() || versus)
                        && (mc.pattern() == null || versus)) {
                    // "AgentCoder achieves 77.4% pass@1 ..., while SOTA baselines obtain only 69.5%": the same measure;
                    // "(69.48 vs. 72.41)": the figures of the metric just named.
                    mc = new MetricFinder.Result(previousMetric, mc.change(), mc.pattern(), mc.improves());
                    trace.add("metric", "the same measure as the figure before it in the sentence", previousMetric);
                }
                boolean comparedOnly = "compare".equals(mc.pattern()) || "after".equals(mc.pattern()) && previousUnit == m.value().unit();
                if (mc.metric() == null && mc.change() != null && previousMetric != null && comparedOnly) {
                    // "accuracies of 56.48%, surpassing LoRA by 33.52%": a comparison keeps the metric just named.
                    mc = new MetricFinder.Result(previousMetric, mc.change(), mc.pattern(), mc.improves());
                    trace.add("metric", "compared on the metric named before it in the sentence", previousMetric);
                }
                if (mc.metric() == null) mc = unitWordMetric(m, mc, trace);
                if (mc.metric() != null) previousMetric = mc.metric();
                previousResult = mc;
                previousUnit = m.value().unit();
                Change change = change(rel.change().get(kept), m, mc, trace);
                String baseline = null;
                // A level gets a baseline only as a share of it ("55.8% of the FLOPs" of the dense baseline)
                // or beside its own figure ("69.48 vs. 72.41").
                boolean shareOrVersus = "share".equals(mc.pattern()) || rel.baselineValue().get(kept) != null;
                if (change != Change.LEVEL || shareOrVersus) {
                    if (blList != null) {
                        baseline = blList.item(s, i);
                        trace.add("baseline", "list of baselines, in order", baseline);
                    } else {
                        int[] b = baselines.find(s, m);
                        if (b != null) {
                            baseline = s.span(b[0], b[1]);
                            trace.add("baseline", "after comparison cue", baseline);
                        } else if (shareOrVersus && (b = baselines.named(s, m)) != null) {
                            baseline = s.span(b[0], b[1]);
                            trace.add("baseline", "a phrase naming a baseline in the clause", baseline);
                        }
                    }
                }
                MetricClass cls = lex.classOf(mc.metric());
                if (cls == null) cls = classOfUnit(m.value().unit());
                String dataset;
                if (dsList != null) {
                    dataset = dsList.item(s, i);
                    trace.add("dataset", "list of datasets, in order", dataset);
                } else {
                    // The method's own name ("trained ... on SWIFT", "in FlashDecoding++") is no dataset of its figures.
                    String own = method == null ? null : method.toLowerCase(java.util.Locale.ROOT);
                    List<int[]> candidates = sentenceDatasets.stream()
                            .filter(d -> own == null || !own.contains(s.span(d[0], d[1]).toLowerCase(java.util.Locale.ROOT)))
                            .toList();
                    int[] d = datasets.forValue(s, candidates, groupFirst, groupLast, cls == MetricClass.QUALITY);
                    dataset = d == null ? null : s.span(d[0], d[1]);
                    if (dataset != null) trace.add("dataset", "benchmark name in the sentence", dataset);
                }
                out.add(new Filled(m, new Slots(Kind.RESULT, method, mc.metric(), cls, change, baseline,
                        rel.baselineValue().get(kept), dataset, trace.toString()), rel.rule().get(kept), trace));
            }
        }
        return out;
    }

    /**
     * Values written as one list share what is said once for it: "reduces X by 80% and 77%" (the
     * first value's verb), "77.4% and 89.1% pass@1" (the phrase after the last). Only values of one
     * unit share a metric: "(1.6 ms, 74.7% top-1)" are two measures.
     */
    private static MetricFinder.Result shareWithinList(List<ValueMention> group, int i, ValueMention m, MetricFinder.Result own,
                                                       MetricFinder.Result first, MetricFinder.Result last, Trace trace) {
        if (group.size() < 2) return own;
        boolean firstSpeaks = (first.metric() != null || first.change() != null)
                && ("verb-by".equals(first.pattern()) || "of".equals(first.pattern()) || "compare".equals(first.pattern()));
        MetricFinder.Result from = null;
        if (i > 0 && firstSpeaks && group.get(0).value().unit() == m.value().unit()) from = first;
        else if (own.metric() == null && (last.metric() != null || last.change() != null)
                && group.get(group.size() - 1).value().unit() == m.value().unit()) {
            from = last;
        }
        if (from == null || (own.metric() != null && from == last)) return own;
        trace.add("metric", "said once for the list", from.metric());
        boolean ownChange = own.change() != null;
        if (own.metric() != null) {
            return new MetricFinder.Result(own.metric(), ownChange ? own.change() : from.change(), own.pattern(),
                    ownChange ? own.improves() : from.improves());
        }
        return new MetricFinder.Result(from.metric(), ownChange ? own.change() : from.change(), from.pattern(),
                ownChange ? own.improves() : from.improves());
    }

    /** "16.3 million parameters", "3.6 billion MACs", "50K data": the counted thing is the metric. */
    private static MetricFinder.Result unitWordMetric(ValueMention m, MetricFinder.Result mc, Trace trace) {
        Unit u = m.value().unit();
        if (u != Unit.PARAMS && u != Unit.FLOPS && u != Unit.SAMPLES && u != Unit.TOKENS) return mc;
        java.util.regex.Matcher w = UNIT_WORDS.matcher(m.value().text());
        if (!w.find()) return mc;
        trace.add("metric", "the counted unit", w.group(1));
        return new MetricFinder.Result(w.group(1), mc.change(), "unit");
    }

    private static final java.util.regex.Pattern UNIT_WORDS =
            java.util.regex.Pattern.compile("([A-Za-z][A-Za-z -]*[A-Za-z])\\s*$");

    private Change change(Change fromRelation, ValueMention m, MetricFinder.Result mc, Trace trace) {
        if (fromRelation != null) return fromRelation;
        SlotLexicon.ChangeCue own = lex.cue(m.value().text());
        if (own != null) {
            trace.add("change", "the value is a change word", m.value().text());
            return own.change();
        }
        if (m.value().text().startsWith("+")) {
            trace.add("change", "written with a plus sign", null);
            return Change.INCREASE;
        }
        if (mc.change() != null) {
            if (mc.improves() && mc.change() == Change.INCREASE && lex.betterOf(mc.metric()) == SlotLexicon.Better.LOWER) {
                trace.add("change", "an improvement of a lower-is-better metric", mc.metric());
                return Change.DECREASE;
            }
            return mc.change();
        }
        Change c = m.value().unit() == Unit.X ? Change.INCREASE : Change.LEVEL;
        trace.add("change", "default for unit " + m.value().unit().json(), null);
        return c;
    }

    /** A list of n names after a dataset preposition (datasets) or a comparison cue (baselines). */
    private Coordination.NameList listBefore(SentenceView s, List<Coordination.NameList> lists, int n, int after,
                                             boolean dataset) {
        for (Coordination.NameList full : lists) {
            if (full.size() < n) continue;
            Coordination.NameList l = full.last(n);
            if (l.before() < 0) continue;
            if (dataset && l.items().get(0)[0] <= after) continue;
            String cue = s.lower(l.before());
            boolean ok = dataset ? lex.datasetPreposition.matcher(cue).matches()
                    : lex.comparison.matcher(s.text.substring(0, s.end(l.before()) - s.base) + " ").find()
                    && cue.matches("than|over|to|with|against|versus|vs\\.?|outperforming|surpassing");
            if (ok) return l;
        }
        return null;
    }

    /** A list of n names that is the subject of the verb before the values ("SLoRA and NLoRA achieve"). */
    private Coordination.NameList subjectList(SentenceView s, List<Coordination.NameList> lists, int n, int value) {
        for (Coordination.NameList full : lists) {
            if (full.size() < n || full.after() >= value || full.after() >= s.size()) continue;
            Coordination.NameList l = full.last(n);
            int v = l.after();
            while (v < value && (s.tag(v).equals("MD") || s.tag(v).startsWith("RB"))) v++;
            if (v < value && lex.systemVerb.matcher(s.lower(v)).matches()) return l;
        }
        return null;
    }

    private static MetricClass classOfUnit(Unit u) {
        return switch (u) {
            case X, MS, S, MIN, TOKENS_PER_S -> MetricClass.SPEED;
            case KB, MB, GB, TB -> MetricClass.MEMORY;
            case PARAMS, TOKENS -> MetricClass.SIZE;
            case DOLLARS, J, W, FLOPS, H, GPUS -> MetricClass.COST;
            case BITS -> MetricClass.PRECISION;
            case SAMPLES -> MetricClass.DATA;
            case PERCENT, PP, POINTS, NONE -> MetricClass.QUALITY;
            case FRACTION -> MetricClass.OTHER;
        };
    }
}
