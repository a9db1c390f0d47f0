package org.claimx.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.claimx.io.Json;

/** Writes audit findings per paper as Markdown, JSON or one HTML page. */
public final class AuditWriter {
    /** A paper and its findings. */
    public record Audited(PaperClaims paper, List<Audit.Finding> findings) {}

    private AuditWriter() {}

    public static String write(List<Audited> audited, String format) throws Exception {
        return switch (format) {
            case "md" -> markdown(audited);
            case "json" -> json(audited);
            case "html" -> html(audited);
            default -> throw new IllegalArgumentException("unknown format '" + format + "'; expected one of md, json, html");
        };
    }

    private static String where(Audit.Evidence e) {
        return e.field() + " [" + e.start() + ", " + e.end() + ") «" + e.text() + "»";
    }

    private static String markdown(List<Audited> audited) {
        long papers = audited.stream().filter(a -> !a.findings().isEmpty()).count();
        long findings = audited.stream().mapToLong(a -> a.findings().size()).sum();
        StringBuilder b = new StringBuilder("# Audit\n\n").append(audited.size()).append(" papers read, ").append(findings)
                .append(" findings in ").append(papers).append(" of them.\n");
        for (Audited a : audited) {
            if (a.findings().isEmpty()) continue;
            b.append("\n## ").append(a.paper().paper()).append(a.paper().title() == null ? "" : " — " + a.paper().title().replace("\n", " ")).append("\n\n");
            for (Audit.Finding f : a.findings()) {
                b.append("- **").append(f.kind()).append("** (").append(f.severity()).append("): ").append(f.message()).append('\n');
                for (Audit.Evidence e : f.evidence()) b.append("  - ").append(where(e)).append(": ").append(e.sentence().replace("\n", " ")).append('\n');
            }
        }
        return b.toString();
    }

    private static String json(List<Audited> audited) throws Exception {
        return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree(audited)) + "\n";
    }

    /** The JSON format's records: {@code [{"paper", "title", "findings": [{kind, severity, message, spans}]}]}. */
    public static ArrayNode tree(List<Audited> audited) {
        ArrayNode root = Json.mapper().createArrayNode();
        for (Audited a : audited) {
            ObjectNode p = root.addObject();
            p.put("paper", a.paper().paper());
            p.put("title", a.paper().title());
            ArrayNode fs = p.putArray("findings");
            for (Audit.Finding f : a.findings()) {
                ObjectNode n = fs.addObject();
                n.put("kind", f.kind());
                n.put("severity", f.severity());
                n.put("message", f.message());
                ArrayNode spans = n.putArray("spans");
                for (Audit.Evidence e : f.evidence()) {
                    spans.addPOJO(Map.of("field", e.field(), "span", List.of(e.start(), e.end()), "text", e.text(), "sentence", e.sentence()));
                }
            }
        }
        return root;
    }

    private static String html(List<Audited> audited) {
        long findings = audited.stream().mapToLong(a -> a.findings().size()).sum();
        StringBuilder b = new StringBuilder("<p>").append(audited.size()).append(" papers read, ").append(findings)
                .append(" findings. Click a column header to sort.</p>\n");
        b.append("<table class=\"sortable audit\"><thead><tr><th>paper</th><th>kind</th><th>severity</th><th>finding</th><th>evidence</th></tr></thead><tbody>\n");
        for (Audited a : audited) {
            for (Audit.Finding f : a.findings()) {
                StringBuilder ev = new StringBuilder();
                for (Audit.Evidence e : f.evidence()) {
                    // The sentence of each span, as the Markdown gives it: a finding is read against its words.
                    ev.append("<div class=\"evidence\">").append(Html.esc(where(e))).append(": <q class=\"sentence\">")
                            .append(Html.esc(e.sentence())).append("</q></div>");
                }
                b.append("<tr><td>").append(Html.esc(a.paper().paper())).append(a.paper().title() == null ? "" : "<br>" + Html.esc(a.paper().title()))
                        .append("</td><td>").append(Html.esc(f.kind())).append("</td><td class=\"").append(f.severity()).append("\">")
                        .append(f.severity()).append("</td><td>").append(Html.esc(f.message())).append("</td><td class=\"ev\">").append(ev)
                        .append("</td></tr>\n");
            }
        }
        b.append("</tbody></table>\n");
        return Html.page("claimx audit", b.toString());
    }
}
