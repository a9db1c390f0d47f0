package org.claimx.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.claimx.slots.SlotLexicon;

/**
 * Findings about the numbers a paper reports: arithmetic that does not add up, a title that says
 * otherwise than the abstract, relative claims with nothing to be relative to, best cases only,
 * impossible or ambiguous values, and quantized speedups with no precision. Each finding names its
 * kind, a severity, one line of explanation and the claims (spans) it rests on. Works on claims
 * alone, so it runs on extract's output as well as on papers.
 */
public final class Audit {
    /** Where a finding stands: a claim's field, span and value text. */
    public record Evidence(String field, int start, int end, String text, String sentence) {}

    public record Finding(String kind, String severity, String message, List<Evidence> evidence) {}

    /** Every kind, for documentation and tests. */
    public static final List<String> KINDS = List.of("arithmetic.from-to", "arithmetic.versus-ratio",
            "arithmetic.percent-vs-multiplier", "title-vs-abstract", "unanchored-relative", "best-case-only",
            "impossible-value", "relative-or-absolute", "quantized-speedup-without-precision");

    private static final Pattern QUANTIZED = Pattern.compile("(?i)quantiz|quantis|low-bit|\\b[1-8]-bit\\b|binariz|\\bint[48]\\b");
    private static final Pattern BOUNDED = Pattern.compile("(?i)accura|\\bf1\\b|precision|recall|success|pass@|\\bem\\b|exact match|win rate|\\bacc\\b");
    private static final Pattern REFERENCE = Pattern.compile("(?i)\\b(?:baselines?|counterparts?|full[- ]precision|full[- ]rank|vanilla|unpruned|uncompressed|dense\\s+model|original\\s+model)\\b");
    private static final Pattern SPEED = Pattern.compile("(?i)speed|throughput|faster|accelerat|tokens/s");
    private static final List<String> EFFICIENCY = List.of("speed", "memory", "cost", "size");
    private static final Pattern SAYS_WHICH = Pattern.compile("(?i)\\babsolute\\b|\\brelative\\b|\\bpoints?\\b|\\bpp\\b");

    private final Names names;
    private final SlotLexicon lexicon;

    public Audit(Names names, SlotLexicon lexicon) {
        this.names = names;
        this.lexicon = lexicon;
    }

    public List<Finding> audit(PaperClaims p) {
        List<JsonNode> cs = p.claims();
        List<Finding> out = new ArrayList<>();
        fromTo(cs, out);
        versus(cs, out);
        percentVersusMultiplier(cs, out);
        titleVersusAbstract(cs, out);
        unanchored(p, cs, out);
        bestCaseOnly(cs, out);
        impossible(cs, out);
        relativeOrAbsolute(cs, out);
        quantizedSpeedup(p, cs, out);
        return out;
    }

    // ---- claim access ------------------------------------------------------------------------------

    private static String unit(JsonNode c) { return c.path("value").path("unit").asText(); }

    private static Double num(JsonNode c) {
        JsonNode n = c.path("value").path("number");
        return n.isNumber() ? n.asDouble() : null;
    }

    private static String change(JsonNode c) { return c.path("change").asText(); }

    private static String qualifier(JsonNode c) {
        JsonNode q = c.path("value").path("qualifier");
        return q.isNull() || q.isMissingNode() ? null : q.asText();
    }

    private static boolean relative(JsonNode c) { return change(c).equals("increase") || change(c).equals("decrease"); }

    private static boolean isResult(JsonNode c) { return c.path("kind").asText().equals("result"); }

    private static String metric(JsonNode c) { return c.path("metric").isTextual() ? c.path("metric").asText() : null; }

    private static Evidence ev(JsonNode c) {
        JsonNode s = c.path("span");
        return new Evidence(c.path("field").asText(), s.path(0).asInt(), s.path(1).asInt(), c.path("value").path("text").asText(),
                c.path("sentence").asText());
    }

    private static boolean near(double a, double b, double rel, double abs) {
        return Math.abs(a - b) <= Math.max(abs, rel * Math.max(Math.abs(a), Math.abs(b)));
    }

    private static String f(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.2f", d).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    /** The paper's text: title and abstract, or, for claims read without their paper, the claims' sentences. */
    private static String text(PaperClaims p, List<JsonNode> cs) {
        StringBuilder text = new StringBuilder(p.title() == null ? "" : p.title()).append(' ');
        if (p.abstractText() != null) text.append(p.abstractText());
        else cs.forEach(c -> text.append(' ').append(c.path("sentence").asText()));
        return text.toString();
    }

    /** The quantity a claim measures, for comparing claims: speed and its times are one quantity. */
    private String quantity(JsonNode c) {
        if (c.path("metric_class").asText().equals("speed")) return "speed";
        String m = metric(c);
        return m == null ? null : names.metric(m);
    }

    // ---- the kinds ---------------------------------------------------------------------------------

    /** "from 71.5% to 74.7%" and the change stated beside it in the same sentence. */
    private void fromTo(List<JsonNode> cs, List<Finding> out) {
        for (JsonNode level : cs) {
            Double a = num(level);
            JsonNode bv = level.path("baseline_value");
            if (a == null || !bv.isNumber() || !change(level).equals("level")) continue;
            double b = bv.asDouble();
            JsonNode stated = null;
            for (JsonNode d : cs) {
                if (d == level || !relative(d) || num(d) == null || !d.path("sentence").asText().equals(level.path("sentence").asText())) continue;
                if (!List.of("pp", "points", "%", "x", "none").contains(unit(d))) continue;
                if (stated == null || Math.abs(d.path("span").path(0).asInt() - level.path("span").path(0).asInt())
                        < Math.abs(stated.path("span").path(0).asInt() - level.path("span").path(0).asInt())) stated = d;
            }
            if (stated == null || !sameQuantity(level, stated)) continue;
            double d = num(stated);
            double diff = Math.abs(a - b);
            boolean ok = switch (unit(stated)) {
                case "x" -> b != 0 && a != 0 && (near(d, a / b, 0.03, 0.05) || near(d, b / a, 0.03, 0.05));
                case "%" -> near(d, diff, 0.03, 0.06) || (b != 0 && near(d, diff / Math.abs(b) * 100, 0.03, 0.06));
                default -> near(d, diff, 0.03, 0.06);
            };
            if (ok) continue;
            String rel = b != 0 ? ", or " + f(diff / Math.abs(b) * 100) + "% of it" : "";
            out.add(new Finding("arithmetic.from-to", "high", "from " + f(b) + " to " + f(a) + " is a change of " + f(diff)
                    + " points" + rel + ", not the " + stated.path("value").path("text").asText() + " stated",
                    List.of(ev(level), ev(stated))));
        }
    }

    /**
     * Whether a change claim speaks of the quantity of a level claim: the same metric where both name
     * one; where one does not, units that can go together (a percentage and its points).
     */
    private boolean sameQuantity(JsonNode level, JsonNode change) {
        String a = quantity(level);
        String b = quantity(change);
        if (a != null && b != null) return a.equals(b);
        String u = unit(level);
        String v = unit(change);
        return (u.equals("%") && List.of("pp", "points", "%").contains(v)) || (u.equals("none") && List.of("points", "none").contains(v));
    }

    /** "X vs. Y" (a figure and its baseline's) against a ratio stated in the same sentence. */
    private void versus(List<JsonNode> cs, List<Finding> out) {
        for (JsonNode v : cs) {
            Double a = num(v);
            JsonNode bv = v.path("baseline_value");
            if (a == null || !bv.isNumber() || bv.asDouble() == 0 || a == 0) continue;
            for (JsonNode r : cs) {
                if (!unit(r).equals("x") || num(r) == null || !r.path("sentence").asText().equals(v.path("sentence").asText())) continue;
                if (!unit(v).equals("%") && !unit(v).equals("none") && !unit(v).equals("ms") && !unit(v).equals("s")
                        && !unit(v).equals("GB") && !unit(v).equals("tokens/s")) continue;
                double ratio = Math.max(a, bv.asDouble()) / Math.min(a, bv.asDouble());
                if (near(num(r), ratio, 0.05, 0.05)) continue;
                out.add(new Finding("arithmetic.versus-ratio", "high", f(a) + " vs. " + f(bv.asDouble()) + " is a ratio of "
                        + f(ratio) + "x, not the " + r.path("value").path("text").asText() + " stated", List.of(ev(v), ev(r))));
            }
        }
    }

    /** "reduces latency by 60%" and "2.5x faster" of one quantity: 1/(1-0.6) = 2.5. */
    private void percentVersusMultiplier(List<JsonNode> cs, List<Finding> out) {
        for (JsonNode p : cs) {
            Double pct = num(p);
            if (!unit(p).equals("%") || pct == null || !relative(p) || !isResult(p) || quantity(p) == null) continue;
            if (change(p).equals("decrease") && pct >= 100) continue;
            double implied = change(p).equals("decrease") ? 1 / (1 - pct / 100) : 1 + pct / 100;
            for (JsonNode m : cs) {
                Double x = num(m);
                if (!unit(m).equals("x") || x == null || x < 1 || !relative(m) || !isResult(m) || !quantity(p).equals(quantity(m))) continue;
                if (!EFFICIENCY.contains(m.path("metric_class").asText())) continue;
                if (!java.util.Objects.equals(qualifier(p), qualifier(m))) continue;
                if (near(x, implied, 0.10, 0.1)) continue;
                out.add(new Finding("arithmetic.percent-vs-multiplier", "medium", p.path("value").path("text").asText() + " "
                        + change(p) + " of " + metric(p) + " is " + f(implied) + "x, but " + m.path("value").path("text").asText()
                        + " is stated for " + (metric(m) == null ? "it" : metric(m)), List.of(ev(p), ev(m))));
            }
        }
    }

    /** A figure of the title that the abstract states otherwise ("70% Size" agrees with "reduces size by 30%"). */
    private void titleVersusAbstract(List<JsonNode> cs, List<Finding> out) {
        for (JsonNode t : cs) {
            if (!t.path("field").asText().equals("title") || num(t) == null || quantity(t) == null || !isResult(t)) continue;
            List<JsonNode> same = new ArrayList<>();
            boolean agrees = false;
            for (JsonNode a : cs) {
                if (!a.path("field").asText().equals("abstract") || num(a) == null || !unit(a).equals(unit(t))) continue;
                if (!quantity(t).equals(quantity(a))) continue;
                same.add(a);
                double x = num(t);
                double y = num(a);
                if (near(x, y, 0.01, 0.01)) agrees = true;
                if (unit(t).equals("%") && !change(t).equals(change(a)) && near(x, 100 - y, 0.01, 0.01)) agrees = true;
            }
            if (same.isEmpty() || agrees) continue;
            List<Evidence> e = new ArrayList<>();
            e.add(ev(t));
            same.forEach(a -> e.add(ev(a)));
            out.add(new Finding("title-vs-abstract", "medium", "the title states " + t.path("value").path("text").asText() + " for "
                    + metric(t) + "; the abstract states " + String.join(", ", same.stream().map(a -> a.path("value").path("text").asText()).toList()),
                    e));
        }
    }

    /** Relative claims ("22.4x faster", "improves by 5%") with no baseline anywhere in the paper. */
    private void unanchored(PaperClaims p, List<JsonNode> cs, List<Finding> out) {
        boolean anyBaseline = cs.stream().anyMatch(c -> c.path("baseline").isTextual() || c.path("baseline_value").isNumber());
        if (anyBaseline) return;
        // A baseline the slots missed is still a baseline: any comparison in the text anchors the paper.
        String text = text(p, cs);
        if (lexicon.comparison().matcher(text).find() || REFERENCE.matcher(text).find()) return;
        List<JsonNode> rel = cs.stream().filter(c -> isResult(c) && relative(c) && (unit(c).equals("x") || unit(c).equals("%"))).toList();
        if (rel.isEmpty()) return;
        out.add(new Finding("unanchored-relative", "low", rel.size() + " relative claim" + (rel.size() == 1 ? "" : "s")
                + " (" + String.join(", ", rel.stream().map(c -> c.path("value").path("text").asText()).limit(5).toList())
                + ") and no baseline named anywhere in the paper: relative to what?", rel.stream().limit(5).map(Audit::ev).toList()));
    }

    /** Every headline figure of the paper is a best case ("up to"). */
    private void bestCaseOnly(List<JsonNode> cs, List<Finding> out) {
        List<JsonNode> headline = cs.stream().filter(c -> isResult(c) && relative(c)).toList();
        if (headline.isEmpty() || !headline.stream().allMatch(c -> "up to".equals(qualifier(c)))) return;
        out.add(new Finding("best-case-only", "low", "every change the paper reports is a best case (" + String.join(", ",
                headline.stream().map(c -> c.path("value").path("text").asText()).limit(5).toList()) + "); no typical figure is given",
                headline.stream().limit(5).map(Audit::ev).toList()));
    }

    /** A share of a bounded metric above 100%, a reduction above 100%, a speedup below 1. */
    private void impossible(List<JsonNode> cs, List<Finding> out) {
        for (JsonNode c : cs) {
            Double n = num(c);
            if (n == null || !isResult(c)) continue;
            String m = metric(c) == null ? "" : metric(c);
            if (unit(c).equals("%") && change(c).equals("level") && n > 100 && BOUNDED.matcher(m).find()) {
                out.add(new Finding("impossible-value", "high", m + " of " + c.path("value").path("text").asText() + " exceeds 100%", List.of(ev(c))));
            } else if (unit(c).equals("%") && change(c).equals("decrease") && n > 100) {
                out.add(new Finding("impossible-value", "high", "a reduction of " + c.path("value").path("text").asText()
                        + (m.isEmpty() ? "" : " in " + m) + " is more than all of it", List.of(ev(c))));
            } else if (unit(c).equals("x") && change(c).equals("increase") && n < 1 && c.path("metric_class").asText().equals("speed")
                    && (metric(c) == null || SPEED.matcher(metric(c)).find())) {
                out.add(new Finding("impossible-value", "medium", "a speedup of " + c.path("value").path("text").asText() + " is a slowdown", List.of(ev(c))));
            }
        }
    }

    /** "improves accuracy by 5%" in a paper that also gives accuracy as a percentage: 5 points, or 5% of it? */
    private void relativeOrAbsolute(List<JsonNode> cs, List<Finding> out) {
        for (JsonNode c : cs) {
            Double n = num(c);
            String m = metric(c);
            if (n == null || m == null || !unit(c).equals("%") || !relative(c) || !isResult(c) || !BOUNDED.matcher(m).find()) continue;
            if (c.path("baseline_value").isNumber() || SAYS_WHICH.matcher(c.path("sentence").asText()).find()) continue;
            JsonNode base = null;
            for (JsonNode l : cs) {
                if (l != c && unit(l).equals("%") && change(l).equals("level") && metric(l) != null && num(l) != null
                        && names.metric(metric(l)).equals(names.metric(m))) {
                    // The same method's own figure first: that is the one the change is of.
                    boolean same = l.path("method").asText("").equals(c.path("method").asText(""));
                    if (base == null || (same && !base.path("method").asText("").equals(c.path("method").asText("")))) base = l;
                }
            }
            if (base == null) continue;
            double b = num(base);
            double sign = change(c).equals("increase") ? 1 : -1;
            String msg;
            if (c.path("baseline").isTextual() && base.path("method").asText("").equals(c.path("method").asText(""))) {
                // The level is the method's own, after the change: what did the baseline score?
                msg = c.path("value").path("text").asText() + " " + change(c) + " over " + c.path("baseline").asText() + " from "
                        + base.path("value").path("text").asText() + ": the baseline at " + f(b - sign * n) + "% (" + f(n) + " points) or "
                        + f(b / (1 + sign * n / 100)) + "% (" + f(n) + "% of it)? The text does not say";
            } else {
                msg = c.path("value").path("text").asText() + " " + change(c) + " of " + m + " from " + base.path("value").path("text").asText()
                        + ": " + f(b + sign * n) + "% (" + f(n) + " points) or " + f(b * (1 + sign * n / 100)) + "% (" + f(n)
                        + "% of it)? The text does not say";
            }
            out.add(new Finding("relative-or-absolute", "low", msg, List.of(ev(c), ev(base))));
        }
    }

    /** A quantized method's speedup with no precision stated anywhere in the paper. */
    private void quantizedSpeedup(PaperClaims p, List<JsonNode> cs, List<Finding> out) {
        if (!QUANTIZED.matcher(text(p, cs)).find()) return;
        if (cs.stream().anyMatch(c -> c.path("kind").asText().equals("setting"))) return;
        List<JsonNode> speed = cs.stream().filter(c -> isResult(c) && c.path("metric_class").asText().equals("speed") && relative(c)).toList();
        if (speed.isEmpty()) return;
        out.add(new Finding("quantized-speedup-without-precision", "medium", "a quantized method's speedup ("
                + String.join(", ", speed.stream().map(c -> c.path("value").path("text").asText()).limit(5).toList())
                + ") with no precision (W4A8, INT4, 4-bit, ...) stated anywhere in the paper", speed.stream().limit(5).map(Audit::ev).toList()));
    }
}
