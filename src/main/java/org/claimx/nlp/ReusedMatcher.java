package org.claimx.nlp;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pattern with one matcher per thread (transparent, non-anchoring bounds, so that a try from any
 * position sees the text before it, as {@code find} does), reset to each text instead of made anew: a
 * value rule's matcher holds some eighty slots to fill.
 */
public final class ReusedMatcher {
    final Pattern pattern;
    private final ThreadLocal<Matcher> matchers = new ThreadLocal<>();

    public ReusedMatcher(Pattern pattern) {
        this.pattern = pattern;
    }

    /** This thread's matcher, reset to {@code text}. */
    public Matcher on(String text) {
        Matcher m = matchers.get();
        if (m == null) {
            m = pattern.matcher(text);
            m.useTransparentBounds(true);
            m.useAnchoringBounds(false);
            matchers.set(m);
            return m;
        }
        return m.reset(text);
    }
}
