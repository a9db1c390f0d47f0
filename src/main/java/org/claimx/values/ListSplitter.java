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
        List<int[]> figures = new ArrayList<>();
        Matcher m = FIGURE.matcher(text);
        while (m.find()) figures.add(new int[] {m.start(), m.end()});
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

    private static int lengthOfSeparator(String piece) {
        Matcher m = SEPARATOR.matcher(piece);
        return m.find() ? m.end() - m.start() : 0;
    }

    private static Value withQualifier(Value v, Qualifier q) {
        return new Value(v.text(), v.number(), v.low(), v.high(), v.unit(), q, v.bits());
    }
}
