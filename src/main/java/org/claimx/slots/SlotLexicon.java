package org.claimx.slots;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.claimx.model.Change;
import org.claimx.model.MetricClass;
import org.claimx.nlp.RuleException;
import org.claimx.nlp.Tsv;

/** The word lists the slot filler reads, from {@code rules/lexicon/}. */
public final class SlotLexicon {
    /** A change word, the change it signals, and the metric it implies when no noun names one. */
    record ChangeCue(Pattern word, Change change, String impliedMetric, boolean compares, boolean improves) {}

    /** Which way is better for a metric. */
    public enum Better { HIGHER, LOWER }

    record DirectionRule(Pattern pattern, Better better) {}

    record ClassRule(Pattern pattern, MetricClass metricClass) {}

    final List<ChangeCue> changeCues;
    final List<ClassRule> classRules;
    final Pattern comparison;
    final Pattern datasetPreposition;
    final Pattern systemVerb;
    final Set<String> notNames;
    final List<ContextQualifier> contextQualifiers;
    final List<PrecisionTarget> precisionTargets;
    final Pattern knownDatasets;
    final Set<String> notDatasets;
    final Pattern taskHead;
    /** Subject words that stand for the paper's own system, with their kind: pronoun, system or report. */
    final java.util.Map<String, String> selfNouns;
    final Set<String> notMetrics;
    final Set<String> genericWords;
    final List<DirectionRule> directions;
    private final Set<String> knownLower;
    /** Tokens that end a clause (clause-breaks.tsv), and the same as one regex over text. */
    final List<Pattern> clauseBreaks;
    final Pattern clauseBreakInText;
    /** Value relations (value-relations.tsv): relation name and part to pattern. */
    final java.util.Map<String, Pattern> relations;

    /** A word a precision's width applies to ("weights" → w). */
    record PrecisionTarget(Pattern word, String target) {}

    /** A qualifier said around a value ("on average"). */
    record ContextQualifier(Pattern pattern, org.claimx.model.Qualifier qualifier) {}

    private SlotLexicon(List<ChangeCue> changeCues, List<ClassRule> classRules, Pattern comparison,
                        Pattern datasetPreposition, Pattern systemVerb, Set<String> notNames,
                        List<ContextQualifier> contextQualifiers, List<PrecisionTarget> precisionTargets,
                        Pattern knownDatasets, Set<String> notDatasets, Pattern taskHead,
                        java.util.Map<String, String> selfNouns, Set<String> notMetrics, Set<String> genericWords,
                        Set<String> knownLower, List<DirectionRule> directions, List<Pattern> clauseBreaks,
                        Pattern clauseBreakInText, java.util.Map<String, Pattern> relations) {
        this.changeCues = changeCues;
        this.classRules = classRules;
        this.comparison = comparison;
        this.datasetPreposition = datasetPreposition;
        this.systemVerb = systemVerb;
        this.notNames = notNames;
        this.contextQualifiers = contextQualifiers;
        this.precisionTargets = precisionTargets;
        this.knownDatasets = knownDatasets;
        this.notDatasets = notDatasets;
        this.taskHead = taskHead;
        this.selfNouns = selfNouns;
        this.notMetrics = notMetrics;
        this.genericWords = genericWords;
        this.knownLower = knownLower;
        this.directions = directions;
        this.clauseBreaks = clauseBreaks;
        this.clauseBreakInText = clauseBreakInText;
        this.relations = relations;
    }

    private final WordMemo<Boolean> clauseBreakMemo = new WordMemo<>(this::matchesClauseBreak);
    private final WordMemo<ChangeCue> cueMemo = new WordMemo<>(this::firstCue);
    private final WordMemo<MetricClass> classMemo = new WordMemo<>(this::firstClass);
    private final WordMemo<Better> betterMemo = new WordMemo<>(this::firstDirection);
    private final WordMemo<Boolean> knownDatasetMemo = new WordMemo<>(this::matchesKnownDataset);

    /** The token ends a clause. */
    boolean isClauseBreak(String lowerWord) {
        return clauseBreakMemo.get(lowerWord);
    }

    private boolean matchesClauseBreak(String lowerWord) {
        for (Pattern p : clauseBreaks) if (p.matcher(lowerWord).matches()) return true;
        return false;
    }

    public static SlotLexicon load(Path dir) {
        List<ChangeCue> cues = new ArrayList<>();
        Tsv c = Tsv.read(dir.resolve("change-cues.tsv"), 3);
        for (Tsv.Row r : c.rows()) {
            Change change;
            try {
                change = Change.of(r.col(1));
            } catch (IllegalArgumentException e) {
                throw new RuleException(c.file(), r.line(), e.getMessage());
            }
            cues.add(new ChangeCue(compile(c, r, "(?:" + r.col(0) + ")"), change, r.col(2).equals("-") ? null : r.col(2),
                    r.col(3).contains("compares"), r.col(3).contains("improves")));
        }
        List<ClassRule> classes = new ArrayList<>();
        Tsv k = Tsv.read(dir.resolve("metric-classes.tsv"), 2);
        for (Tsv.Row r : k.rows()) {
            MetricClass mc;
            try {
                mc = MetricClass.of(r.col(1));
            } catch (IllegalArgumentException e) {
                throw new RuleException(k.file(), r.line(), e.getMessage());
            }
            classes.add(new ClassRule(compile(k, r, r.col(0)), mc));
        }
        Set<String> notNames = new HashSet<>();
        for (Tsv.Row r : Tsv.read(dir.resolve("not-names.tsv"), 1).rows()) notNames.add(r.col(0).toLowerCase(Locale.ROOT));
        List<ContextQualifier> cq = new ArrayList<>();
        Tsv q = Tsv.read(dir.resolve("qualifier-context.tsv"), 2);
        for (Tsv.Row r : q.rows()) {
            try {
                cq.add(new ContextQualifier(compile(q, r, "(?i)" + r.col(0)), org.claimx.model.Qualifier.of(r.col(1))));
            } catch (IllegalArgumentException e) {
                throw new RuleException(q.file(), r.line(), e.getMessage());
            }
        }
        List<PrecisionTarget> targets = new ArrayList<>();
        Tsv pt = Tsv.read(dir.resolve("precision-targets.tsv"), 2);
        for (Tsv.Row r : pt.rows()) {
            if (!Set.of("w", "a", "kv").contains(r.col(1))) {
                throw new RuleException(pt.file(), r.line(), "target must be w, a or kv: " + r.col(1));
            }
            targets.add(new PrecisionTarget(compile(pt, r, "(?i)\\b(?:" + r.col(0) + ")\\b"), r.col(1)));
        }
        List<String> datasets = new ArrayList<>();
        for (Tsv.Row r : Tsv.read(dir.resolve("datasets.tsv"), 1).rows()) datasets.add(r.col(0).strip());
        datasets.sort((a, b) -> b.length() - a.length());
        StringBuilder known = new StringBuilder("(?i)(?<![\\w-])(?:");
        for (int i = 0; i < datasets.size(); i++) known.append(i == 0 ? "" : "|").append(Pattern.quote(datasets.get(i)));
        known.append(")(?![\\w-]|\\.\\d)");
        Set<String> notDatasets = new HashSet<>();
        for (Tsv.Row r : Tsv.read(dir.resolve("not-datasets.tsv"), 1).rows()) notDatasets.add(r.col(0).toLowerCase(Locale.ROOT));
        java.util.Map<String, String> self = new java.util.HashMap<>();
        Tsv sn = Tsv.read(dir.resolve("self-nouns.tsv"), 2);
        for (Tsv.Row r : sn.rows()) {
            if (!Set.of("pronoun", "system", "report").contains(r.col(1))) {
                throw new RuleException(sn.file(), r.line(), "kind must be pronoun, system or report: " + r.col(1));
            }
            self.put(r.col(0).toLowerCase(Locale.ROOT), r.col(1));
        }
        Set<String> notMetrics = new HashSet<>();
        for (Tsv.Row r : Tsv.read(dir.resolve("not-metrics.tsv"), 1).rows()) notMetrics.add(r.col(0).toLowerCase(Locale.ROOT));
        List<DirectionRule> directions = new ArrayList<>();
        Tsv md = Tsv.read(dir.resolve("metric-direction.tsv"), 2);
        for (Tsv.Row r : md.rows()) {
            if (!Set.of("higher", "lower").contains(r.col(1))) {
                throw new RuleException(md.file(), r.line(), "direction must be higher or lower: " + r.col(1));
            }
            directions.add(new DirectionRule(compile(md, r, r.col(0)), Better.valueOf(r.col(1).toUpperCase(Locale.ROOT))));
        }
        Set<String> generic = new HashSet<>();
        for (Tsv.Row r : Tsv.read(dir.resolve("generic-words.tsv"), 1).rows()) generic.add(r.col(0).toLowerCase(Locale.ROOT));
        List<Pattern> breaks = new ArrayList<>();
        List<String> breakAlts = new ArrayList<>();
        Tsv cb = Tsv.read(dir.resolve("clause-breaks.tsv"), 2);
        for (Tsv.Row r : cb.rows()) {
            if (!Set.of("both", "feature").contains(r.col(1))) {
                throw new RuleException(cb.file(), r.line(), "use must be both or feature: " + r.col(1));
            }
            breaks.add(compile(cb, r, r.col(0)));
            if (r.col(1).equals("both")) breakAlts.add(r.col(0).matches("\\w.*") ? "\\b(?:" + r.col(0) + ")\\b" : "(?:" + r.col(0) + ")");
        }
        java.util.Map<String, Pattern> rel = new java.util.LinkedHashMap<>();
        Tsv vr = Tsv.read(dir.resolve("value-relations.tsv"), 3);
        for (Tsv.Row r : vr.rows()) {
            if (!Set.of("before", "between").contains(r.col(1))) {
                throw new RuleException(vr.file(), r.line(), "part must be before or between: " + r.col(1));
            }
            rel.put(r.col(0) + "/" + r.col(1), compile(vr, r, "(?i)" + r.col(2)));
        }
        for (String need : List.of("relation.from-a-to-b/before", "relation.from-a-to-b/between", "relation.a-versus-b/between")) {
            if (!rel.containsKey(need)) throw new RuleException(vr.file(), 0, "no row for " + need.replace('/', ' '));
        }
        return new SlotLexicon(List.copyOf(cues), List.copyOf(classes),
                alternation(dir.resolve("comparison-cues.tsv"), "(?i)\\b(?:", ")\\s+"),
                alternation(dir.resolve("dataset-cues.tsv"), "(?i)^(?:", ")$"),
                alternation(dir.resolve("system-verbs.tsv"), "^(?:", ")$"),
                Set.copyOf(notNames), List.copyOf(cq), List.copyOf(targets), Pattern.compile(known.toString()),
                Set.copyOf(notDatasets), alternation(dir.resolve("task-heads.tsv"), "^(?:", ")$"), java.util.Map.copyOf(self),
                Set.copyOf(notMetrics), Set.copyOf(generic),
                datasets.stream().filter(d -> d.equals(d.toLowerCase(Locale.ROOT))).collect(java.util.stream.Collectors.toUnmodifiableSet()),
                List.copyOf(directions), List.copyOf(breaks),
                // Each alternative compiled on its own above, so their alternation does too.
                Pattern.compile("(?i)" + String.join("|", breakAlts)), java.util.Map.copyOf(rel));
    }

    private static Pattern alternation(Path file, String before, String after) {
        Tsv t = Tsv.read(file, 1);
        List<String> parts = t.rows().stream().map(r -> r.col(0)).toList();
        String regex = before + String.join("|", parts) + after;
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new RuleException(file, 0, "entries do not form a valid regex: " + e.getDescription());
        }
    }

    private static Pattern compile(Tsv t, Tsv.Row r, String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new RuleException(t.file(), r.line(), "bad regex: " + e.getDescription());
        }
    }

    boolean isNotDataset(String word) {
        // "GPT-3", "A100-80GB", "LLaMA-2": a family name with a version or size is still that family.
        String w = word.toLowerCase(Locale.ROOT).replaceFirst("[-\\s]?\\d.*$", "");
        if (word.matches("\\d+(?:\\.\\d+)?[BMKbmk]")) return true;
        return notDatasets.contains(w) || (w.endsWith("s") && notDatasets.contains(w.substring(0, w.length() - 1)));
    }

    /** A known dataset name that is written in lower case in the lexicon itself. */
    boolean knownLowercase(String name) {
        return knownLower.contains(name.toLowerCase(Locale.ROOT));
    }

    /** The whole phrase is a dataset name of the lexicon. */
    boolean isKnownDataset(String phrase) {
        return knownDatasetMemo.get(phrase);
    }

    private boolean matchesKnownDataset(String phrase) {
        return knownDatasets.matcher(phrase).matches();
    }

    /** The word is a change cue of change-cues.tsv ("improving", "reduced", "higher"). */
    public boolean isChangeWord(String word) {
        return cue(word) != null;
    }

    ChangeCue cue(String word) {
        return cueMemo.get(word.toLowerCase(Locale.ROOT));
    }

    private ChangeCue firstCue(String lowerWord) {
        for (ChangeCue c : changeCues) if (c.word().matcher(lowerWord).matches()) return c;
        return null;
    }

    /** The cues that introduce a baseline ("compared to", "than", "outperforms"), as one pattern. */
    public Pattern comparison() { return comparison; }

    /** Which way is better for a metric phrase, or null when the lexicon does not say. */
    public Better betterOf(String metric) {
        if (metric == null) return null;
        return betterMemo.get(metric.toLowerCase(Locale.ROOT));
    }

    private Better firstDirection(String lowerMetric) {
        for (DirectionRule r : directions) if (r.pattern().matcher(lowerMetric).find()) return r.better();
        return null;
    }

    public MetricClass classOf(String metric) {
        if (metric == null) return null;
        return classMemo.get(metric.toLowerCase(Locale.ROOT));
    }

    private MetricClass firstClass(String lowerMetric) {
        for (ClassRule r : classRules) if (r.pattern().matcher(lowerMetric).find()) return r.metricClass();
        return null;
    }
}
