package org.claimx.slots;

import java.util.Set;

/**
 * A phrase the rules propose for a slot: its text, where it stands in its sentence (token positions
 * {@code from..to} inclusive, or -1 for a phrase from elsewhere in the paper), and the names of the
 * rules that proposed it. The candidate {@link #NONE} stands for "this slot is empty".
 */
public record Candidate(String text, int from, int to, Set<String> rules) {
    public Candidate {
        rules = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(rules));
    }

    public static final Candidate NONE = new Candidate(null, -1, -1, Set.of("none"));

    public boolean isNone() { return text == null; }

    public boolean inSentence() { return from >= 0; }

    public int length() { return inSentence() ? to - from + 1 : 0; }
}
