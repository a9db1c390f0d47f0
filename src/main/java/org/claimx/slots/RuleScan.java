package org.claimx.slots;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.tokensregex.CoreMapNodePatternTrigger;
import edu.stanford.nlp.ling.tokensregex.NodePattern;
import edu.stanford.nlp.ling.tokensregex.SequenceMatchResult;
import edu.stanford.nlp.ling.tokensregex.TokenSequenceMatcher;
import edu.stanford.nlp.ling.tokensregex.TokenSequencePattern;
import edu.stanford.nlp.util.CoreMap;
import java.lang.reflect.Field;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One candidate rule run with exactly the matches TokensRegex's multi-pattern matcher gives it
 * ({@code findAllNonOverlappingMatchesPerPattern}), at a fraction of its cost.
 *
 * <p>That matcher first asks a trigger which patterns a sentence can set off: a pattern holding a
 * test of one exact string (such as {@code /,/} in "np.coordinated") is tried only on sentences
 * where some token has that string, even where the test is optional. So "np.coordinated" is never
 * tried on a sentence without a comma. That is how claimx's output has always been made, and it is
 * kept here: the same trigger, asked per pattern, decides first. Then the pattern's own
 * non-overlapping search ({@code getMatcher(tokens).findAllNonOverlapping()}) runs.
 *
 * <p>That search tries the pattern at every token from the end of the last match on, and each try
 * builds the matcher's start states afresh: most of the rules' time. But from the compiled
 * pattern's state graph one can read two things that rule out most tries without changing a match:
 * <ul>
 * <li>the token tests a match can begin with ({@link #first}): where the token passes none of them,
 *     no match begins, and the try is skipped;</li>
 * <li>the token tests that every match passes on some token ({@link #required}, such as the one
 *     word test of {@code $SYSVERB} at the end of "subject.before-verb"): when no token of the
 *     sentence passes one of them, the rule cannot match it at all, and no match begins after the
 *     last token that passes it (a match's tokens run from where it begins).</li>
 * </ul>
 * Both are read conservatively: a state the analysis does not know, or a pattern that could match
 * no tokens, leaves the rule with no such test, and it is run as TokensRegex runs it. CoreNLP keeps
 * the graph in package-private fields, read here by reflection once when the rules load; if they
 * cannot be read (another CoreNLP version), every rule is simply run the plain way.
 */
final class RuleScan {
    private final TokenSequencePattern pattern;
    /** The multi-pattern matcher's trigger for this pattern alone; null when it sets the pattern off always. */
    private final CoreMapNodePatternTrigger trigger;
    /** Tests one of which the first token of every match passes; null when unknown. */
    private final List<NodePattern<CoreMap>> first;
    /** Tests each of which some token of every match passes. */
    private final List<NodePattern<CoreMap>> required;

    private RuleScan(TokenSequencePattern pattern, List<NodePattern<CoreMap>> first, List<NodePattern<CoreMap>> required) {
        this.pattern = pattern;
        CoreMapNodePatternTrigger t = new CoreMapNodePatternTrigger(List.of(pattern));
        // A token with no annotations sets off only the patterns the trigger always sets off.
        this.trigger = t.apply(new CoreLabel()).isEmpty() ? t : null;
        this.first = first;
        this.required = required;
    }

    static RuleScan of(TokenSequencePattern pattern) {
        Graph g = Graph.of(pattern);
        if (g == null) return new RuleScan(pattern, null, List.of());
        return new RuleScan(pattern, g.first(), g.required());
    }

    /** Whether the trigger tries the pattern on this sentence: as the multi-pattern matcher, on any token. */
    private boolean setsOff(List<CoreLabel> tokens) {
        for (CoreLabel t : tokens) if (!trigger.apply(t).isEmpty()) return true;
        return false;
    }

    /** Whether the analysis found tests to skip tries by (for tests). */
    boolean anchored() { return first != null; }

    /** The tests every match must pass on some token (for tests). */
    int requiredTests() { return required.size(); }

    /** The rule's non-overlapping matches, in text order, as the multi-pattern matcher gives them. */
    List<SequenceMatchResult<CoreMap>> matches(List<CoreLabel> tokens) {
        if (trigger != null && !setsOff(tokens)) return List.of();
        // The last token a match can begin at: none after the last token passing a required test.
        int last = tokens.size() - 1;
        for (NodePattern<CoreMap> r : required) last = Math.min(last, lastPassing(r, tokens));
        if (last < 0) return List.of();
        List<SequenceMatchResult<CoreMap>> out = new ArrayList<>();
        if (first == null) {
            for (SequenceMatchResult<CoreMap> m : pattern.getMatcher(tokens).findAllNonOverlapping()) out.add(m);
            return out;
        }
        StartMatcher m = new StartMatcher(pattern, tokens);
        int i = 0;
        while (i <= last) {
            if (begins(tokens.get(i)) && m.findAt(i)) {
                out.add(m.toBasicSequenceMatchResult());
                // As TokensRegex goes on: from the end of this match (never empty: see Graph.first).
                i = m.end();
            } else {
                i++;
            }
        }
        return out;
    }

    private boolean begins(CoreLabel token) {
        for (NodePattern<CoreMap> p : first) if (p.match(token)) return true;
        return false;
    }

    /** The index of the last token that passes {@code p}; -1 if none does. */
    private static int lastPassing(NodePattern<CoreMap> p, List<CoreLabel> tokens) {
        for (int i = tokens.size() - 1; i >= 0; i--) if (p.match(tokens.get(i))) return i;
        return -1;
    }

    /**
     * The matcher TokensRegex builds ({@code getMatcher} makes a {@link TokenSequenceMatcher} the same
     * way), opened up to try the pattern at one token only: its {@code find(start, true)}.
     */
    private static final class StartMatcher extends TokenSequenceMatcher {
        StartMatcher(TokenSequencePattern pattern, List<CoreLabel> tokens) {
            super(pattern, tokens);
        }

        boolean findAt(int start) {
            return find(start, true);
        }
    }

    /**
     * The compiled pattern's states: from the root, each state leads to its {@code next} states, and
     * a repeat also back to the start of what it repeats. Node states consume one token each, the
     * final match state ends a match, and the others (groups, repeats, values) consume none.
     * Following every edge whatever the repeat counts over-approximates the paths a match can take,
     * which keeps both readings conservative.
     */
    private record Graph(Object root, Map<Object, List<Object>> edges, Map<Object, NodePattern<CoreMap>> nodes,
                         List<Object> nodeStates, Object match) {
        private static final String PREFIX = "edu.stanford.nlp.ling.tokensregex.SequencePattern$";
        /** States that consume no token and whose only successors are their edges here. */
        private static final Set<String> PASSING = Set.of("State", "ValueState", "GroupStartState", "GroupEndState",
                "RepeatState");

        static Graph of(TokenSequencePattern pattern) {
            try {
                Object root = field(Class.forName("edu.stanford.nlp.ling.tokensregex.SequencePattern"), "root").get(pattern);
                Class<?> state = Class.forName(PREFIX + "State");
                Field next = field(state, "next");
                Field node = field(Class.forName(PREFIX + "NodePatternState"), "pattern");
                Field repeatStart = field(Class.forName(PREFIX + "RepeatState"), "repeatStart");
                Object match = field(Class.forName("edu.stanford.nlp.ling.tokensregex.SequencePattern"), "MATCH_STATE").get(null);
                Map<Object, List<Object>> edges = new IdentityHashMap<>();
                Map<Object, NodePattern<CoreMap>> nodes = new IdentityHashMap<>();
                List<Object> nodeStates = new ArrayList<>();
                ArrayDeque<Object> todo = new ArrayDeque<>(List.of(root));
                edges.put(root, null);
                while (!todo.isEmpty()) {
                    Object s = todo.poll();
                    String kind = s.getClass().getName().startsWith(PREFIX) ? s.getClass().getName().substring(PREFIX.length()) : "";
                    List<Object> out = new ArrayList<>();
                    @SuppressWarnings("unchecked")
                    Collection<Object> ns = (Collection<Object>) next.get(s);
                    if (ns != null) out.addAll(ns);
                    if (kind.equals("NodePatternState")) {
                        @SuppressWarnings("unchecked")
                        NodePattern<CoreMap> p = (NodePattern<CoreMap>) node.get(s);
                        nodes.put(s, p);
                        nodeStates.add(s);
                    } else if (kind.equals("RepeatState")) {
                        out.add(repeatStart.get(s));
                    } else if (s != match && !PASSING.contains(kind)) {
                        return null;
                    }
                    edges.put(s, out);
                    for (Object n : out) {
                        if (!edges.containsKey(n)) {
                            edges.put(n, null);
                            todo.add(n);
                        }
                    }
                }
                return new Graph(root, edges, nodes, nodeStates, match);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }

        private static Field field(Class<?> c, String name) throws NoSuchFieldException {
            Field f = c.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        }

        /** The node tests reachable from the root without consuming a token; null if the match state is too. */
        List<NodePattern<CoreMap>> first() {
            List<NodePattern<CoreMap>> out = new ArrayList<>();
            Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            ArrayDeque<Object> todo = new ArrayDeque<>(List.of(root));
            seen.add(root);
            while (!todo.isEmpty()) {
                Object s = todo.poll();
                if (s == match) return null;
                if (nodes.containsKey(s)) {
                    out.add(nodes.get(s));
                    continue;
                }
                for (Object n : edges.get(s)) if (seen.add(n)) todo.add(n);
            }
            return out;
        }

        /** The node tests without which the match state cannot be reached from the root. */
        List<NodePattern<CoreMap>> required() {
            List<NodePattern<CoreMap>> out = new ArrayList<>();
            for (Object s : nodeStates) if (!reachesMatchAvoiding(s)) out.add(nodes.get(s));
            return out;
        }

        private boolean reachesMatchAvoiding(Object avoided) {
            Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            ArrayDeque<Object> todo = new ArrayDeque<>(List.of(root));
            seen.add(root);
            while (!todo.isEmpty()) {
                Object s = todo.poll();
                if (s == avoided) continue;
                if (s == match) return true;
                for (Object n : edges.get(s)) if (seen.add(n)) todo.add(n);
            }
            return false;
        }
    }
}
