package org.claimx.slots;

import java.util.Set;

/**
 * A phrase the rules propose for a slot: its text, where it stands in its sentence (token positions
 * {@code from..to} inclusive, or -1 for a phrase from elsewhere in the paper), and the names of the
 * rules that proposed it; an item of a coordinated list ("accuracy, F1 and AUC") also knows its place in
 * the list ({@code item} of {@code items}, else -1 of 0). The candidate {@link #NONE} stands for "this
 * slot is empty".
 */
public record Candidate(String text, int from, int to, Set<String> rules, int item, int items) {
    public Candidate {
        rules = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(rules));
    }

    public Candidate(String text, int from, int to, Set<String> rules) {
        this(text, from, to, rules, -1, 0);
    }

    public static final Candidate NONE = new Candidate(null, -1, -1, Set.of("none"), -1, 0);

    public boolean isNone() { return text == null; }

    public boolean inSentence() { return from >= 0; }

    public int length() { return inSentence() ? to - from + 1 : 0; }
}
