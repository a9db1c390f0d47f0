package org.claimx.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.claimx.model.Claim;
import org.claimx.model.Unit;
import org.claimx.nlp.RuleException;
import org.claimx.nlp.Tsv;

/**
 * Tells a level figure that is no score: a change ("by at least 3.5", "+2.3 points") or a share of
 * something ("29% of parameters"), from the words around the value in its sentence
 * ({@code rules/lexicon/not-scores.tsv}). The engine can call such a figure level; a board must not
 * rank it beside scores. Percentage points are always a difference.
 */
public final class NotScores {
    private final List<Pattern> before;
    private final List<Pattern> after;
    private final List<Pattern> value;
    private final List<Pattern> metric;

    private NotScores(List<Pattern> before, List<Pattern> after, List<Pattern> value, List<Pattern> metric) {
        this.before = before;
        this.after = after;
        this.value = value;
        this.metric = metric;
    }

    public static NotScores load(Path lexiconDir) {
        List<Pattern> b = new ArrayList<>();
        List<Pattern> a = new ArrayList<>();
        List<Pattern> v = new ArrayList<>();
        List<Pattern> m = new ArrayList<>();
        Tsv t = Tsv.read(lexiconDir.resolve("not-scores.tsv"), 2);
        for (Tsv.Row r : t.rows()) {
            List<Pattern> target = switch (r.col(0)) {
                case "before" -> b;
                case "after" -> a;
                case "value" -> v;
                case "metric" -> m;
                default -> throw new RuleException(t.file(), r.line(), "where must be before, after, value or metric: " + r.col(0));
            };
            try {
                target.add(Pattern.compile(r.col(1), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
            } catch (PatternSyntaxException e) {
                throw new RuleException(t.file(), r.line(), "regex does not parse: " + e.getDescription() + ": " + r.col(1));
            }
        }
        return new NotScores(b, a, v, m);
    }

    /** Why {@code c} is no score (a change or a share), or null when it may be ranked as one. */
    public String why(Claim c) {
        if (c.value().unit() == Unit.PP) return "percentage points are a difference";
        String text = c.value().text();
        for (Pattern p : value) if (p.matcher(text).find()) return "value " + p.pattern();
        if (c.metric() != null) for (Pattern p : metric) if (p.matcher(c.metric()).find()) return "metric " + p.pattern();
        String s = c.sentence();
        // The span counts in the field, not the sentence: every place the value's text stands in the
        // sentence is looked at, and one that reads as a change or a share is enough.
        for (int at = s.indexOf(text); at >= 0; at = s.indexOf(text, at + 1)) {
            String left = s.substring(Math.max(0, at - 60), at);
            String right = s.substring(at + text.length(), Math.min(s.length(), at + text.length() + 60));
            for (Pattern p : before) if (p.matcher(left).find()) return "before " + p.pattern();
            for (Pattern p : after) if (p.matcher(right).find()) return "after " + p.pattern();
        }
        return null;
    }
}
