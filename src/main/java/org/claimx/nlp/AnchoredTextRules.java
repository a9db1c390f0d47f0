package org.claimx.nlp;

import edu.stanford.nlp.ling.tokensregex.Env;
import edu.stanford.nlp.ling.tokensregex.MatchedExpression;
import edu.stanford.nlp.ling.tokensregex.SequenceMatchRules;
import java.lang.reflect.Field;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Text rules that try their regex only where a match can begin, with the same matches.
 *
 * <p>TokensRegex runs a text rule as {@code while (matcher.find())} over the sentence, and
 * java.util.regex tries the whole pattern at every character. Most value rules begin
 * {@code $OPTQUAL$NUM}: an optional qualifier, then a figure. Here each rule gets a plan of where a
 * match can start, read off its regex ({@link FirstChars}):
 * <ul>
 *   <li>a rule that begins (after zero-width assertions) with an optional group {@code (?:X)?} can
 *       only match where X matches or where the rest can begin (a digit for {@code $NUM}); where X
 *       matches is found once per sentence and shared by every rule that begins with the same X;</li>
 *   <li>a rule that begins with a mandatory group {@code (?:X)} can only match where X matches;</li>
 *   <li>any other rule can only match at a character its regex can begin with.</li>
 * </ul>
 * At each such position the regex is matched there ({@link Matcher#lookingAt} on a region with
 * transparent bounds, so lookbehinds and {@code \b} see the text before it, as {@code find} does);
 * the next search starts where a match ended, as {@code find} does. So the matches, and their
 * order, are those of {@code find}. A rule whose regex this does not follow keeps TokensRegex's own
 * matching.
 */
final class AnchoredTextRules {
    /** A first-character set this wide is no help: the rule keeps plain find. */
    private static final int MAX_FIRST_CHARS = 30;

    private AnchoredTextRules() {}

    /**
     * Gives each text rule among {@code rules} anchored matching where a plan can be made; returns how
     * many rules got one. Rules of another kind, and any whose parts are not as expected, stay as they are.
     */
    static int install(List<SequenceMatchRules.Rule> rules) {
        int n = 0;
        for (SequenceMatchRules.Rule r : rules) {
            if (!(r instanceof SequenceMatchRules.AnnotationExtractRule<?, ?> rule)) continue;
            if (!(rule.extractRule instanceof SequenceMatchRules.CoreMapExtractRule<?, ?> coreMapRule)) continue;
            try {
                Object inner = read(SequenceMatchRules.CoreMapExtractRule.class, coreMapRule, "extractRule");
                if (!(inner instanceof SequenceMatchRules.StringPatternExtractRule<?> stringRule)) continue;
                Pattern pattern = (Pattern) read(SequenceMatchRules.StringPatternExtractRule.class, stringRule, "pattern");
                @SuppressWarnings("unchecked")
                Function<MatchResult, MatchedExpression> extractor =
                        (Function<MatchResult, MatchedExpression>) read(SequenceMatchRules.StringPatternExtractRule.class, stringRule, "extractor");
                Env env = (Env) read(SequenceMatchRules.CoreMapExtractRule.class, coreMapRule, "env");
                Class<?> field = (Class<?>) read(SequenceMatchRules.CoreMapExtractRule.class, coreMapRule, "annotationField");
                Plan plan = Plan.of(pattern);
                if (plan == null) continue;
                @SuppressWarnings({"unchecked", "rawtypes"})
                SequenceMatchRules.AnnotationExtractRule<Object, MatchedExpression> raw = (SequenceMatchRules.AnnotationExtractRule) rule;
                @SuppressWarnings({"unchecked", "rawtypes"})
                SequenceMatchRules.ExtractRule<Object, MatchedExpression> replacement =
                        (SequenceMatchRules.ExtractRule) new SequenceMatchRules.CoreMapExtractRule<>(env, field, new Anchored(plan, extractor));
                raw.extractRule = replacement;
                n++;
            } catch (ReflectiveOperationException | RuntimeException e) {
                // Another CoreNLP than the one this was written for: the rule keeps its own matching.
            }
        }
        return n;
    }

    private static Object read(Class<?> owner, Object target, String name) throws ReflectiveOperationException {
        Field f = owner.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(target);
    }

    /** Where a rule's matches can begin. */
    static final class Plan {
        final Pattern pattern;
        private final ReusedMatcher matcher;
        /** Characters a match can begin with; used when there is no prefix group. */
        final BitSet first;
        /** The leading group: where it matches, found once per sentence; null if none is used. */
        final ReusedMatcher prefix;
        final BitSet prefixFirst;
        final boolean prefixOptional;
        /** With an optional prefix: the characters the rest can begin with. */
        final BitSet restFirst;
        /**
         * With an optional prefix, when the rest itself begins with a mandatory group: that group with
         * the assertions before it, where it matches found once per sentence (as the prefix's); else null.
         */
        final ReusedMatcher restLead;
        final BitSet restLeadFirst;
        /** The characters a match can begin with, in the form a text's {@link CharsPresent} is asked with; null: any. */
        private final CharsPresent.Set startChars;
        /** With an optional prefix: what the prefix can begin with, else null. */
        private final CharsPresent.Set prefixStartChars;

        private Plan(Pattern pattern, BitSet first, Pattern prefix, BitSet prefixFirst, boolean prefixOptional, BitSet restFirst,
                     Pattern restLead, BitSet restLeadFirst) {
            this.pattern = pattern;
            this.matcher = new ReusedMatcher(pattern);
            this.first = first;
            this.prefix = prefix == null ? null : new ReusedMatcher(prefix);
            this.prefixFirst = prefixFirst;
            this.prefixOptional = prefixOptional;
            this.restFirst = restFirst;
            this.restLead = restLead == null ? null : new ReusedMatcher(restLead);
            this.restLeadFirst = restLeadFirst;
            BitSet start = prefix == null ? first : prefixOptional ? restFirst : prefixFirst;
            this.startChars = start == null ? null : new CharsPresent.Set(start);
            this.prefixStartChars = prefixOptional && prefixFirst != null ? new CharsPresent.Set(prefixFirst) : null;
        }

        /**
         * Whether a match can begin anywhere in the text whose characters are {@code present}: it holds a
         * character the match (or, with an optional prefix, the prefix or the rest) can begin with.
         */
        private boolean mayStart(CharsPresent present) {
            if (startChars == null || present.any(startChars)) return true;
            return prefixOptional && (prefixFirst == null || present.any(prefixStartChars));
        }

        /**
         * Hands {@code each} every match {@code while (matcher.find())} would give, in the same order,
         * trying the pattern only where a match can begin.
         */
        void forEachMatch(String text, java.util.function.Consumer<? super Matcher> each) {
            PrefixCache cache = Search.cacheFor(text);
            if (!mayStart(cache.present())) return;
            Matcher m = matcher.on(text);
            BitSet prefixAt = prefix == null ? null : Search.positions(cache, prefix, prefixFirst, text);
            BitSet restAt = restLead == null ? null : Search.positions(cache, restLead, restLeadFirst, text);
            int n = text.length();
            int from = 0;
            while (from < n) {
                int i = Search.next(this, text, from, prefixAt, restAt);
                if (i < 0) break;
                m.region(i, n);
                if (m.lookingAt()) {
                    each.accept(m);
                    from = m.end() == i ? i + 1 : m.end();
                } else {
                    from = i + 1;
                }
            }
        }

        /** A plan for {@code pattern}, or null when it would not help or the regex is not followed. */
        static Plan of(Pattern pattern) {
            String re = pattern.pattern();
            // A leading "(?i)" shows in flags() too; the reading below follows it in the regex text. Flags given
            // any other way are not in the text, and not followed.
            int inline = re.startsWith("(?i)") ? Pattern.CASE_INSENSITIVE : 0;
            if (pattern.flags() != inline) return null;
            for (int i = 0; i < re.length(); i++) if (Character.isSurrogate(re.charAt(i))) return null;  // find() skips half pairs then
            Plan p = withPrefix(pattern, re);
            if (p != null) return p;
            BitSet first = FirstChars.of(re);
            if (first == null || first.cardinality() > MAX_FIRST_CHARS) return null;
            return new Plan(pattern, first, null, null, false, null, null, null);
        }

        private static Plan withPrefix(Pattern pattern, String re) {
            Leading lead = Leading.of(re);
            if (lead == null) return null;
            String flags = lead.caseInsensitive() ? "(?i)" : "";
            Pattern prefix = leadPattern(flags, lead);
            if (prefix == null) return null;
            BitSet prefixFirst = FirstChars.of(prefix.pattern());
            BitSet restFirst = null;
            Pattern restLead = null;
            BitSet restLeadFirst = null;
            if (lead.optional()) {
                restFirst = FirstChars.of(flags + lead.rest());
                if (restFirst == null || restFirst.cardinality() > MAX_FIRST_CHARS) return null;
                Leading next = Leading.of(flags + lead.rest());
                if (next != null && !next.optional()) {
                    restLead = leadPattern(flags, next);
                    restLeadFirst = restLead == null ? null : FirstChars.of(restLead.pattern());
                    if (restLeadFirst == null) restLead = null;
                }
            }
            return new Plan(pattern, null, prefix, prefixFirst, lead.optional(), restFirst, restLead, restLeadFirst);
        }
    }

    /**
     * A leading group with the assertions before it, as a pattern that matches at a position only if
     * the whole regex can match there through that group (lookarounds see the whole text, as the rule's
     * do); null if it has a back reference (which means nothing on its own) or does not compile.
     */
    private static Pattern leadPattern(String flags, Leading lead) {
        if ((lead.assertions() + lead.group()).matches("(?s).*\\\\[1-9k].*")) return null;
        try {
            return Pattern.compile(flags + lead.assertions() + "(?:" + lead.group() + ")");
        } catch (PatternSyntaxException e) {
            return null;
        }
    }

    /**
     * The head of a regex: an optional "(?i)", zero-width assertions, then a non-capturing group,
     * optional ("?") or not, and the rest; null when the regex is not so (or has a '|' at its top).
     */
    record Leading(boolean caseInsensitive, String assertions, String group, boolean optional, String rest) {
        static Leading of(String re) {
            int at = 0;
            boolean ci = false;
            if (re.startsWith("(?i)")) {
                ci = true;
                at = 4;
            }
            if (hasTopLevelBar(re)) return null;
            int assertionsFrom = at;
            while (true) {
                if (re.startsWith("(?<!", at) || re.startsWith("(?<=", at) || re.startsWith("(?=", at) || re.startsWith("(?!", at)) {
                    int end = groupEnd(re, at);
                    if (end < 0) return null;
                    at = end;
                } else if (re.startsWith("\\b", at)) {
                    at += 2;
                } else {
                    break;
                }
            }
            if (!re.startsWith("(?:", at)) return null;
            int end = groupEnd(re, at);
            if (end < 0) return null;
            String group = re.substring(at + 3, end - 1);
            boolean optional = false;
            if (end < re.length()) {
                char q = re.charAt(end);
                if (q == '?') {
                    optional = true;
                    end++;
                    if (end < re.length() && (re.charAt(end) == '?' || re.charAt(end) == '+')) return null;
                } else if (q == '*' || q == '+' || q == '{') {
                    return null;
                }
            }
            return new Leading(ci, re.substring(assertionsFrom, at), group, optional, re.substring(end));
        }

        /** The index just after the ')' closing the group that opens at {@code open}; -1 if none. */
        static int groupEnd(String re, int open) {
            int depth = 0;
            for (int i = open; i < re.length(); i++) {
                char c = re.charAt(i);
                if (c == '\\') {
                    i = RuleBook.escapeEnd(re, i);
                    if (i < 0) return -1;
                } else if (c == '[') {
                    i = classEnd(re, i);
                    if (i < 0) return -1;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                    if (depth == 0) return i + 1;
                }
            }
            return -1;
        }

        /** The index of the ']' closing the class that opens at {@code open}; -1 if none (nested classes too). */
        static int classEnd(String re, int open) {
            int i = open + 1;
            if (i < re.length() && re.charAt(i) == '^') i++;
            if (i < re.length() && re.charAt(i) == ']') i++;
            int depth = 1;
            for (; i < re.length(); i++) {
                char c = re.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == '[') {
                    depth++;
                } else if (c == ']') {
                    depth--;
                    if (depth == 0) return i;
                }
            }
            return -1;
        }

        static boolean hasTopLevelBar(String re) {
            int depth = 0;
            for (int i = 0; i < re.length(); i++) {
                char c = re.charAt(i);
                if (c == '\\') {
                    i = RuleBook.escapeEnd(re, i);
                    if (i < 0) return true;
                } else if (c == '[') {
                    i = classEnd(re, i);
                    if (i < 0) return true;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                } else if (c == '|' && depth == 0) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Per thread, for the sentence being read (every rule of a sentence gets the same String): where each leading group matches. */
    private static final class PrefixCache {
        String text;
        final Map<String, BitSet> at = new HashMap<>();
        private CharsPresent present;

        /** The characters of this cache's text, read once. */
        CharsPresent present() {
            if (present == null) present = CharsPresent.of(text);
            return present;
        }
    }

    private static final ThreadLocal<PrefixCache> CACHE = ThreadLocal.withInitial(PrefixCache::new);

    /** A text rule's matching by its plan, handing each match to TokensRegex's own extractor. */
    static final class Anchored implements SequenceMatchRules.ExtractRule<String, MatchedExpression> {
        private final Plan plan;
        private final Function<MatchResult, MatchedExpression> extractor;

        Anchored(Plan plan, Function<MatchResult, MatchedExpression> extractor) {
            this.plan = plan;
            this.extractor = extractor;
        }

        @Override
        public boolean extract(String text, List<MatchedExpression> out) {
            if (text == null) return false;
            int before = out.size();
            plan.forEachMatch(text, m -> out.add(extractor.apply(m)));
            return out.size() > before;
        }

    }

    /** Plan's search loop and its helpers (kept apart from the rule for the tests). */
    static final class Search {
        private Search() {}

        /**
         * The first position from {@code from} on where a match can begin; -1 if none. With a prefix
         * group, that is where it matches ({@code prefixAt}) and, when it is optional, where the rest can
         * begin: where the rest's own leading group matches ({@code restAt}), or else at a character it
         * can begin with.
         */
        static int next(Plan plan, String text, int from, BitSet prefixAt, BitSet restAt) {
            int n = text.length();
            if (prefixAt == null) {
                for (int i = from; i < n; i++) if (plan.first.get(text.charAt(i))) return i;
                return -1;
            }
            int p = prefixAt.nextSetBit(from);
            if (!plan.prefixOptional) return p;
            if (restAt != null) {
                int r = restAt.nextSetBit(from);
                return p < 0 ? r : r < 0 ? p : Math.min(p, r);
            }
            int end = p < 0 ? n : p;
            for (int i = from; i < end; i++) if (plan.restFirst.get(text.charAt(i))) return i;
            return p;
        }

        /** This thread's cache, emptied when {@code text} is another sentence than the last. */
        static PrefixCache cacheFor(String text) {
            PrefixCache cache = CACHE.get();
            if (cache.text != text) {
                cache.text = text;
                cache.at.clear();
                cache.present = null;
            }
            return cache;
        }

        /** Where {@code lead} matches in {@code text} (trying only at its first characters, if known), once per sentence. */
        static BitSet positions(PrefixCache cache, ReusedMatcher lead, BitSet leadFirst, String text) {
            BitSet at = cache.at.get(lead.pattern.pattern());
            if (at != null) return at;
            at = new BitSet();
            Matcher m = lead.on(text);
            int n = text.length();
            for (int i = 0; i < n; i++) {
                if (leadFirst != null && !leadFirst.get(text.charAt(i))) continue;
                m.region(i, n);
                if (m.lookingAt()) at.set(i);
            }
            cache.at.put(lead.pattern.pattern(), at);
            return at;
        }
    }
}
