package org.claimx.nlp;

import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The matches of one regex in a text, exactly as {@code while (matcher.find())} gives them, for
 * claimx's own text rules (normalisation): like the value rules, the regex is tried only where a
 * match can begin when a plan of where that is can be read off it ({@link AnchoredTextRules.Plan}),
 * and by plain {@code find} otherwise.
 */
public final class TextMatches {
    private final Pattern pattern;
    private final AnchoredTextRules.Plan plan;

    private TextMatches(Pattern pattern, AnchoredTextRules.Plan plan) {
        this.pattern = pattern;
        this.plan = plan;
    }

    public static TextMatches of(Pattern pattern) {
        return new TextMatches(pattern, AnchoredTextRules.Plan.of(pattern));
    }

    /** Hands {@code each} every match, in order: the matcher, to be read during the call only. */
    public void forEach(String text, Consumer<? super Matcher> each) {
        if (plan != null) {
            plan.forEachMatch(text, each);
            return;
        }
        Matcher m = pattern.matcher(text);
        while (m.find()) each.accept(m);
    }

    /** Whether {@code find} would use a plan (for tests). */
    boolean planned() { return plan != null; }
}
