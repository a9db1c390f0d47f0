package org.claimx.values;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimx.model.Qualifier;
import org.claimx.model.Value;

/**
 * Splits a list match ("5.6 and 22.7 points", "up to 4.86x and 2.18x") into one mention per figure.
 * A figure written without its unit takes the unit written after the last figure, and every figure
 * takes the qualifier written before the first: that is how such lists are read.
 */
final class ListSplitter {
    private static final Pattern FIGURE = Pattern.compile("(?<![\\w.,])(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?");
    private static final Pattern SEPARATOR = Pattern.compile("\\s*(?:,\\s*)?(?:(?:and|or)\\s+)?$");

    private ListSplitter() {}

    static List<ValueMention> split(ValueParser parser, String rule, String text, int offset) {
        List<int[]> figures = figures(text);
        List<ValueMention> out = new ArrayList<>();
        if (figures.size() < 2) return out;
        int[] last = figures.get(figures.size() - 1);
        String unitText = text.substring(last[1]);
        String family = "figure" + rule.substring(rule.indexOf('.'));
        Qualifier shared = null;
        for (int i = 0; i < figures.size(); i++) {
            int start = i == 0 ? 0 : figures.get(i)[0];
            int end = i + 1 < figures.size() ? figures.get(i + 1)[0] : text.length();
            String piece = text.substring(start, end);
            piece = piece.substring(0, piece.length() - lengthOfSeparator(piece));
            String readable = piece.substring(figures.get(i)[1] - start).isBlank() ? piece + unitText : piece;
            Optional<Value> v = parser.parse(family, readable);
            if (v.isEmpty()) return List.of();
            Value value = v.get();
            if (i == 0) shared = value.qualifier();
            else if (value.qualifier() == null && shared != null) value = withQualifier(value, shared);
            out.add(new ValueMention(offset + start, offset + start + piece.length(), rule, value.withText(piece)));
        }
        return out;
    }

    /**
     * A range match whose figures fall ("LlamaV-o1: 63.33% to 5.74%", "ranging from 86.2% to 52.4%") is
     * no range: it is two figures, the first before and the second after, each with the unit written
     * after it or else after the second. Empty when the match is not two figures that parse so.
     */
    static List<ValueMention> fallingPair(ValueParser parser, String rule, String text, int offset) {
        List<int[]> figures = figures(text);
        if (figures.size() != 2) return List.of();
        int[] a = figures.get(0), b = figures.get(1);
        String unitText = text.substring(b[1]);
        String family = "figure" + rule.substring(rule.indexOf('.'));
        Matcher own = OWN_UNIT.matcher(text.substring(a[1], b[0]));
        boolean hasOwn = own.lookingAt();
        int firstEnd = a[1] + (hasOwn ? own.end() : 0);
        String first = text.substring(0, firstEnd);
        Optional<Value> v1 = parser.parse(family, hasOwn ? first : first + unitText);
        Optional<Value> v2 = parser.parse(family, text.substring(b[0]));
        if (v1.isEmpty() || v2.isEmpty() || v1.get().number() == null || v2.get().number() == null
                || v1.get().number() <= v2.get().number()) return List.of();
        return List.of(new ValueMention(offset, offset + firstEnd, rule, v1.get().withText(first)),
                new ValueMention(offset + b[0], offset + text.length(), rule, v2.get().withText(text.substring(b[0]))));
    }

    /** A unit written right after the first figure of a pair ("63.33%" of "63.33% to 5.74%"). */
    private static final Pattern OWN_UNIT = Pattern.compile("\\s?(?:\\\\?%|(?i:x|×|times|points?|pp|ms|s)\\b)");

    /** The start and end of each figure of a match's text. */
    private static List<int[]> figures(String text) {
        List<int[]> figures = new ArrayList<>();
        Matcher m = FIGURE.matcher(text);
        while (m.find()) figures.add(new int[] {m.start(), m.end()});
        return figures;
    }

    private static int lengthOfSeparator(String piece) {
        Matcher m = SEPARATOR.matcher(piece);
        return m.find() ? m.end() - m.start() : 0;
    }

    private static Value withQualifier(Value v, Qualifier q) {
        return new Value(v.text(), v.number(), v.low(), v.high(), v.unit(), q, v.bits());
    }
}
