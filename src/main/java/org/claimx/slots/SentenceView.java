package org.claimx.slots;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.util.CoreMap;
import java.util.List;
import java.util.Locale;

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

}
