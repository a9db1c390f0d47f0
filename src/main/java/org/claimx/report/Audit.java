package org.claimx.report;

import java.util.Objects;
import org.claimx.model.Change;
import org.claimx.model.Claim;
import org.claimx.model.Field;
import org.claimx.model.Kind;
import org.claimx.model.MetricClass;
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
        List<Claim> cs = p.claims();
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

    private static String unit(Claim c) { return c.value().unit().json(); }

    private static Double num(Claim c) { return c.value().number(); }

    private static String change(Claim c) { return c.change().json(); }

    private static String qualifier(Claim c) { return c.value().qualifier() == null ? null : c.value().qualifier().json(); }

    private static boolean relative(Claim c) { return c.change() != Change.LEVEL; }

    private static boolean isResult(Claim c) { return c.kind() == Kind.RESULT; }

    private static String metric(Claim c) { return c.metric(); }

    private static Evidence ev(Claim c) {
        return new Evidence(c.field().json(), c.span().start(), c.span().end(), c.value().text(), c.sentence());
    }

    private static boolean near(double a, double b, double rel, double abs) {
        return Math.abs(a - b) <= Math.max(abs, rel * Math.max(Math.abs(a), Math.abs(b)));
    }

    private static String f(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.2f", d).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    /** The paper's text: title and abstract, or, for claims read without their paper, the claims' sentences. */
    private static String text(PaperClaims p, List<Claim> cs) {
        StringBuilder text = new StringBuilder(p.title() == null ? "" : p.title()).append(' ');
        if (p.abstractText() != null) text.append(p.abstractText());
        else cs.forEach(c -> text.append(' ').append(c.sentence()));
        return text.toString();
    }

    /** The quantity a claim measures, for comparing claims: speed and its times are one quantity. */
    private String quantity(Claim c) {
        if ((c.metricClass() == MetricClass.SPEED)) return "speed";
        String m = metric(c);
        return m == null ? null : measured(m);
    }

    /**
     * A metric's name for comparing claims, without the change words a phrase may open with:
     * "improving accuracy" and "accuracy" measure one thing.
     */
    private String measured(String metric) {
        String[] words = metric.strip().split("\\s+");
        int i = 0;
        while (i < words.length - 1 && lexicon.isChangeWord(words[i])) i++;
        return names.metric(String.join(" ", java.util.Arrays.copyOfRange(words, i, words.length)));
    }

    // ---- the kinds ---------------------------------------------------------------------------------

    /** "from 71.5% to 74.7%" and the change stated beside it in the same sentence. */
    private void fromTo(List<Claim> cs, List<Finding> out) {
        for (Claim level : cs) {
            Double a = num(level);
            Double bv = level.baselineValue();
            if (a == null || bv == null || level.change() != Change.LEVEL) continue;
            double b = bv;
            Claim stated = null;
            for (Claim d : cs) {
                if (d == level || !relative(d) || num(d) == null || !d.sentence().equals(level.sentence())) continue;
                if (!List.of("pp", "points", "%", "x", "none").contains(unit(d))) continue;
                if (stated == null || Math.abs(d.span().start() - level.span().start())
                        < Math.abs(stated.span().start() - level.span().start())) stated = d;
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
                    + " points" + rel + ", not the " + stated.value().text() + " stated",
                    List.of(ev(level), ev(stated))));
        }
    }

    /**
     * Whether a change claim speaks of the quantity of a level claim: the same metric where both name
     * one; where one does not, units that can go together (a percentage and its points).
     */
    private boolean sameQuantity(Claim level, Claim change) {
        String a = quantity(level);
        String b = quantity(change);
        if (a != null && b != null) return a.equals(b);
        String u = unit(level);
        String v = unit(change);
        return (u.equals("%") && List.of("pp", "points", "%").contains(v)) || (u.equals("none") && List.of("points", "none").contains(v));
    }

    /** "X vs. Y" (a figure and its baseline's) against a ratio stated in the same sentence. */
    private void versus(List<Claim> cs, List<Finding> out) {
        for (Claim v : cs) {
            Double a = num(v);
            Double bv = v.baselineValue();
            if (a == null || bv == null || bv == 0 || a == 0) continue;
            for (Claim r : cs) {
                if (!unit(r).equals("x") || num(r) == null || !r.sentence().equals(v.sentence())) continue;
                if (!unit(v).equals("%") && !unit(v).equals("none") && !unit(v).equals("ms") && !unit(v).equals("s")
                        && !unit(v).equals("GB") && !unit(v).equals("tokens/s")) continue;
                double ratio = Math.max(a, bv) / Math.min(a, bv);
                if (near(num(r), ratio, 0.05, 0.05)) continue;
                out.add(new Finding("arithmetic.versus-ratio", "high", f(a) + " vs. " + f(bv) + " is a ratio of "
                        + f(ratio) + "x, not the " + r.value().text() + " stated", List.of(ev(v), ev(r))));
            }
        }
    }

    /**
     * "reduces latency by 60%" and "2.5x faster" of one quantity: 1/(1-0.6) = 2.5. A reduction's
     * multiplier is read both ways (1/(1-p) and 1+p), so that a consistent paper is not accused.
     */
    private void percentVersusMultiplier(List<Claim> cs, List<Finding> out) {
        for (Claim p : cs) {
            Double pct = num(p);
            if (!unit(p).equals("%") || pct == null || !relative(p) || !isResult(p) || quantity(p) == null) continue;
            if (change(p).equals("decrease") && pct >= 100) continue;
            double implied = change(p).equals("decrease") ? 1 / (1 - pct / 100) : 1 + pct / 100;
            for (Claim m : cs) {
                Double x = num(m);
                if (!unit(m).equals("x") || x == null || x < 1 || !relative(m) || !isResult(m) || !quantity(p).equals(quantity(m))) continue;
                if (!EFFICIENCY.contains(m.metricClass().json())) continue;
                if (!java.util.Objects.equals(qualifier(p), qualifier(m))) continue;
                if (near(x, implied, 0.10, 0.1)) continue;
                // "69% less" and "2.7x" can be one statement: a reduction of p is 1/(1-p) times (3.2x) when
                // the quantity is the time, 1+p times (1.69x) when the percentage is taken of the new figure
                // (69 against 26/0.31...), and papers round between the two; only a multiplier outside both is a finding.
                if (change(p).equals("decrease") && x >= (1 + pct / 100) * 0.95 && x <= implied * 1.05) continue;
                out.add(new Finding("arithmetic.percent-vs-multiplier", "medium", p.value().text() + " "
                        + change(p) + " of " + metric(p) + " is " + f(implied) + "x, but " + m.value().text()
                        + " is stated for " + (metric(m) == null ? "it" : metric(m)), List.of(ev(p), ev(m))));
            }
        }
    }

    /** A figure of the title that the abstract states otherwise ("70% Size" agrees with "reduces size by 30%"). */
    private void titleVersusAbstract(List<Claim> cs, List<Finding> out) {
        for (Claim t : cs) {
            if (!(t.field() == Field.TITLE) || num(t) == null || quantity(t) == null || !isResult(t)) continue;
            List<Claim> same = new ArrayList<>();
            boolean agrees = false;
            for (Claim a : cs) {
                if (!(a.field() == Field.ABSTRACT) || num(a) == null || !unit(a).equals(unit(t))) continue;
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
            out.add(new Finding("title-vs-abstract", "medium", "the title states " + t.value().text() + " for "
                    + metric(t) + "; the abstract states " + String.join(", ", same.stream().map(a -> a.value().text()).toList()),
                    e));
        }
    }

    /** Relative claims ("22.4x faster", "improves by 5%") with no baseline anywhere in the paper. */
    private void unanchored(PaperClaims p, List<Claim> cs, List<Finding> out) {
        boolean anyBaseline = cs.stream().anyMatch(c -> (c.baseline() != null) || (c.baselineValue() != null));
        if (anyBaseline) return;
        // A baseline the slots missed is still a baseline: any comparison in the text anchors the paper.
        String text = text(p, cs);
        if (lexicon.comparison().matcher(text).find() || REFERENCE.matcher(text).find()) return;
        List<Claim> rel = cs.stream().filter(c -> isResult(c) && relative(c) && (unit(c).equals("x") || unit(c).equals("%"))).toList();
        if (rel.isEmpty()) return;
        out.add(new Finding("unanchored-relative", "low", rel.size() + " relative claim" + (rel.size() == 1 ? "" : "s")
                + " (" + String.join(", ", rel.stream().map(c -> c.value().text()).limit(5).toList())
                + ") and no baseline named anywhere in the paper: relative to what?", rel.stream().limit(5).map(Audit::ev).toList()));
    }

    /** Every headline figure of the paper is a best case ("up to"). */
    private void bestCaseOnly(List<Claim> cs, List<Finding> out) {
        List<Claim> headline = cs.stream().filter(c -> isResult(c) && relative(c)).toList();
        if (headline.isEmpty() || !headline.stream().allMatch(c -> "up to".equals(qualifier(c)))) return;
        out.add(new Finding("best-case-only", "low", "every change the paper reports is a best case (" + String.join(", ",
                headline.stream().map(c -> c.value().text()).limit(5).toList()) + "); no typical figure is given",
                headline.stream().limit(5).map(Audit::ev).toList()));
    }

    /** A share of a bounded metric above 100%, a reduction above 100%, a speedup below 1. */
    private void impossible(List<Claim> cs, List<Finding> out) {
        for (Claim c : cs) {
            Double n = num(c);
            if (n == null || !isResult(c)) continue;
            String m = metric(c) == null ? "" : metric(c);
            if (unit(c).equals("%") && change(c).equals("level") && n > 100 && BOUNDED.matcher(m).find()) {
                out.add(new Finding("impossible-value", "high", m + " of " + c.value().text() + " exceeds 100%", List.of(ev(c))));
            } else if (unit(c).equals("%") && change(c).equals("decrease") && n > 100) {
                out.add(new Finding("impossible-value", "high", "a reduction of " + c.value().text()
                        + (m.isEmpty() ? "" : " in " + m) + " is more than all of it", List.of(ev(c))));
            } else if (unit(c).equals("x") && change(c).equals("increase") && n < 1 && (c.metricClass() == MetricClass.SPEED)
                    && (metric(c) == null || SPEED.matcher(metric(c)).find())) {
                out.add(new Finding("impossible-value", "medium", "a speedup of " + c.value().text() + " is a slowdown", List.of(ev(c))));
            }
        }
    }

    /** "improves accuracy by 5%" in a paper that also gives accuracy as a percentage: 5 points, or 5% of it? */
    private void relativeOrAbsolute(List<Claim> cs, List<Finding> out) {
        for (Claim c : cs) {
            Double n = num(c);
            String m = metric(c);
            if (n == null || m == null || !unit(c).equals("%") || !relative(c) || !isResult(c) || !BOUNDED.matcher(m).find()) continue;
            if ((c.baselineValue() != null) || SAYS_WHICH.matcher(c.sentence()).find()) continue;
            String measured = measured(m);
            Claim base = null;
            for (Claim l : cs) {
                if (l != c && unit(l).equals("%") && change(l).equals("level") && metric(l) != null && num(l) != null
                        && measured(metric(l)).equals(measured)) {
                    // The same method's own figure first: that is the one the change is of.
                    boolean same = Objects.toString(l.method(), "").equals(Objects.toString(c.method(), ""));
                    if (base == null || (same && !Objects.toString(base.method(), "").equals(Objects.toString(c.method(), "")))) base = l;
                }
            }
            if (base == null) continue;
            double b = num(base);
            double sign = change(c).equals("increase") ? 1 : -1;
            String msg;
            if ((c.baseline() != null) && Objects.toString(base.method(), "").equals(Objects.toString(c.method(), ""))) {
                // The level is the method's own, after the change: what did the baseline score?
                msg = c.value().text() + " " + change(c) + " over " + c.baseline() + " from "
                        + base.value().text() + ": the baseline at " + f(b - sign * n) + "% (" + f(n) + " points) or "
                        + f(b / (1 + sign * n / 100)) + "% (" + f(n) + "% of it)? The text does not say";
            } else {
                msg = c.value().text() + " " + change(c) + " of " + m + " from " + base.value().text()
                        + ": " + f(b + sign * n) + "% (" + f(n) + " points) or " + f(b * (1 + sign * n / 100)) + "% (" + f(n)
                        + "% of it)? The text does not say";
            }
            out.add(new Finding("relative-or-absolute", "low", msg, List.of(ev(c), ev(base))));
        }
    }

    /** A quantized method's speedup with no precision stated anywhere in the paper. */
    private void quantizedSpeedup(PaperClaims p, List<Claim> cs, List<Finding> out) {
        if (!QUANTIZED.matcher(text(p, cs)).find()) return;
        if (cs.stream().anyMatch(c -> (c.kind() == Kind.SETTING))) return;
        List<Claim> speed = cs.stream().filter(c -> isResult(c) && (c.metricClass() == MetricClass.SPEED) && relative(c)).toList();
        if (speed.isEmpty()) return;
        out.add(new Finding("quantized-speedup-without-precision", "medium", "a quantized method's speedup ("
                + String.join(", ", speed.stream().map(c -> c.value().text()).limit(5).toList())
                + ") with no precision (W4A8, INT4, 4-bit, ...) stated anywhere in the paper", speed.stream().limit(5).map(Audit::ev).toList()));
    }
}
