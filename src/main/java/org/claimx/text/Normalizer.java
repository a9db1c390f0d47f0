package org.claimx.text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.claimx.nlp.RuleException;
import org.claimx.nlp.TextMatches;

/**
 * Turns raw title or abstract text into text the annotators read well (LaTeX remnants, odd
 * Unicode), keeping an offset map back to the original. The substitutions are data:
 * {@code rules/normalize.tsv}, applied in file order.
 *
 * <p>A replacement is literal and its characters all map to the whole matched range, except a
 * replacement that is exactly {@code $1}: then the kept group maps character by character, so
 * {@code \textbf{27}} becomes {@code 27} with each digit still pointing at its own digit.
 */
public final class Normalizer {
    private record Substitution(TextMatches matches, String replacement, boolean keepGroup) {}

    private final List<Substitution> substitutions;

    private Normalizer(List<Substitution> substitutions) {
        this.substitutions = List.copyOf(substitutions);
    }

    /** Reads a substitution table: {@code pattern<TAB>replacement[<TAB>why]}; {@code #} starts a comment line. */
    public static Normalizer load(Path tsv) throws IOException {
        List<Substitution> subs = new ArrayList<>();
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] cols = line.split("\t", -1);
            if (cols.length < 2) {
                throw new RuleException(tsv, i + 1, "expected pattern<TAB>replacement, got: " + line);
            }
            try {
                subs.add(new Substitution(TextMatches.of(Pattern.compile(cols[0])), unescape(cols[1]), cols[1].equals("$1")));
            } catch (PatternSyntaxException e) {
                throw new RuleException(tsv, i + 1, "bad pattern: " + e.getDescription() + ": " + cols[0]);
            }
        }
        return new Normalizer(subs);
    }

    private static String unescape(String s) {
        return s.replace("\\s", " ").replace("\\t", "\t");
    }

    public OffsetText normalize(String original) {
        OffsetText cur = OffsetText.identity(original);
        for (Substitution s : substitutions) {
            cur = apply(cur, s);
        }
        return cur;
    }

    private static OffsetText apply(OffsetText cur, Substitution s) {
        Rewrite r = new Rewrite(cur, s);
        s.matches().forEach(cur.text(), r::match);
        return r.result();
    }

    /** One substitution over a text: the text rewritten match by match, built from the first match on. */
    private static final class Rewrite {
        private final OffsetText cur;
        private final Substitution s;
        private StringBuilder out;
        private IntList from;
        private IntList to;
        private int last;

        Rewrite(OffsetText cur, Substitution s) {
            this.cur = cur;
            this.s = s;
        }

        void match(MatchResult m) {
            if (out == null) {
                int n = cur.text().length();
                out = new StringBuilder(n);
                from = new IntList(n);
                to = new IntList(n);
            }
            if (m.end() == m.start()) return;
            copy(cur, last, m.start(), out, from, to);
            if (s.keepGroup()) {
                copy(cur, m.start(1), m.end(1), out, from, to);
            } else {
                int a = cur.from(m.start());
                int b = cur.to(m.end() - 1);
                for (int k = 0; k < s.replacement().length(); k++) {
                    out.append(s.replacement().charAt(k));
                    from.add(a);
                    to.add(b);
                }
            }
            last = m.end();
        }

        /** The rewritten text; the text itself when nothing matched. */
        OffsetText result() {
            if (out == null) return cur;
            copy(cur, last, cur.text().length(), out, from, to);
            return new OffsetText(cur.original(), out.toString(), from.toArray(), to.toArray());
        }
    }

    private static void copy(OffsetText cur, int start, int end, StringBuilder out, IntList from, IntList to) {
        for (int i = start; i < end; i++) {
            out.append(cur.text().charAt(i));
            from.add(cur.from(i));
            to.add(cur.to(i));
        }
    }

    private static final class IntList {
        private int[] a;
        private int n;

        IntList(int capacity) { a = new int[Math.max(capacity, 4)]; }

        void add(int v) {
            if (n == a.length) a = java.util.Arrays.copyOf(a, n * 2);
            a[n++] = v;
        }

        int[] toArray() { return java.util.Arrays.copyOf(a, n); }
    }
}
