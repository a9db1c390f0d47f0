package org.claimx.slots;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * The benchmark a value was measured on: a known benchmark name (rules/lexicon/datasets.tsv), or a
 * name-shaped phrase after "on", "in", "across" or "for" (GSM8k, MBPP-ET, Talk2Car), or a task phrase
 * ("on the 3D captioning task", "on natural language generation"). Words that never name a dataset
 * (hardware, model families: rules/lexicon/not-datasets.tsv) are passed over.
 */
final class DatasetFinder {
    private final SlotLexicon lex;

    DatasetFinder(SlotLexicon lex) {
        this.lex = lex;
    }

    /** Every dataset mention of the sentence as token ranges [from, to], in order. */
    List<int[]> all(SentenceView s) {
        List<int[]> out = new ArrayList<>();
        Matcher known = lex.knownDatasets.matcher(s.text);
        while (known.find()) {
            // "DROP", "MATH", "RACE" are benchmarks; "drop", "math", "race" are words.
            if (known.group().equals(known.group().toLowerCase(java.util.Locale.ROOT))
                    && !lex.knownLowercase(known.group())) continue;
            int from = s.tokenAt(s.base + known.start());
            int to = s.tokenBefore(s.base + known.end());
            if (from <= to) add(out, extendName(s, from, to));
        }
        for (int i = 0; i + 1 < s.size(); i++) {
            if (!lex.datasetPreposition.matcher(s.word(i)).matches()) continue;
            int j = i + 1;
            while (j < s.size() && s.isDeterminer(j)) j++;
            int[] named = namePhrase(s, j);
            if (named != null) {
                add(out, named);
                continue;
            }
            int[] task = taskPhrase(s, j);
            if (task != null) add(out, task);
        }
        out.sort((a, b) -> a[0] - b[0]);
        return out;
    }

    /**
     * The dataset of a value: a quality figure takes the first one after it in its clause, else the
     * nearest one before it in the sentence; any other figure (speed, memory, cost) only one that
     * directly follows it ("33% speed up on natural language generation").
     */
    int[] forValue(SentenceView s, List<int[]> all, int first, int last, boolean quality) {
        for (int[] d : all) {
            if (d[0] <= last) continue;
            int gap = 0;
            for (int k = last + 1; k < d[0]; k++) {
                if (s.word(k).equals(";") || s.word(k).equals(",") || s.lower(k).equals("while")) return quality ? before(s, all, first) : null;
                gap++;
            }
            return quality || gap <= 5 ? d : null;
        }
        return quality ? before(s, all, first) : null;
    }

    /** The nearest dataset before the value, a named one ("refCOCO") before a task phrase ("2D grounding"). */
    private int[] before(SentenceView s, List<int[]> all, int first) {
        int[] named = null;
        int[] any = null;
        for (int[] d : all) {
            if (d[1] >= first) continue;
            any = d;
            if (!lex.taskHead.matcher(s.lower(d[1])).matches()) named = d;
        }
        return named != null ? named : any;
    }

    private int[] namePhrase(SentenceView s, int j) {
        int start = j;
        while (j < s.size() && j - start < 4 && isNamePart(s, j)) j++;
        if (j == start) return null;
        // "for 2D grounding": a name followed by a lower-case noun is part of a task phrase.
        if (j < s.size() && s.isNoun(j) && Character.isLowerCase(s.word(j).charAt(0))) return null;
        // "in the Act.EM metric" names a metric, not a dataset.
        if (j < s.size() && s.lower(j).matches("metrics?|scores?|measures?")) return null;
        // "the Talk2Car dataset": the head noun is not part of the name.
        return new int[] {start, j - 1};
    }

    private boolean isNamePart(SentenceView s, int i) {
        String w = s.word(i);
        if (lex.isNotDataset(w) || lex.notNames.contains(s.lower(i))) return false;
        return w.matches("[A-Z][\\w.@+*-]*[A-Z0-9][\\w.@+*-]*|[A-Z]{3,}|[a-z]+[A-Z0-9][\\w.-]*|\\d+[A-Za-z][\\w*-]*|[A-Z][a-z]+-[\\w-]+");
    }

    /** "the 3D captioning task", "natural language generation": a short phrase ending in a task word. */
    private int[] taskPhrase(SentenceView s, int j) {
        int start = j;
        while (j < s.size() && j - start < 6 && (s.isPhrasePart(j) || s.isNumber(j)) && !s.isBoundary(j)) {
            if (lex.taskHead.matcher(s.lower(j)).matches()) {
                // "21 datasets" or "tasks" alone names no task: a word must say which.
                boolean named = false;
                for (int k = start; k < j; k++) {
                    named |= !s.isNumber(k) && !lex.taskHead.matcher(s.lower(k)).matches() && !lex.genericWords.contains(s.lower(k));
                }
                return named || s.lower(j).matches("\\w+(?:tion|ing)") ? new int[] {start, j} : null;
            }
            j++;
        }
        return null;
    }

    /** "LibriSpeech test-other", "COCO val": a split written after a known name belongs to it. */
    private int[] extendName(SentenceView s, int from, int to) {
        if (to + 1 < s.size() && s.lower(to + 1).matches("(?:test|dev|val|valid|validation|train|eval)(?:-[a-z0-9]+)?")) to++;
        return new int[] {from, to};
    }

    private static void add(List<int[]> out, int[] d) {
        for (int[] o : out) if (d[0] <= o[1] && o[0] <= d[1]) return;
        out.add(d);
    }
}
