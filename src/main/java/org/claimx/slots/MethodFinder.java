package org.claimx.slots;

import java.util.Locale;
import java.util.Set;

/**
 * Whose value it is: the subject of the verb that governs the value ("OliVe achieves 4.5x", "SOTA
 * baselines obtain only 69.5%", "FlashDecoding++ can achieve up to 4.86x"); the paper's own system
 * when that subject is "we", "it", "our method" or names it; else the method of the value before it
 * in the sentence; else the paper's system; else null.
 */
final class MethodFinder {
    private static final Set<String> SELF = Set.of("we", "it", "our", "ours", "this", "they", "which", "that",
            "approach", "method", "framework", "model", "system", "technique", "algorithm", "design", "work", "paper");

    private final SlotLexicon lex;

    MethodFinder(SlotLexicon lex) {
        this.lex = lex;
    }

    /** The subject's token range [from, to] of the verb governing token {@code value}, or null. */
    int[] subject(SentenceView s, int value) {
        for (int i = value - 1; i > 0; i--) {
            if (s.isBoundary(i) && !s.word(i).equals(",")) return null;
            if (s.word(i).equals(",") && !commaInsideSubject(s, i)) return null;
            if (!lex.systemVerb.matcher(s.lower(i)).matches() || !s.tag(i).startsWith("VB")) continue;
            int end = i - 1;
            while (end >= 0 && (s.tag(end).equals("MD") || s.tag(end).startsWith("RB"))) end--;
            if (end >= 0 && s.word(end).equals(",")) end = skipRelativeClause(s, end);
            int start = end;
            while (start > 0 && end - start < 5 && isSubjectPart(s, start - 1)) start--;
            while (start <= end && s.isDeterminer(start)) start++;
            return end >= 0 && start <= end && isSubjectPart(s, end) ? new int[] {start, end} : null;
        }
        return null;
    }

    String find(PaperContext ctx, SentenceView s, int value, String previous, Trace trace) {
        int[] subj = subject(s, value);
        if (subj != null) {
            String name = s.span(subj[0], subj[1]);
            String lower = name.toLowerCase(Locale.ROOT);
            String head = s.lower(subj[1]);
            boolean self = SELF.contains(lower) || SELF.contains(head) && (s.lower(subj[0]).equals("our")
                    || s.lower(Math.max(0, subj[0] - 1)).equals("our") || lower.startsWith("the proposed"));
            if (ctx.systemName() != null && (self || lower.contains(ctx.systemName().toLowerCase(Locale.ROOT)))) {
                trace.add("method", "subject is the paper's system", name);
                return ctx.systemName();
            }
            if (!self && !lex.notNames.contains(lower)) {
                trace.add("method", "subject of the governing verb", name);
                return name;
            }
        }
        if (previous != null) {
            trace.add("method", "as the value before it in the sentence", previous);
            return previous;
        }
        if (ctx.systemName() != null) trace.add("method", "paper's system", ctx.systemRule());
        return ctx.systemName();
    }

    private boolean isSubjectPart(SentenceView s, int i) {
        String w = s.word(i);
        if (s.isBoundary(i) || s.isNumber(i) && !w.matches(".*[A-Za-z].*")) return false;
        return s.isPhrasePart(i) || s.tag(i).startsWith("PRP") || w.equals("+")
                || (Character.isUpperCase(w.charAt(0)) && w.length() > 1);
    }

    /** "TinyLlama, which has 1.1 billion parameters, utilizes": the comma closes a relative clause. */
    private static boolean commaInsideSubject(SentenceView s, int comma) {
        for (int j = comma - 1; j > 0 && comma - j < 15; j--) {
            if (s.lower(j).equals("which") || s.lower(j).equals("who")) return s.word(j - 1).equals(",");
            if (s.word(j).equals(",") || s.word(j).equals(";")) return false;
        }
        return false;
    }

    private static int skipRelativeClause(SentenceView s, int comma) {
        for (int j = comma - 1; j > 0 && comma - j < 15; j--) {
            if ((s.lower(j).equals("which") || s.lower(j).equals("who")) && s.word(j - 1).equals(",")) return j - 2;
        }
        return comma;
    }
}
