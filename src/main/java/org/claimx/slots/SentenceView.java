package org.claimx.slots;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.util.CoreMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Tokens of one tagged sentence, with lookups from character offsets to token positions. */
final class SentenceView {
    private static final Set<String> DETERMINERS = Set.of("a", "an", "the", "its", "their", "our", "this", "these", "those");

    final List<CoreLabel> tokens;
    final String text;
    final int base;

    SentenceView(CoreMap sentence) {
        this.tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
        this.text = sentence.get(CoreAnnotations.TextAnnotation.class);
        this.base = sentence.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
    }

    int size() { return tokens.size(); }

    String word(int i) { return tokens.get(i).word(); }

    String lower(int i) { return word(i).toLowerCase(Locale.ROOT); }

    String tag(int i) {
        String t = tokens.get(i).tag();
        return t == null ? "" : t;
    }

    /** The first token that ends after {@code offset} (a field offset). */
    int tokenAt(int offset) {
        for (int i = 0; i < tokens.size(); i++) if (tokens.get(i).endPosition() > offset) return i;
        return tokens.size();
    }

    /** The last token that starts before {@code offset} (a field offset). */
    int tokenBefore(int offset) {
        for (int i = tokens.size() - 1; i >= 0; i--) if (tokens.get(i).beginPosition() < offset) return i;
        return -1;
    }

    int begin(int i) { return tokens.get(i).beginPosition(); }

    int end(int i) { return tokens.get(i).endPosition(); }

    /** Text of tokens [from, to] inclusive, as written in the sentence; null for an empty range. */
    String span(int from, int to) {
        if (from > to || from < 0 || to >= tokens.size()) return null;
        return text.substring(begin(from) - base, end(to) - base);
    }

    boolean isNoun(int i) { return tag(i).startsWith("NN"); }

    boolean isAdj(int i) { return tag(i).startsWith("JJ") || tag(i).equals("VBN") || tag(i).equals("VBG"); }

    boolean isDeterminer(int i) { return DETERMINERS.contains(lower(i)) || tag(i).equals("DT") || tag(i).equals("PRP$"); }

    boolean isNumber(int i) { return tag(i).equals("CD") || Character.isDigit(word(i).charAt(0)); }

    boolean isVerb(int i) { return tag(i).startsWith("VB") && !tag(i).equals("VBN") && !tag(i).equals("VBG"); }

    /** A token that can sit inside a noun phrase: nouns, adjectives, names with digits, hyphens, "@". */
    boolean isPhrasePart(int i) {
        String w = word(i);
        return isNoun(i) || isAdj(i) || tag(i).equals("FW") || w.equals("-") || w.equals("@") || w.equals("/")
                || (w.matches(".*[A-Za-z].*") && w.matches(".*[\\d@+-].*"));
    }

    boolean isBoundary(int i) {
        String w = lower(i);
        return w.equals(",") || w.equals(";") || w.equals(":") || w.equals("(") || w.equals(")") || w.equals(".")
                || w.equals("while") || w.equals("whereas") || w.equals("but") || w.equals("which");
    }
}
