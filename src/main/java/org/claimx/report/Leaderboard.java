package org.claimx.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.claimx.slots.SlotLexicon;

/**
 * Leaderboards from claims: the level results ({@code kind} result, {@code change} level) that name
 * both a dataset and a metric, grouped by (dataset, metric) as {@link Names} tells names apart, and
 * ranked in the metric's better direction ({@code rules/lexicon/metric-direction.tsv}); a metric the
 * lexicon does not know keeps the order the papers came in and says so. A row also carries the
 * precision settings its paper states (a W4A8 row is not an FP16 row).
 */
public final class Leaderboard {
    /** One result on a board. */
    public record Row(String method, double figure, String value, String unit, String qualifier, String paper,
                      String title, String sentence, String precision) {}

    /** One board: its dataset and metric as first written, the direction, and the rows best first. */
    public record Board(String dataset, String metric, String better, List<Row> rows) {}

    private Leaderboard() {}

    public static List<Board> build(List<PaperClaims> papers, Names names, SlotLexicon lexicon, String onlyDataset,
                                    String onlyMetric) {
        Map<String, List<Row>> rows = new LinkedHashMap<>();
        Map<String, String[]> display = new LinkedHashMap<>();
        for (PaperClaims p : papers) {
            String precision = p.claims().stream().filter(c -> c.path("kind").asText().equals("setting"))
                    .map(c -> c.path("value").path("text").asText()).distinct().collect(Collectors.joining(", "));
            for (JsonNode c : p.claims()) {
                if (!c.path("kind").asText().equals("result") || !c.path("change").asText().equals("level")) continue;
                String dataset = c.path("dataset").asText(null);
                String metric = c.path("metric").asText(null);
                JsonNode v = c.path("value");
                if (dataset == null || metric == null || !v.path("number").isNumber()) continue;
                // "ImageNet top-1 accuracy" on ImageNet is the top-1 accuracy board of ImageNet.
                if (metric.toLowerCase(java.util.Locale.ROOT).startsWith(dataset.toLowerCase(java.util.Locale.ROOT) + " ")) {
                    metric = metric.substring(dataset.length() + 1).strip();
                }
                if (onlyDataset != null && !names.dataset(onlyDataset).equals(names.dataset(dataset))) continue;
                if (onlyMetric != null && !names.metric(onlyMetric).equals(names.metric(metric))) continue;
                String key = names.dataset(dataset) + "\u0000" + names.metric(metric) + "\u0000" + v.path("unit").asText();
                display.putIfAbsent(key, new String[] {
                        names.canonicalDataset(dataset) != null ? names.canonicalDataset(dataset) : dataset,
                        names.canonicalMetric(metric) != null ? names.canonicalMetric(metric) : metric});
                String qualifier = v.path("qualifier").isNull() ? null : v.path("qualifier").asText();
                rows.computeIfAbsent(key, k -> new ArrayList<>()).add(new Row(
                        c.path("method").isNull() ? null : c.path("method").asText(), v.path("number").asDouble(),
                        v.path("text").asText(), v.path("unit").asText(), qualifier, p.paper(), p.title(),
                        c.path("sentence").asText(), precision.isEmpty() ? null : precision));
            }
        }
        List<Board> out = new ArrayList<>();
        rows.forEach((key, list) -> {
            String[] d = display.get(key);
            SlotLexicon.Better better = lexicon.betterOf(d[1]);
            List<Row> sorted = new ArrayList<>(list);
            if (better == SlotLexicon.Better.HIGHER) sorted.sort(Comparator.comparingDouble(Row::figure).reversed());
            if (better == SlotLexicon.Better.LOWER) sorted.sort(Comparator.comparingDouble(Row::figure));
            out.add(new Board(d[0], d[1], better == null ? "unknown" : better.name().toLowerCase(java.util.Locale.ROOT), sorted));
        });
        // Boards with more rows first: they are the ones worth reading.
        out.sort(Comparator.comparingInt((Board b) -> -b.rows().size()));
        return out;
    }
}
