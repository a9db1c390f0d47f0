package org.claimx.values;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.tokensregex.MatchedExpression;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.claimx.model.Value;
import org.claimx.nlp.RuleBook;

/**
 * Finds the value mentions of one sentence. Needs: a sentence with its text and character offset
 * (tokenize and ssplit suffice; no tagger). Produces: mentions in text order, with offsets into the
 * normalised field text. Matches of {@code block.*} rules only keep other rules off their text.
 *
 * <p>A "sentence" longer than {@link #MAX_SENTENCE_TOKENS} tokens or {@link #MAX_SENTENCE_CHARS}
 * characters is text the splitter could not cut into prose (a table, a run of figures, a dump): it
 * gives no values. Its figures would each be tagged and given slots, and the tagger alone takes
 * seconds on a few hundred unknown tokens ("W4A8 W4A8 ..."), so one such run could take a paper
 * past its time budget. The longest sentence of 8,000 arXiv ML abstracts has 226 tokens and 1,603
 * characters.
 *
 * <p>A thread interrupted while finding values (a paper abandoned past its time budget) stops at
 * the next sentence with a {@link java.util.concurrent.CancellationException}.
 */
public final class ValueFinder {
    public static final int MAX_SENTENCE_TOKENS = 400;
    public static final int MAX_SENTENCE_CHARS = org.claimx.nlp.Nlp.MAX_SENTENCE_CHARS;

    private final RuleBook rules;
    private final ValueParser parser;
    private final ValueLexicon lexicon;
    private final java.util.regex.Pattern trigger;
    /** The characters a match of {@link #trigger} can begin with; null if any. */
    private final java.util.BitSet triggerFirst;
    private final org.claimx.nlp.ReusedMatcher triggerMatcher;

    public ValueFinder(RuleBook rules, ValueParser parser, ValueLexicon lexicon) {
        this.rules = rules;
        this.parser = parser;
        this.lexicon = lexicon;
        this.trigger = lexicon.trigger();
        this.triggerFirst = org.claimx.nlp.FirstChars.of(trigger.pattern());
        this.triggerMatcher = new org.claimx.nlp.ReusedMatcher(trigger);
    }

    /**
     * Whether {@code text} can hold a value: it has a digit or a number word
     * ({@link ValueLexicon#trigger}). A text without one gives no mentions, in any of its sentences.
     */
    public boolean mayHold(String text) {
        // A digit settles it; the number words' regex, tried at every character, is the slow part.
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') return true;
        }
        // With no digit, the trigger can only match where one of its words begins: at a character a match
        // can begin with, where its \b holds, which it cannot between two ASCII letters or digits. It is
        // tried there alone, each try as find() would make it (transparent bounds: \b sees the character before).
        java.util.regex.Matcher m = null;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (triggerFirst != null && !triggerFirst.get(c)) continue;
            if (i > 0 && asciiWordChar(c) && asciiWordChar(text.charAt(i - 1))) continue;
            if (m == null) m = triggerMatcher.on(text);
            m.region(i, n);
            if (m.lookingAt()) return true;
        }
        return false;
    }

    private static boolean asciiWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    public List<ValueMention> find(CoreMap sentence) {
        if (Thread.currentThread().isInterrupted()) {
            throw new java.util.concurrent.CancellationException("abandoned while finding values");
        }
        String sentenceText = sentence.get(CoreAnnotations.TextAnnotation.class);
        if (sentenceText.length() > MAX_SENTENCE_CHARS
                || sentence.get(CoreAnnotations.TokensAnnotation.class).size() > MAX_SENTENCE_TOKENS) return List.of();
        // Four sentences in five hold no figure at all: the rules only run where one can be.
        if (!mayHold(sentenceText)) return List.of();
        int base = sentence.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
        List<ValueMention> out = new ArrayList<>();
        for (MatchedExpression m : rules.extractor().extractExpressions(sentence)) {
            String rule = String.valueOf(m.getValue().get());
            if (rule.startsWith("block.")) continue;
            int start = m.getCharOffsets().getBegin();
            int end = m.getCharOffsets().getEnd();
            String text = m.getText();
            // A match may end in spaces a pattern allowed for; the mention does not.
            while (end > start && Character.isWhitespace(text.charAt(end - start - 1))) end--;
            text = text.substring(0, end - start);
            // Context the rule had to match ("a 100K budget") is not part of the value.
            int[] context = lexicon.context(text);
            start += context[0];
            end -= context[1];
            text = text.substring(context[0], text.length() - context[1]);
            if (rule.startsWith("list.")) {
                for (ValueMention part : ListSplitter.split(parser, rule, text, base + start)) out.add(part);
                continue;
            }
            Optional<Value> v = parser.parse(rule, text);
            if (v.isPresent()) out.add(new ValueMention(base + start, base + end, rule, v.get()));
            else if (rule.startsWith("range.")) out.addAll(ListSplitter.fallingPair(parser, rule, text, base + start));
        }
        out.sort(Comparator.comparingInt(ValueMention::start));
        return out;
    }
}
