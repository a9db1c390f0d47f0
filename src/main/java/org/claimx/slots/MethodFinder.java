package org.claimx.slots;

import java.util.Locale;
import java.util.Set;

/**
 * Whose value it is. The subject of the verb that governs the value ("OliVe achieves 4.5x", "SOTA
 * baselines obtain only 69.5%", "FlashDecoding++ can achieve up to 4.86x"), read through the shapes
 * abstracts use: an appositive ("Our fastest model, EfficientFormer-L1, achieves"), a possessive
 * ("Keyformer's reduction of KV cache reduces"), a relative clause ("TinyLlama, which has ..., uses"),
 * a participle clause (", leading to ~20%"), a name before parenthesised figures ("MobileNetV2 (1.6 ms,
 * 74.7%)"). A subject that stands for the paper itself ("we", "our method", "experimental results")
 * gives the paper's system; with no subject, the method of the value before it in the sentence, else
 * the paper's system, else null.
 */
final class MethodFinder {
    private static final Set<String> PREPOSITIONS = Set.of("of", "on", "in", "for", "from", "with");
    private static final Set<String> OWN = Set.of("our", "this", "these", "the proposed", "proposed");

    private final SlotLexicon lex;

    MethodFinder(SlotLexicon lex) {
        this.lex = lex;
    }

    String find(PaperContext ctx, SentenceView s, int value, String previous, Trace trace) {
        Subject subj = subject(s, value);
        if (subj != null) {
            if (subj.self()) {
                if (ctx.systemName() != null) {
                    trace.add("method", "subject stands for the paper's system", subj.text());
                    return ctx.systemName();
                }
                trace.add("method", "subject stands for the paper, which names no system", subj.text());
                return null;
            }
            String lower = subj.text().toLowerCase(Locale.ROOT);
            String system = ctx.systemName() == null ? null : ctx.systemName().toLowerCase(Locale.ROOT);
            // "EfficientFormer-L1" is a variant of the system and keeps its own name; "our EfficientFormer" is the system.
            if (system != null && lower.contains(system) && !lower.matches(".*" + java.util.regex.Pattern.quote(system) + "[-\\w].*")) {
                trace.add("method", "subject names the paper's system", subj.text());
                return ctx.systemName();
            }
            trace.add("method", subj.pattern(), subj.text());
            return subj.text();
        }
        if (previous != null) {
            trace.add("method", "as the value before it in the sentence", previous);
            return previous;
        }
        if (ctx.systemName() != null) trace.add("method", "paper's system", ctx.systemRule());
        return ctx.systemName();
    }

    record Subject(String text, boolean self, String pattern) {}

    /** The owner of the value at token {@code value}, read backwards to the verb that governs it. */
    Subject subject(SentenceView s, int value) {
        Subject passive = passiveAgent(s, value);
        if (passive != null) return passive;
        int closed = 0;
        for (int i = value - 1; i >= 0; i--) {
            String w = s.word(i);
            if (w.equals(")")) closed++;
            if (w.equals("(") && closed > 0) {
                closed--;
                continue;
            }
            if (w.equals("(") && i > 0 && isNameLike(s, i - 1) && !lex.systemVerb.matcher(s.lower(i - 1)).matches()) {
                int[] np = nounPhraseEndingAt(s, i - 1);
                return new Subject(s.span(np[0], np[1]), false, "name before parenthesised figures");
            }
            // "MobileNetV2 1.4 (1.6 ms, 74.7% top-1)": a name with a width or version number.
            if (w.equals("(") && i > 1 && s.isNumber(i - 1) && isNameLike(s, i - 2)) {
                return new Subject(s.span(i - 2, i - 1), false, "name before parenthesised figures");
            }
            if (w.equals("(") || w.equals(")")) {
                if (w.equals(")") && i > 0 && s.isNumber(i - 1) && (i < 2 || s.isBoundary(i - 2) || i == 1)) return null;
                continue;
            }
            if (w.equals(";") || w.equals(":") || s.lower(i).equals("while") || s.lower(i).equals("whereas")
                    || s.lower(i).equals("but")) {
                return null;
            }
            if (w.equals(",")) {
                if (commaClosesRelativeClause(s, i)) continue;
                if (i + 1 < s.size() && s.tag(i + 1).equals("VBG")) continue;
                return null;
            }
            if (!lex.systemVerb.matcher(s.lower(i)).matches() || !(s.tag(i).startsWith("VB") || verbByPosition(s, i))) continue;
            return subjectOfVerb(s, i);
        }
        return null;
    }

    /** "the 87% accuracy achieved by humans": the agent of a passive reporting verb after the value. */
    private Subject passiveAgent(SentenceView s, int value) {
        for (int i = value + 1; i + 2 < s.size() && i - value <= 5; i++) {
            if (s.isBoundary(i)) return null;
            if (s.lower(i).matches("achieved|obtained|attained|reached|reported|scored") && s.lower(i + 1).equals("by")) {
                int j = i + 2;
                while (j < s.size() && s.isDeterminer(j)) j++;
                int k = j;
                while (k < s.size() && k - j < 4 && isSubjectPart(s, k) && !s.isDeterminer(k)) k++;
                return k > j ? new Subject(s.span(j, k - 1), false, "agent of a passive verb after the value") : null;
            }
        }
        return null;
    }

    /**
     * The tagger reads "SpQR yields 15% faster inference" with "yields" as a plural noun; a verb-shaped
     * word between a name and a figure or an article is a verb whatever its tag.
     */
    private static boolean verbByPosition(SentenceView s, int i) {
        if (i == 0 || i + 1 >= s.size() || !s.tag(i).equals("NNS")) return false;
        String next = s.lower(i + 1);
        return (s.isNumber(i + 1) || next.matches("a|an|the|up|over|more|less|about|nearly|only|an?")) && isNameLike(s, i - 1);
    }

    private Subject subjectOfVerb(SentenceView s, int verb) {
        int end = verb - 1;
        while (end >= 0 && (s.tag(end).equals("MD") || s.tag(end).startsWith("RB"))) end--;
        if (end < 0) return null;
        if (s.word(end).equals(",")) {
            Subject appositive = appositive(s, end);
            if (appositive != null) return appositive;
            end = skipRelativeClause(s, end);
            if (end < 0 || s.word(end).equals(",")) return null;
        }
        if (!isSubjectPart(s, end)) return null;
        int[] np = nounPhraseEndingAt(s, end);
        int start = np[0];
        // "Evaluation on a benchmark of high-risk code scenarios shows": the head is the first phrase.
        for (int hops = 0; hops < 2 && start >= 2 && PREPOSITIONS.contains(s.lower(start - 1)) && isSubjectPart(s, start - 2); hops++) {
            start = nounPhraseEndingAt(s, start - 2)[0];
        }
        int head = firstHead(s, start, end);
        String kind = lex.selfNouns.get(s.lower(head));
        boolean own = start > 0 && OWN.contains(s.lower(start - 1));
        for (int k = start; k < head; k++) own |= OWN.contains(s.lower(k));
        if (kind != null && (!kind.equals("system") || own)) return new Subject(s.span(start, end), true, "self");
        if (start + 1 <= end && s.tag(start + 1).equals("POS")) {
            return new Subject(s.word(start), false, "possessor of the subject");
        }
        while (start <= end && s.isDeterminer(start)) start++;
        // "the proposed ... each": the determiners may run past the head; then no name is left.
        if (start > head) return null;
        String text = s.span(start, head);
        if (lex.notNames.contains(text.toLowerCase(Locale.ROOT))) return null;
        return new Subject(text, false, "subject of the governing verb");
    }

    /** "Our fastest model, EfficientFormer-L1, achieves": a short name between two commas. */
    private Subject appositive(SentenceView s, int comma) {
        for (int j = comma - 1; j > 0 && comma - j <= 4; j--) {
            if (!s.word(j - 1).equals(",")) continue;
            for (int k = j; k < comma; k++) {
                if (!isNameLike(s, k) && !s.word(k).equals("-")) return null;
            }
            return new Subject(s.span(j, comma - 1), false, "appositive name of the subject");
        }
        return null;
    }

    private int[] nounPhraseEndingAt(SentenceView s, int end) {
        int start = end;
        while (start > 0 && end - start < 6 && isSubjectPart(s, start - 1) && !s.isDeterminer(start)) start--;
        if (start > 0 && s.isDeterminer(start - 1)) start--;
        return new int[] {start, end};
    }

    /** The last word of the first noun phrase in [start, end] (before any preposition). */
    private static int firstHead(SentenceView s, int start, int end) {
        for (int k = start; k < end; k++) if (PREPOSITIONS.contains(s.lower(k + 1))) return k;
        return end;
    }

    private boolean isSubjectPart(SentenceView s, int i) {
        String w = s.word(i);
        // "DC^2" is three tokens written as one word.
        if (i > 0 && s.begin(i) == s.end(i - 1) && !w.matches("[,.;:()]") && !s.isBoundary(i - 1)) return true;
        if (s.isBoundary(i) || s.isNumber(i) && !w.matches(".*[A-Za-z].*")) return false;
        return s.isPhrasePart(i) || s.tag(i).startsWith("PRP") || s.tag(i).equals("POS") || s.isDeterminer(i)
                || w.equals("+") || (Character.isUpperCase(w.charAt(0)) && w.length() > 1);
    }

    private static boolean isNameLike(SentenceView s, int i) {
        String w = s.word(i);
        return w.matches(".*[A-Z].*") && !w.equals(w.toLowerCase(Locale.ROOT)) && w.matches("[\\w.+\\-^*]+")
                || s.tag(i).startsWith("NNP");
    }

    /** "TinyLlama, which has 1.1 billion parameters, utilizes": the comma closes a relative clause. */
    private static boolean commaClosesRelativeClause(SentenceView s, int comma) {
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
