package org.claimx.nlp;

import java.util.BitSet;

/**
 * The characters a match of a regular expression can begin with: a superset, read off the regex's
 * text, so that a search may skip every other position and find the same matches.
 *
 * <p>Sound by construction: whatever this reader does not follow (a negated class inside a class, a
 * Unicode property, a back reference, a nullable pattern) makes the answer "any character", and
 * zero-width parts (lookarounds, {@code \b}, anchors) are passed over, which only widens the set.
 * Case-insensitive parts ({@code (?i)}) add both cases of each letter.
 */
public final class FirstChars {
    private static final int SIZE = Character.MAX_VALUE + 1;

    /** Thrown inside the reader when the regex uses something it does not follow. */
    private static final class Unsure extends RuntimeException {
        Unsure() {
            super(null, null, false, false);
        }
    }

    private record Node(BitSet first, boolean nullable) {}

    private final String re;
    private int at;

    private FirstChars(String re) {
        this.re = re;
    }

    /**
     * The characters a non-empty match of {@code regex} (java.util.regex syntax, no flags given to
     * compile) can start with; null when that may be any character, or a match may be empty.
     */
    public static BitSet of(String regex) {
        try {
            FirstChars r = new FirstChars(regex);
            Node n = r.alternation(false);
            if (r.at != regex.length()) return null;
            if (n.nullable() || n.first().cardinality() == SIZE) return null;
            return n.first();
        } catch (Unsure | IndexOutOfBoundsException e) {
            return null;
        }
    }

    /** The case-insensitivity at the end of the last sequence read: an inline flag holds across '|' to the group's end. */
    private boolean endCi;

    private Node alternation(boolean ci) {
        BitSet first = new BitSet();
        boolean nullable = false;
        while (true) {
            Node s = sequence(ci);
            ci = endCi;
            first.or(s.first());
            nullable |= s.nullable();
            if (at < re.length() && re.charAt(at) == '|') {
                at++;
                continue;
            }
            return new Node(first, nullable);
        }
    }

    /** Items up to '|' or ')' or the end; an inline flag group changes the flags for the rest of it. */
    private Node sequence(boolean ci) {
        BitSet first = new BitSet();
        boolean open = true;  // every item so far can match empty
        while (at < re.length() && re.charAt(at) != '|' && re.charAt(at) != ')') {
            Boolean flags = inlineFlags(ci);
            if (flags != null) {
                ci = flags;
                continue;
            }
            Node item = quantified(atom(ci));
            if (open) first.or(item.first());
            if (!item.nullable()) open = false;
        }
        endCi = ci;
        return new Node(first, open);
    }

    /** A group that only sets flags, "(?i)" or "(?-i)": the new case-insensitivity; null if the next thing is not one. */
    private Boolean inlineFlags(boolean ci) {
        if (!re.startsWith("(?", at)) return null;
        int i = at + 2;
        boolean on = true;
        boolean result = ci;
        while (i < re.length()) {
            char c = re.charAt(i);
            if (c == ')') {
                at = i + 1;
                return result;
            }
            if (c == '-') {
                on = false;
            } else if (c == 'i') {
                result = on;
            } else if ("mxsdu".indexOf(c) >= 0) {
                if (c == 'x' || c == 'u') throw new Unsure();  // comments mode, Unicode case: not followed
            } else {
                return null;  // "(?:", "(?=", "(?i:" ... are groups, read by atom
            }
            i++;
        }
        throw new Unsure();
    }

    private Node quantified(Node atom) {
        if (at >= re.length()) return atom;
        char c = re.charAt(at);
        boolean canBeZero;
        if (c == '?' || c == '*') {
            canBeZero = true;
            at++;
        } else if (c == '+') {
            canBeZero = false;
            at++;
        } else if (c == '{') {
            int close = re.indexOf('}', at);
            if (close < 0) throw new Unsure();
            String body = re.substring(at + 1, close);
            if (!body.matches("\\d+(,\\d*)?")) throw new Unsure();
            canBeZero = Integer.parseInt(body.split(",")[0]) == 0;
            at = close + 1;
        } else {
            return atom;
        }
        if (at < re.length() && (re.charAt(at) == '?' || re.charAt(at) == '+')) at++;  // lazy or possessive
        return new Node(atom.first(), atom.nullable() || canBeZero);
    }

    private Node atom(boolean ci) {
        char c = re.charAt(at);
        switch (c) {
            case '(':
                return group(ci);
            case '[': {
                at++;
                BitSet set = charClass(ci);
                return new Node(set, false);
            }
            case '\\':
                return escape(ci);
            case '.': {
                at++;
                BitSet all = new BitSet();
                all.set(0, SIZE);
                return new Node(all, false);
            }
            case '^':
            case '$':
                at++;
                return new Node(new BitSet(), true);
            case '*':
            case '+':
            case '?':
            case '{':
                throw new Unsure();
            default:
                at++;
                return new Node(chars(ci, c), false);
        }
    }

    private Node group(boolean ci) {
        at++;  // '('
        boolean zeroWidth = false;
        if (re.startsWith("?", at)) {
            if (re.startsWith("?:", at)) {
                at += 2;
            } else if (re.startsWith("?=", at) || re.startsWith("?!", at)) {
                at += 2;
                zeroWidth = true;
            } else if (re.startsWith("?<=", at) || re.startsWith("?<!", at)) {
                at += 3;
                zeroWidth = true;
            } else if (re.startsWith("?>", at)) {
                at += 2;
            } else if (re.startsWith("?<", at)) {
                int close = re.indexOf('>', at);
                if (close < 0) throw new Unsure();
                at = close + 1;
            } else {
                // "(?i:" or "(?-i:": flags scoped to the group
                int i = at + 1;
                boolean on = true;
                boolean scoped = ci;
                while (i < re.length() && re.charAt(i) != ':') {
                    char f = re.charAt(i);
                    if (f == '-') on = false;
                    else if (f == 'i') scoped = on;
                    else if ("msd".indexOf(f) < 0) throw new Unsure();
                    i++;
                }
                if (i >= re.length()) throw new Unsure();
                at = i + 1;
                ci = scoped;
            }
        }
        Node inner = alternation(ci);
        if (at >= re.length() || re.charAt(at) != ')') throw new Unsure();
        at++;
        return zeroWidth ? new Node(new BitSet(), true) : inner;
    }

    private Node escape(boolean ci) {
        char e = re.charAt(at + 1);
        at += 2;
        switch (e) {
            case 'b': case 'B': case 'A': case 'z': case 'Z': case 'G':
                return new Node(new BitSet(), true);
            case 'Q': {
                int end = re.indexOf("\\E", at);
                String quoted = end < 0 ? re.substring(at) : re.substring(at, end);
                at = end < 0 ? re.length() : end + 2;
                if (quoted.isEmpty()) return new Node(new BitSet(), true);
                return new Node(chars(ci, quoted.charAt(0)), false);
            }
            default:
                at -= 2;
                return new Node(escapeSet(ci), false);
        }
    }

    /** The characters of an escape that stands for characters (at points at the backslash). */
    private BitSet escapeSet(boolean ci) {
        char e = re.charAt(at + 1);
        at += 2;
        BitSet s = new BitSet();
        switch (e) {
            case 'd' -> s.set('0', '9' + 1);
            case 'D' -> complement(digits(), s);
            case 'w' -> s.or(word());
            case 'W' -> complement(word(), s);
            case 's' -> s.or(space());
            case 'S' -> complement(space(), s);
            case 't' -> s.set('\t');
            case 'n' -> s.set('\n');
            case 'r' -> s.set('\r');
            case 'f' -> s.set('\f');
            case 'e' -> s.set('\u001B');
            case 'a' -> s.set('\u0007');
            case 'x' -> {
                if (re.charAt(at) == '{') throw new Unsure();
                s.or(chars(ci, (char) Integer.parseInt(re.substring(at, at + 2), 16)));
                at += 2;
            }
            case 'u' -> {
                s.or(chars(ci, (char) Integer.parseInt(re.substring(at, at + 4), 16)));
                at += 4;
            }
            default -> {
                if (Character.isLetterOrDigit(e)) throw new Unsure();  // \p{..}, \h, \R, back references, octal ...
                s.or(chars(ci, e));  // an escaped metacharacter: itself
            }
        }
        return s;
    }

    /** A character class, at just after '['; ends after its ']'. */
    private BitSet charClass(boolean ci) {
        boolean negate = false;
        if (re.charAt(at) == '^') {
            negate = true;
            at++;
        }
        BitSet s = new BitSet();
        boolean firstItem = true;
        while (true) {
            char c = re.charAt(at);
            if (c == ']' && !firstItem) {
                at++;
                break;
            }
            if (c == '[' || re.startsWith("&&", at)) throw new Unsure();  // unions and intersections: not followed
            firstItem = false;
            int lo;
            if (c == '\\') {
                char e = re.charAt(at + 1);
                if (e == 'Q') throw new Unsure();
                BitSet one = escapeSet(ci);
                if (one.cardinality() != 1 || !(re.charAt(at) == '-' && re.charAt(at + 1) != ']')) {
                    s.or(one);
                    continue;
                }
                lo = one.nextSetBit(0);
            } else {
                lo = c;
                at++;
            }
            if (re.charAt(at) == '-' && re.charAt(at + 1) != ']') {
                at++;
                int hi;
                if (re.charAt(at) == '\\') {
                    BitSet one = escapeSet(false);
                    if (one.cardinality() != 1) throw new Unsure();
                    hi = one.nextSetBit(0);
                } else {
                    hi = re.charAt(at);
                    at++;
                }
                if (hi < lo) throw new Unsure();
                for (int x = lo; x <= hi; x++) s.or(chars(ci, (char) x));
            } else {
                s.or(chars(ci, (char) lo));
            }
        }
        if (!negate) return s;
        BitSet out = new BitSet();
        complement(s, out);
        return out;
    }

    private static BitSet chars(boolean ci, char c) {
        BitSet s = new BitSet();
        s.set(c);
        if (ci) {
            s.set(Character.toLowerCase(c));
            s.set(Character.toUpperCase(c));
        }
        return s;
    }

    private static void complement(BitSet of, BitSet into) {
        BitSet all = new BitSet();
        all.set(0, SIZE);
        all.andNot(of);
        into.or(all);
    }

    private static BitSet digits() {
        BitSet s = new BitSet();
        s.set('0', '9' + 1);
        return s;
    }

    private static BitSet word() {
        BitSet s = digits();
        s.set('a', 'z' + 1);
        s.set('A', 'Z' + 1);
        s.set('_');
        return s;
    }

    private static BitSet space() {
        BitSet s = new BitSet();
        for (char c : new char[] {' ', '\t', '\n', '\u000B', '\f', '\r'}) s.set(c);
        return s;
    }
}
