package org.claimx.slots;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.claimx.values.ValueMention;

/**
 * Lists of values: values of one sentence written one after another with only commas, slashes and a
 * conjunction between them ("3x, 2.4x and 1.6x", "47.69 and 40.68 respectively"). A value's place in
 * its list is what lines it up with the item of a list of names in the same place.
 */
final class ValueGroups {
    /** What may stand between two values of one list. */
    private static final Pattern BETWEEN = Pattern.compile("\\s*[,/;]?\\s*(?:and|or|&)?\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern RESPECTIVELY = Pattern.compile("\\brespective(?:ly)?\\b", Pattern.CASE_INSENSITIVE);

    /** A value's list: its place {@code index} of {@code size} values, and whether the sentence says "respectively". */
    record Place(int index, int size, boolean respectively) {}

    private ValueGroups() {}

    /** The place of each of {@code mentions} (in text order, offsets into {@code text}) in its list. */
    static List<Place> of(String text, List<ValueMention> mentions, String sentence) {
        boolean respectively = sentence != null && RESPECTIVELY.matcher(sentence).find();
        int n = mentions.size();
        int[] start = new int[n];
        for (int k = 1; k < n; k++) {
            ValueMention a = mentions.get(k - 1), b = mentions.get(k);
            boolean joined = a.end() <= b.start() && BETWEEN.matcher(text).region(a.end(), b.start()).matches();
            start[k] = joined ? start[k - 1] : k;
        }
        int[] size = new int[n];
        for (int k = 0; k < n; k++) size[start[k]]++;
        List<Place> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) out.add(new Place(k - start[k], size[start[k]], respectively));
        return out;
    }
}
