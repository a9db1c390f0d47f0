package org.claimx.report;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.claimx.nlp.RuleException;
import org.claimx.nlp.Tsv;

/**
 * Telling that two names of a dataset or a metric are one: case, punctuation, spacing and plural
 * do not count ("GSM8k" = "GSM8K", "Top-1 accuracy" = "top1 accuracy"), and the alias lexicon
 * ({@code rules/lexicon/aliases.tsv}: kind, alias, canonical) joins other spellings ("top-1 acc").
 */
public final class Names {
    private final Map<String, String> datasets;
    private final Map<String, String> metrics;

    private Names(Map<String, String> datasets, Map<String, String> metrics) {
        this.datasets = datasets;
        this.metrics = metrics;
    }

    public static Names load(Path lexiconDir) {
        Map<String, String> d = new HashMap<>();
        Map<String, String> m = new HashMap<>();
        Tsv t = Tsv.read(lexiconDir.resolve("aliases.tsv"), 3);
        for (Tsv.Row r : t.rows()) {
            Map<String, String> target = switch (r.col(0)) {
                case "dataset" -> d;
                case "metric" -> m;
                default -> throw new RuleException(t.file(), r.line(), "kind must be dataset or metric: " + r.col(0));
            };
            target.put(key(r.col(1)), r.col(2));
        }
        return new Names(d, m);
    }

    /** The comparison key of a name: lower case, letters and digits only, a final plural s dropped. */
    static String key(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}@]+", "");
        return s.length() > 3 && s.endsWith("s") && !s.endsWith("ss") ? s.substring(0, s.length() - 1) : s;
    }

    /** The key a dataset name is grouped under. */
    public String dataset(String name) {
        String k = key(name);
        String canonical = datasets.get(k);
        return canonical != null ? key(canonical) : k;
    }

    /** The key a metric name is grouped under. */
    public String metric(String name) {
        String k = key(name);
        String canonical = metrics.get(k);
        return canonical != null ? key(canonical) : k;
    }

    /** The lexicon's spelling for a name, or null when it has none. */
    public String canonicalDataset(String name) { return datasets.get(key(name)); }

    public String canonicalMetric(String name) { return metrics.get(key(name)); }
}
