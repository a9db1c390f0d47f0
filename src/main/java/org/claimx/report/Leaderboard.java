package org.claimx.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.claimx.model.Change;
import org.claimx.model.Claim;
import org.claimx.model.Kind;
import org.claimx.slots.SlotLexicon;

/**
 * Leaderboards from claims: the level results ({@code kind} result, {@code change} level) that name
 * both a dataset and a metric, grouped by (dataset, metric) as {@link Names} tells names apart, and
 * ranked in the metric's better direction ({@code rules/lexicon/metric-direction.tsv}); a metric the
 * lexicon does not know keeps the order the papers came in and says so. A level figure whose words say
 * it is a change or a share ({@link NotScores}) is not ranked. A row also carries the precision
 * settings its paper states (a W4A8 row is not an FP16 row), the paper's link and the claim's confidence.
 */
public final class Leaderboard {
    /** One result on a board; {@code metric} and {@code change} as the claim gave them. */
    public record Row(String method, double figure, String value, String unit, String qualifier, String paper,
                      String title, String url, String sentence, String precision, Double confidence, String metric,
                      Change change) {}

    /** One board: its dataset and metric as first written, the direction, and the rows best first. */
    public record Board(String dataset, String metric, String better, List<Row> rows) {}

    /** Which rows to keep: a dataset, a metric (either null for all), and the least confidence (0 for all). */
    public record Filter(String dataset, String metric, double minConfidence) {
        public static final Filter ALL = new Filter(null, null, 0);

        public boolean isEmpty() { return dataset == null && metric == null && minConfidence <= 0; }
    }

    private Leaderboard() {}

    public static List<Board> build(List<PaperClaims> papers, Names names, SlotLexicon lexicon, NotScores notScores,
                                    Filter filter) {
        Map<String, List<Row>> rows = new LinkedHashMap<>();
        Map<String, String[]> display = new LinkedHashMap<>();
        for (PaperClaims p : papers) {
            String precision = p.claims().stream().filter(c -> c.kind() == Kind.SETTING)
                    .map(c -> c.value().text()).distinct().collect(Collectors.joining(", "));
            for (Claim c : p.claims()) {
                if (c.kind() != Kind.RESULT || c.change() != Change.LEVEL) continue;
                String dataset = c.dataset();
                String metric = c.metric();
                if (dataset == null || metric == null || c.value().number() == null) continue;
                if (notScores.why(c) != null) continue;
                // "ImageNet top-1 accuracy" on ImageNet is the top-1 accuracy board of ImageNet.
                if (metric.toLowerCase(Locale.ROOT).startsWith(dataset.toLowerCase(Locale.ROOT) + " ")) {
                    metric = metric.substring(dataset.length() + 1).strip();
                }
                if (filter.dataset() != null && !names.dataset(filter.dataset()).equals(names.dataset(dataset))) continue;
                if (filter.metric() != null && !names.metric(filter.metric()).equals(names.metric(metric))) continue;
                if (filter.minConfidence() > 0 && (c.confidence() == null || c.confidence() < filter.minConfidence())) continue;
                String key = names.dataset(dataset) + "\u0000" + names.metric(metric) + "\u0000" + c.value().unit().json();
                display.putIfAbsent(key, new String[] {
                        names.canonicalDataset(dataset) != null ? names.canonicalDataset(dataset) : dataset,
                        names.canonicalMetric(metric) != null ? names.canonicalMetric(metric) : metric});
                String qualifier = c.value().qualifier() == null ? null : c.value().qualifier().json();
                rows.computeIfAbsent(key, k -> new ArrayList<>()).add(new Row(c.method(), c.value().number(), c.value().text(),
                        c.value().unit().json(), qualifier, p.paper(), p.title(), p.url(), c.sentence(),
                        precision.isEmpty() ? null : precision, c.confidence(), c.metric(), c.change()));
            }
        }
        List<Board> out = new ArrayList<>();
        rows.forEach((key, list) -> {
            String[] d = display.get(key);
            SlotLexicon.Better better = lexicon.betterOf(d[1]);
            List<Row> sorted = new ArrayList<>(list);
            if (better == SlotLexicon.Better.HIGHER) sorted.sort(Comparator.comparingDouble(Row::figure).reversed());
            if (better == SlotLexicon.Better.LOWER) sorted.sort(Comparator.comparingDouble(Row::figure));
            out.add(new Board(d[0], d[1], better == null ? "unknown" : better.name().toLowerCase(Locale.ROOT), sorted));
        });
        // Boards with more rows first: they are the ones worth reading.
        out.sort(Comparator.comparingInt((Board b) -> -b.rows().size()));
        return out;
    }
}
