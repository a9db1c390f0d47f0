package org.claimx.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.claimx.io.Json;

/** Writes leaderboards as Markdown, CSV, Papers-with-Code-shaped JSON, or one HTML page. */
public final class LeaderboardWriter {
    private LeaderboardWriter() {}

    public static String write(List<Leaderboard.Board> boards, String format) throws Exception {
        return write(boards, format, "No level result names both a dataset and a metric.");
    }

    /** As {@link #write(List, String)}, saying {@code empty} when there is no board. */
    public static String write(List<Leaderboard.Board> boards, String format, String empty) throws Exception {
        return switch (format) {
            case "md" -> markdown(boards, empty);
            case "csv" -> csv(boards);
            case "json" -> json(boards);
            case "html" -> html(boards);
            default -> throw new IllegalArgumentException("unknown format '" + format + "'; expected one of md, csv, json, html");
        };
    }

    static String value(Leaderboard.Row r) {
        return (r.qualifier() == null ? "" : r.qualifier() + " ") + fmt(r.figure()) + (r.unit().equals("none") ? "" : " " + r.unit());
    }

    static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private static String direction(Leaderboard.Board b) {
        return switch (b.better()) {
            case "higher" -> "higher is better";
            case "lower" -> "lower is better";
            default -> "direction unknown: rows in the order the papers came";
        };
    }

    private static String md(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }

    private static String markdown(List<Leaderboard.Board> boards, String empty) {
        StringBuilder b = new StringBuilder("# Leaderboards\n");
        if (boards.isEmpty()) b.append("\n").append(empty).append("\n");
        for (Leaderboard.Board board : boards) {
            b.append("\n## ").append(md(board.dataset())).append(" — ").append(md(board.metric())).append(" (")
                    .append(direction(board)).append(")\n\n");
            b.append("| # | method | value | precision | confidence | paper | evidence |\n|---|---|---|---|---|---|---|\n");
            int i = 0;
            for (Leaderboard.Row r : board.rows()) {
                b.append("| ").append(++i).append(" | ").append(md(r.method() == null ? "(unnamed)" : r.method())).append(" | ")
                        .append(md(value(r))).append(" | ").append(md(r.precision())).append(" | ").append(confidence(r)).append(" | ")
                        .append(r.url() == null ? md(r.paper()) : "[" + md(r.paper()) + "](" + r.url().replace(")", "%29") + ")")
                        .append(r.title() == null ? "" : " " + md(r.title())).append(" | ").append(md(r.sentence())).append(" |\n");
            }
        }
        return b.toString();
    }

    private static String csv(List<Leaderboard.Board> boards) throws java.io.IOException {
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (Leaderboard.Board board : boards) {
            int i = 0;
            for (Leaderboard.Row r : board.rows()) {
                rows.add(java.util.Arrays.asList(board.dataset(), board.metric(), board.better(), ++i, r.method(), fmt(r.figure()),
                        r.unit(), r.qualifier(), r.value(), r.precision(), confidence(r), r.paper(), r.url(), r.title(), r.sentence()));
            }
        }
        return Csv.write(List.of("dataset", "metric", "better", "rank", "method", "number", "unit", "qualifier", "value_text",
                "precision", "confidence", "paper", "paper_url", "title", "sentence"), rows);
    }

    static String confidence(Leaderboard.Row r) {
        return r.confidence() == null ? "" : String.format(java.util.Locale.ROOT, "%.2f", r.confidence());
    }

    /** Papers with Code's evaluation-table shape: a task, its datasets, each with sota.metrics and sota.rows. */
    private static String json(List<Leaderboard.Board> boards) throws Exception {
        Map<String, ObjectNode> datasets = new LinkedHashMap<>();
        ArrayNode root = Json.mapper().createArrayNode();
        ObjectNode task = root.addObject();
        task.put("task", "claimx leaderboards");
        task.putArray("categories");
        ArrayNode ds = task.putArray("datasets");
        for (Leaderboard.Board board : boards) {
            ObjectNode d = datasets.computeIfAbsent(board.dataset(), name -> {
                ObjectNode n = ds.addObject();
                n.put("dataset", name);
                n.putArray("dataset_citations");
                n.putArray("dataset_links");
                ObjectNode sota = n.putObject("sota");
                sota.putArray("metrics");
                sota.putArray("rows");
                return n;
            });
            ((ArrayNode) d.get("sota").get("metrics")).add(board.metric());
            d.with("claimx").put(board.metric(), board.better());
            for (Leaderboard.Row r : board.rows()) {
                ObjectNode row = ((ArrayNode) d.get("sota").get("rows")).addObject();
                row.putArray("code_links");
                row.putObject("metrics").put(board.metric(), value(r));
                row.putArray("model_links");
                row.put("model_name", r.method() == null ? "(unnamed)" : r.method());
                row.put("paper_date", (String) null);
                row.put("paper_title", r.title());
                row.put("paper_url", r.url());
                row.put("uses_additional_data", false);
                row.put("paper_id", r.paper());
                row.put("precision", r.precision());
                row.put("evidence", r.sentence());
                if (r.confidence() == null) row.putNull("confidence");
                else row.put("confidence", r.confidence());
            }
        }
        task.putArray("subtasks");
        task.putArray("synonyms");
        task.put("description", "Leaderboards built by claimx from paper abstracts; sota.rows are ranked best first per metric.");
        return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    private static String html(List<Leaderboard.Board> boards) {
        StringBuilder b = new StringBuilder();
        b.append("<p>").append(boards.size()).append(" boards. Click a column header to sort.</p>\n");
        int id = 0;
        for (Leaderboard.Board board : boards) {
            b.append("<h2 id=\"board-").append(++id).append("\">").append(Html.esc(board.dataset())).append(" — ")
                    .append(Html.esc(board.metric())).append(" <small>(").append(Html.esc(direction(board))).append(")</small></h2>\n");
            b.append("<table class=\"sortable board\"><thead><tr><th>#</th><th>method</th><th>value</th><th>precision</th><th>confidence</th><th>paper</th><th>evidence</th></tr></thead><tbody>\n");
            int i = 0;
            for (Leaderboard.Row r : board.rows()) {
                b.append("<tr><td class=\"n\">").append(++i).append("</td><td>").append(Html.esc(r.method() == null ? "(unnamed)" : r.method()))
                        .append("</td><td class=\"n\" data-v=\"").append(fmt(r.figure())).append("\">")
                        .append(Html.esc(value(r))).append("</td><td>").append(Html.esc(r.precision())).append("</td><td class=\"n\">")
                        .append(confidence(r)).append("</td><td>")
                        .append(r.url() == null ? Html.esc(r.paper()) : "<a href=\"" + Html.attr(r.url()) + "\">" + Html.esc(r.paper()) + "</a>")
                        .append(r.title() == null ? "" : "<br>" + Html.esc(r.title()))
                        .append("</td><td class=\"ev\">").append(Html.esc(r.sentence())).append("</td></tr>\n");
            }
            b.append("</tbody></table>\n");
        }
        return Html.page("claimx leaderboards", b.toString());
    }
}
