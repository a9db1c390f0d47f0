package org.claimx.slots;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.util.CoreMap;
import java.util.List;

/** Tokens of one tagged sentence, with lookups from character offsets to token positions. */
final class SentenceView {
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

    String tag(int i) {
        String t = tokens.get(i).tag();
        return t == null ? "" : t;
    }

    /** The first token that ends after {@code offset}. */
    int tokenAt(int offset) {
        for (int i = 0; i < tokens.size(); i++) if (tokens.get(i).endPosition() > offset) return i;
        return tokens.size();
    }

    /** The last token that starts before {@code offset}. */
    int tokenBefore(int offset) {
        for (int i = tokens.size() - 1; i >= 0; i--) if (tokens.get(i).beginPosition() < offset) return i;
        return -1;
    }

    /** Text of tokens [from, to] inclusive, as written in the sentence. */
    String span(int from, int to) {
        if (from > to || from < 0 || to >= tokens.size()) return null;
        return text.substring(tokens.get(from).beginPosition() - base, tokens.get(to).endPosition() - base);
    }

    boolean isNoun(int i) { return tag(i).startsWith("NN"); }

    boolean isAdj(int i) { return tag(i).startsWith("JJ") || tag(i).equals("VBN") || tag(i).equals("VBG"); }

    boolean isBoundary(int i) {
        String w = word(i);
        return w.equals(",") || w.equals(";") || w.equals(":") || w.equals("(") || w.equals(")")
                || w.equalsIgnoreCase("while") || w.equalsIgnoreCase("whereas") || w.equalsIgnoreCase("but")
                || w.equalsIgnoreCase("which") || w.equals(".");
    }
}
