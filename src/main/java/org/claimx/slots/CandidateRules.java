package org.claimx.slots;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.tokensregex.Env;
import edu.stanford.nlp.ling.tokensregex.TokenSequencePattern;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.claimx.nlp.RuleBook;
import org.claimx.nlp.RuleException;
import org.claimx.nlp.Tsv;

/**
 * The candidate rules of {@code rules/slots/*.rules}: TokensRegex token patterns that propose
 * phrases of a sentence for the slots of its values.
 *
 * <p>Needs: a sentence tagged with parts of speech whose value tokens carry the ner tag
 * {@code VALUE}. Produces: the distinct phrases proposed, each with every rule that proposed it.
 * Closed-class words are macros built from {@code rules/lexicon/} (see the rules file's header), and
 * each token's word shape ({@code rules/lexicon/token-shapes.tsv}) is set as its lemma before the rules run.
 */
public final class CandidateRules {
    /** One rule: its dotted name, stage and compiled pattern. */
    public record Rule(String name, int stage, TokenSequencePattern pattern, Path file, int line) {}

    private static final Pattern MACRO = Pattern.compile("(?s)^\\$([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(.+)$");
    private static final Pattern RULE = Pattern.compile(
            "(?s)^\\{\\s*name:\\s*\"([^\"]+)\"\\s*,\\s*stage:\\s*(\\d+)\\s*,\\s*pattern:\\s*(.+?)\\s*}\\s*$");
    /** Lexicon files that become closed-class macros, and the macro each becomes. */
    private static final Map<String, String> LEXICON_MACROS = Map.of(
            "COMPARE", "comparison-cues.tsv", "DSCUE", "dataset-cues.tsv", "SYSVERB", "system-verbs.tsv",
            "CHANGE", "change-cues.tsv", "SELF", "self-nouns.tsv");
    private static final int MAX_TAIL = 6;
    /** White space runs in a phrase's text, compiled once (String.replaceAll compiles at each call). */
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** Rules whose phrases are coordinated lists ("A, B and C"), whose items are proposed too. */
    private static final String LIST_RULE_PREFIX = "np.coordinated";

    private final List<Rule> rules;
    private final List<Map.Entry<String, Pattern>> shapes;
    /** How each rule of {@link #rules} is run, in the same order. */
    private final List<RuleScan> scans;

    private CandidateRules(List<Rule> rules, List<Map.Entry<String, Pattern>> shapes) {
        this.rules = List.copyOf(rules);
        this.shapes = List.copyOf(shapes);
        this.scans = this.rules.stream().map(r -> RuleScan.of(r.pattern())).toList();
    }

    public List<Rule> rules() { return rules; }

    public static CandidateRules load(Path folder, Path lexicon) {
        Env env = TokenSequencePattern.getNewEnv();
        for (var e : new java.util.TreeMap<>(LEXICON_MACROS).entrySet()) {
            env.bind("$" + e.getKey(), lexiconMacro(lexicon.resolve(e.getValue())));
        }
        List<Rule> rules = new ArrayList<>();
        Set<String> names = new TreeSet<>();
        for (Path file : RuleBook.ruleFiles(folder)) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read rule file " + file + ": " + e.getMessage(), e);
            }
            for (RuleBook.Statement st : RuleBook.statements(lines)) {
                String text = st.text().strip();
                Matcher macro = MACRO.matcher(text);
                Matcher rule = RULE.matcher(text);
                if (rule.matches()) {
                    String name = rule.group(1);
                    if (!names.add(name)) throw new RuleException(file, st.line(), "rule name used twice: " + name);
                    rules.add(new Rule(name, Integer.parseInt(rule.group(2)), compile(env, rule.group(3), file, st.line()),
                            file, st.line()));
                } else if (macro.matches()) {
                    String body = macro.group(2).strip();
                    compile(env, body, file, st.line());
                    env.bind("$" + macro.group(1), body);
                } else {
                    throw new RuleException(file, st.line(), "neither a macro ($NAME = ( ... )) nor a rule"
                            + " ({ name: \"...\", stage: N, pattern: ( ... ) })");
                }
            }
        }
        rules.sort(Comparator.comparingInt(Rule::stage));
        List<Map.Entry<String, Pattern>> shapes = new ArrayList<>();
        Tsv t = Tsv.read(lexicon.resolve("token-shapes.tsv"), 2);
        for (Tsv.Row r : t.rows()) {
            try {
                shapes.add(Map.entry(r.col(0), Pattern.compile(r.col(1))));
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new RuleException(t.file(), r.line(), "bad regex: " + e.getDescription());
            }
        }
        return new CandidateRules(rules, shapes);
    }

    private static TokenSequencePattern compile(Env env, String pattern, Path file, int line) {
        try {
            return TokenSequencePattern.compile(env, pattern);
        } catch (Exception | Error e) {
            if (e instanceof OutOfMemoryError o) throw o;  // a heap too small, no fault of the rule
            throw new RuleException(file, line, "pattern does not parse: " + RuleBook.describe(e));
        }
    }

    /**
     * A lexicon of word regexes (first column), one entry a line, as one token pattern: an entry of
     * several words ("compared\s+(?:to|with)") matches that many tokens.
     */
    static String lexiconMacro(Path tsv) {
        Tsv t = Tsv.read(tsv, 1);
        // One-word entries become one token test (one regex, not one branch each: TokensRegex tries
        // every branch at every place); entries of several words become token sequences.
        List<String> single = new ArrayList<>();
        List<String> alts = new ArrayList<>();
        for (Tsv.Row r : t.rows()) {
            List<String> words = new ArrayList<>();
            for (String word : r.col(0).strip().split("\\\\s[+*]|\\s+")) {
                if (word.isEmpty()) continue;
                try {
                    Pattern.compile(word);
                } catch (java.util.regex.PatternSyntaxException e) {
                    throw new RuleException(t.file(), r.line(), "not a word regex: " + word);
                }
                words.add(word.replace("/", "\\/"));
            }
            if (words.size() == 1) {
                single.add("(?:" + words.get(0) + ")");
            } else if (!words.isEmpty()) {
                StringBuilder seq = new StringBuilder("(");
                for (String w : words) seq.append(" [{word:/(?i:").append(w).append(")/}]");
                alts.add(seq.append(" )").toString());
            }
        }
        if (!single.isEmpty()) alts.add(0, "[{word:/(?i:" + String.join("|", single) + ")/}]");
        if (alts.isEmpty()) throw new RuleException(t.file(), 0, "no entries");
        return "(" + String.join(" | ", alts) + ")";
    }

    /**
     * Every phrase the rules propose in a sentence, with the rules behind it, in text order.
     * Tokens of values must already carry ner {@code VALUE}.
     */
    public List<Candidate> propose(List<CoreLabel> tokens) {
        for (CoreLabel t : tokens) t.setLemma(shape(t.word()));
        Map<Long, Set<String>> found = new LinkedHashMap<>();
        // Rules in stage order (the list is sorted so), each rule's non-overlapping matches in text order.
        for (int k = 0; k < rules.size(); k++) {
            Rule r = rules.get(k);
            for (var m : scans.get(k).matches(tokens)) {
                int from, to;
                if (m.start("$cand") >= 0) {
                    from = m.start("$cand");
                    to = m.end("$cand") - 1;
                } else {
                    from = m.start();
                    to = m.end() - 1;
                }
                if (to < from) continue;
                add(found, from, to, r.name());
                for (int f = from + 1; f <= to && to - f + 1 <= MAX_TAIL; f++) {
                    if (isPunct(tokens.get(f))) continue;
                    add(found, f, to, r.name() + ".tail");
                }
            }
        }
        List<Candidate> out = new ArrayList<>();
        Map<Long, int[]> itemOf = new LinkedHashMap<>();
        for (var e : new ArrayList<>(found.entrySet())) {
            // The items of a coordinated phrase are candidates too, each knowing its place in the list.
            if (e.getValue().stream().noneMatch(r -> r.startsWith(LIST_RULE_PREFIX))) continue;
            int from = (int) (e.getKey() >> 32), to = (int) (long) e.getKey();
            List<int[]> items = new ArrayList<>();
            int start = from;
            for (int i = from; i <= to + 1; i++) {
                boolean cut = i > to || tokens.get(i).word().equals(",") || "CC".equals(tokens.get(i).tag());
                if (!cut) continue;
                if (i > start) items.add(new int[] {start, i - 1});
                start = i + 1;
            }
            if (items.size() < 2) continue;
            for (int k = 0; k < items.size(); k++) {
                int[] it = items.get(k);
                add(found, it[0], it[1], LIST_RULE_PREFIX + ".item");
                itemOf.putIfAbsent(((long) it[0] << 32) | it[1], new int[] {k, items.size()});
            }
        }
        for (var e : found.entrySet()) {
            int from = (int) (e.getKey() >> 32), to = (int) (long) e.getKey();
            if (isPunct(tokens.get(from)) || isPunct(tokens.get(to))) continue;
            int[] item = itemOf.getOrDefault(e.getKey(), new int[] {-1, 0});
            out.add(new Candidate(text(tokens, from, to), from, to, Set.copyOf(e.getValue()), item[0], item[1]));
        }
        out.sort(Comparator.comparingInt(Candidate::from).thenComparingInt(Candidate::to));
        return out;
    }

    /** The first shape of token-shapes.tsv that a word has, or "word". */
    String shape(String word) {
        for (var s : shapes) if (s.getValue().matcher(word).matches()) return s.getKey();
        return "word";
    }

    private static void add(Map<Long, Set<String>> found, int from, int to, String rule) {
        found.computeIfAbsent(((long) from << 32) | to, k -> new LinkedHashSet<>()).add(rule);
    }

    static boolean isPunct(CoreLabel t) {
        String w = t.word();
        for (int i = 0; i < w.length(); i++) if (Character.isLetterOrDigit(w.charAt(i))) return false;
        return true;
    }

    /** The words of tokens {@code from..to} as written (the sentence text between their offsets). */
    static String text(List<CoreLabel> tokens, int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i <= to; i++) {
            CoreLabel t = tokens.get(i);
            if (i > from) b.append(t.get(CoreAnnotations.BeforeAnnotation.class) == null ? " " : t.get(CoreAnnotations.BeforeAnnotation.class));
            b.append(t.originalText() == null ? t.word() : t.originalText());
        }
        return SPACES.matcher(b).replaceAll(" ");
    }
}
