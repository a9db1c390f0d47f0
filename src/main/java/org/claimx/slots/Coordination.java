package org.claimx.slots;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.claimx.values.ValueMention;

/**
 * Coordinated lists in one sentence: values ("77.4% and 89.1%", "3x, 2.4x and 1.6x") and short noun
 * phrases ("HumanEval-ET and MBPP-ET", "GPU-only, NPU-only and NPU+PIM"). A value list and a name list
 * of the same length pair up in order, as "respectively" says, and as parallel lists are read without it.
 */
final class Coordination {
    private static final Pattern LIST_GAP = Pattern.compile("^\\s*(?:,\\s*)?(?:(?:and|or)\\s+)?$");

    /** A name list: each item a token range [from, to]; {@code before} is the token before the first item. */
    record NameList(List<int[]> items, int before, int after) {
        int size() { return items.size(); }

        String item(SentenceView s, int i) { return s.span(items.get(i)[0], items.get(i)[1]); }

        /** The last n items: "On GSM8K, SLoRA and NLoRA achieve" is a list of two after its comma. */
        NameList last(int n) {
            if (n == items.size()) return this;
            List<int[]> tail = items.subList(items.size() - n, items.size());
            return new NameList(List.copyOf(tail), tail.get(0)[0] - 1, after);
        }
    }

    private Coordination() {}

    /** Groups of mentions that form one list, in order; a lone value is a group of one. */
    static List<List<ValueMention>> valueGroups(String docText, List<ValueMention> ms) {
        List<List<ValueMention>> groups = new ArrayList<>();
        List<ValueMention> cur = new ArrayList<>();
        for (ValueMention m : ms) {
            if (!cur.isEmpty()) {
                ValueMention prev = cur.get(cur.size() - 1);
                String gap = docText.substring(prev.end(), Math.max(prev.end(), m.start()));
                if (!LIST_GAP.matcher(gap).matches()) {
                    groups.add(cur);
                    cur = new ArrayList<>();
                }
            }
            cur.add(m);
        }
        if (!cur.isEmpty()) groups.add(cur);
        return groups;
    }

    /** Every list of two or more short phrases joined by commas and a final "and" or "or". */
    static List<NameList> nameLists(SentenceView s) {
        List<NameList> out = new ArrayList<>();
        for (int k = 1; k + 1 < s.size(); k++) {
            String w = s.lower(k);
            if (!w.equals("and") && !w.equals("or")) continue;
            int[] right = itemRight(s, k + 1);
            if (right == null) continue;
            List<int[]> items = new ArrayList<>();
            items.add(right);
            int end = k - 1;
            if (end >= 0 && s.word(end).equals(",")) end--;
            while (end >= 0) {
                int[] left = itemLeft(s, end);
                if (left == null) break;
                items.add(0, left);
                if (left[0] - 1 >= 0 && s.word(left[0] - 1).equals(",")) end = left[0] - 2;
                else break;
            }
            if (items.size() >= 2) out.add(new NameList(items, items.get(0)[0] - 1, right[1] + 1));
        }
        return out;
    }

    private static int[] itemRight(SentenceView s, int from) {
        int i = from;
        while (i < s.size() && s.isDeterminer(i)) i++;
        int start = i;
        while (i < s.size() && i - start < 5 && isItemPart(s, i)) i++;
        return i > start ? new int[] {start, i - 1} : null;
    }

    private static int[] itemLeft(SentenceView s, int end) {
        int i = end;
        while (i >= 0 && end - i < 5 && isItemPart(s, i)) i--;
        if (i == end) return null;
        int start = i + 1;
        return new int[] {start, end};
    }

    private static boolean isItemPart(SentenceView s, int i) {
        String w = s.word(i);
        if (s.isNumber(i) && !w.matches(".*[A-Za-z].*")) return false;
        return s.isPhrasePart(i) || w.equals("+") || (Character.isUpperCase(w.charAt(0)) && !s.isBoundary(i));
    }
}
