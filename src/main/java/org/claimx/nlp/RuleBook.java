package org.claimx.nlp;

import edu.stanford.nlp.ling.tokensregex.CoreMapExpressionExtractor;
import edu.stanford.nlp.ling.tokensregex.Env;
import edu.stanford.nlp.ling.tokensregex.MatchedExpression;
import edu.stanford.nlp.ling.tokensregex.SequenceMatchRules;
import edu.stanford.nlp.ling.tokensregex.TokenSequencePattern;
import edu.stanford.nlp.ling.tokensregex.parser.TokenSequenceParser;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/**
 * Loads TokensRegex rule files into one expression extractor.
 *
 * <p>Needs: macros (name without {@code $} to regex) from the lexicons, and a folder of
 * {@code *.rules} files read in name order. Produces: an extractor whose matched expressions carry
 * the rule name as their value. String macros ({@code $NAME = "regex"} in column 0) are bound with
 * {@link Env#bindStringRegex} before the rules that use them, since TokensRegex does not expand
 * plain string variables inside text patterns. Each statement is parsed on its own, so that a rule
 * that does not parse is reported with its file and line.
 */
public final class RuleBook {
    private static final Pattern MACRO = Pattern.compile("^\\$([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*\"(.*)\"\\s*$");
    private static final Pattern STATEMENT_START = Pattern.compile("^(?:\\{|\\$|ENV)");

    private final CoreMapExpressionExtractor<MatchedExpression> extractor;
    private final List<String> ruleNames;
    private final Map<String, Pattern> textPatterns;

    private final int anchoredRules;

    private RuleBook(CoreMapExpressionExtractor<MatchedExpression> extractor, List<String> ruleNames, Map<String, Pattern> textPatterns,
                     int anchoredRules) {
        this.extractor = extractor;
        this.anchoredRules = anchoredRules;
        this.ruleNames = List.copyOf(ruleNames);
        this.textPatterns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(textPatterns));
    }

    public CoreMapExpressionExtractor<MatchedExpression> extractor() { return extractor; }

    /** How many text rules try their regex only where a match can begin ({@link AnchoredTextRules}). */
    public int anchoredRules() { return anchoredRules; }

    /** The names of every extraction rule, in file order. */
    public List<String> ruleNames() { return ruleNames; }

    /** The pattern of every text rule with its macros expanded, by rule name, in file order. */
    public Map<String, Pattern> textPatterns() { return textPatterns; }

    public static RuleBook load(Path folder, Map<String, String> lexiconMacros) {
        Env env = TokenSequencePattern.getNewEnv();
        java.util.Set<String> bound = new java.util.TreeSet<>();
        lexiconMacros.forEach((name, regex) -> {
            checkNotPrefix(folder, 0, name, bound);
            env.bindStringRegex("$" + name, regex);
        });
        Extractor extractor = new Extractor(env);
        List<String> names = new ArrayList<>();
        Map<String, Pattern> patterns = new LinkedHashMap<>();
        for (Path file : ruleFiles(folder)) {
            loadFile(file, env, extractor, names, patterns, bound);
        }
        int anchored = extractor.appended == null ? 0 : AnchoredTextRules.install(extractor.appended);
        return new RuleBook(extractor, names, patterns, anchored);
    }

    /** The expression extractor, keeping the rules TokensRegex's parser appends (for {@link AnchoredTextRules}). */
    private static final class Extractor extends CoreMapExpressionExtractor<MatchedExpression> {
        List<SequenceMatchRules.Rule> appended;  // no initialiser: the super constructor already appends

        Extractor(Env env) {
            super(env, new ArrayList<>());
        }

        @Override
        public void appendRules(List<SequenceMatchRules.Rule> rules) {
            if (appended == null) appended = new ArrayList<>();
            appended.addAll(rules);
            super.appendRules(rules);
        }
    }

    /** The {@code *.rules} files of a folder in name order; none is an error naming the folder. */
    public static List<Path> ruleFiles(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            List<Path> files = s.filter(p -> p.getFileName().toString().endsWith(".rules")).sorted().toList();
            if (files.isEmpty()) throw new RuleException(folder, 0, "no *.rules files");
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list rule folder " + folder + ": " + e.getMessage(), e);
        }
    }

    private static void loadFile(Path file, Env env, CoreMapExpressionExtractor<MatchedExpression> extractor, List<String> names,
                                 Map<String, Pattern> patterns, java.util.Set<String> bound) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule file " + file + ": " + e.getMessage(), e);
        }
        for (Statement st : statements(lines)) {
            Matcher m = MACRO.matcher(st.text().strip());
            if (m.matches()) {
                checkNotPrefix(file, st.line(), m.group(1), bound);
                bindMacro(file, st.line(), env, m.group(1), unquote(m.group(2)));
                continue;
            }
            String regex = checkBounded(file, st.line(), st.text(), env);
            try {
                new TokenSequenceParser().updateExpressionExtractor(extractor, new StringReader(st.text()));
            } catch (Exception | Error e) {
                if (e instanceof OutOfMemoryError o) throw o;  // a heap too small, no fault of the rule
                throw new RuleException(file, st.line(), "rule does not parse: " + describe(e));
            }
            Matcher name = Pattern.compile("name:\\s*\"([^\"]+)\"").matcher(st.text());
            if (name.find()) {
                names.add(name.group(1));
                if (regex != null) patterns.put(name.group(1), compile(file, st.line(), regex));
            }
        }
    }

    /**
     * TokensRegex expands {@code $Q} inside {@code $QUAL} when both are bound, so a macro name that
     * begins another one would silently break every rule that uses the longer one.
     */
    private static void checkNotPrefix(Path file, int line, String name, java.util.Set<String> bound) {
        for (String other : bound) {
            if (!other.equals(name) && (other.startsWith(name) || name.startsWith(other))) {
                throw new RuleException(file, line, "macro $" + name + " and macro $" + other
                        + " begin alike; TokensRegex would expand the shorter inside the longer: rename one");
            }
        }
        bound.add(name);
    }

    private static void bindMacro(Path file, int line, Env env, String name, String regex) {
        String expanded = env.expandStringRegex(regex);
        try {
            Pattern.compile(expanded);
        } catch (PatternSyntaxException e) {
            throw new RuleException(file, line, "macro $" + name + " is not a valid regex: " + e.getDescription());
        }
        int at = unboundedGroupRepetition(expanded);
        if (at >= 0) throw new RuleException(file, line, "macro $" + name + ": " + unboundedMessage(expanded, at));
        env.bindStringRegex("$" + name, expanded);
    }

    private static final Pattern TEXT_PATTERN = Pattern.compile("pattern:\\s*/((?:\\\\.|[^\\\\/])*)/");

    /**
     * The pattern of a text rule, macros expanded (null for a statement that has none); a pattern that
     * repeats a group without a bound is refused, naming its rule.
     */
    private static String checkBounded(Path file, int line, String statement, Env env) {
        Matcher p = TEXT_PATTERN.matcher(statement);
        if (!p.find()) return null;
        String regex = env.expandStringRegex(p.group(1).replace("\\/", "/"));
        int at = unboundedGroupRepetition(regex);
        if (at < 0) return regex;
        Matcher name = Pattern.compile("name:\\s*\"([^\"]+)\"").matcher(statement);
        throw new RuleException(file, line, (name.find() ? "rule " + name.group(1) + ": " : "") + unboundedMessage(regex, at));
    }

    private static Pattern compile(Path file, int line, String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new RuleException(file, line, "rule pattern is not a valid regex: " + e.getDescription());
        }
    }

    private static String unboundedMessage(String regex, int at) {
        int end = Math.min(regex.length(), at + 3);
        return "a group repeated without a bound (..." + regex.substring(Math.max(0, at - 40), end) + "): Java's regex goes"
                + " one stack frame deeper for each repetition, so a long input overflows the stack; give it a bound"
                + " ({0,20}) or make it possessive (*+, ++)";
    }

    /**
     * The index of the last character of the escape that starts with the backslash at {@code i}: the
     * next character, or the end of a {@code \Q...\E} quote; -1 for a quote that is never closed.
     */
    static int escapeEnd(String regex, int i) {
        if (i + 1 < regex.length() && regex.charAt(i + 1) == 'Q') {
            int e = regex.indexOf("\\E", i + 2);
            return e < 0 ? -1 : e + 1;
        }
        return i + 1;
    }

    /**
     * Where {@code regex} repeats a group without an upper bound ({@code (...)*}, {@code (...)+},
     * {@code (...){2,}}, not possessive), as the index of the group's closing parenthesis; -1 if
     * nowhere. java.util.regex matches each turn of such a group one call deeper, so its stack depth
     * grows with the input ("1 x 1 x 1 x ..." overflowed it); a bounded or possessive group does not.
     * Repeated characters and classes ({@code \d+}, {@code [\w-]*}) are matched in a loop and allowed.
     */
    static int unboundedGroupRepetition(String regex) {
        int classDepth = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i = escapeEnd(regex, i);
                if (i < 0) return -1;
                continue;
            }
            if (c == '[') {
                classDepth++;
                continue;
            }
            if (classDepth > 0) {
                if (c == ']') classDepth--;
                continue;
            }
            if (c != ')' || i + 1 >= regex.length()) continue;
            char q = regex.charAt(i + 1);
            int after;
            if (q == '*' || q == '+') {
                after = i + 2;
            } else if (q == '{') {
                int close = regex.indexOf('}', i + 1);
                if (close < 0 || !regex.substring(i + 2, close).endsWith(",")) continue;
                after = close + 1;
            } else {
                continue;
            }
            if (after < regex.length() && regex.charAt(after) == '+') continue;
            return i;
        }
        return -1;
    }

    public static String describe(Throwable e) {
        String msg = e.getMessage();
        Throwable cause = e.getCause();
        while ((msg == null || msg.isBlank()) && cause != null) {
            msg = cause.getMessage();
            cause = cause.getCause();
        }
        if (msg == null) msg = e.getClass().getSimpleName();
        int nl = msg.indexOf('\n');
        return nl > 0 ? msg.substring(0, nl) : msg;
    }

    /** TokensRegex string literals escape backslash and quote the Java way. */
    private static String unquote(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && (s.charAt(i + 1) == '\\' || s.charAt(i + 1) == '"')) {
                b.append(s.charAt(++i));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** One statement of a rule file and the line it starts on. */
    public record Statement(int line, String text) {}

    /** Splits a rule file into statements: each starts in column 0 and runs until the next one. */
    public static List<Statement> statements(List<String> lines) {
        List<Statement> out = new ArrayList<>();
        StringBuilder cur = null;
        int start = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || trimmed.startsWith("//")) {
                if (cur != null) cur.append('\n');
                continue;
            }
            if (STATEMENT_START.matcher(line).find()) {
                if (cur != null) out.add(new Statement(start, cur.toString()));
                cur = new StringBuilder(line);
                start = i + 1;
            } else if (cur != null) {
                cur.append('\n').append(line);
            } else if (!trimmed.isEmpty()) {
                out.add(new Statement(i + 1, line));
            }
        }
        if (cur != null) out.add(new Statement(start, cur.toString()));
        return out;
    }

    /**
     * Builds macro regexes from lexicon rows: every surface of one macro name joined as alternatives.
     * Where the first character of every surface is known, the alternatives sit behind a lookahead on
     * those characters: Java tries each alternative at each position in turn, and an optional macro
     * such as {@code (?:$QUAL\\s*)?} at the head of a rule would otherwise try all of them at every
     * character of every sentence. The lookahead only fails where no alternative could match.
     * In a macro of {@code wordMacros} (words such as "up to", "over"), a surface that begins with a
     * letter begins a word: "moreover 2x" holds no "over".
     */
    public static Map<String, String> joinMacros(Map<String, List<String>> surfacesByMacro, java.util.Set<String> wordMacros) {
        Map<String, String> out = new LinkedHashMap<>();
        surfacesByMacro.forEach((name, surfaces) -> {
            if (!wordMacros.contains(name)) {
                out.put(name, alternatives(surfaces));
                return;
            }
            // A word and a symbol never match at the same place, so the two groups keep every match.
            List<String> words = surfaces.stream().filter(RuleBook::startsWithLetter).toList();
            List<String> symbols = surfaces.stream().filter(s -> !startsWithLetter(s)).toList();
            StringBuilder b = new StringBuilder("(?:");
            String first = firstChars(surfaces);
            if (first != null) b.append("(?=[").append(first).append("])");
            b.append("(?:");
            if (!words.isEmpty()) b.append("(?<![A-Za-z])").append(alternatives(words));
            if (!words.isEmpty() && !symbols.isEmpty()) b.append('|');
            if (!symbols.isEmpty()) b.append(alternatives(symbols));
            out.put(name, b.append("))").toString());
        });
        return out;
    }

    /**
     * The surfaces as one alternation. A surface gets a group of its own only when it needs one (it holds
     * a '|' or a group or flag of its own); when every surface turns on {@code (?i)}, one {@code (?i:...)}
     * holds them all. Each group costs a matcher a slot to reset at every place a rule is tried.
     */
    private static String alternatives(List<String> surfaces) {
        StringBuilder b = new StringBuilder("(?:");
        String first = firstChars(surfaces);
        if (first != null) b.append("(?=[").append(first).append("])");
        boolean allCaseInsensitive = surfaces.stream().allMatch(s -> s.startsWith("(?i)"));
        b.append(allCaseInsensitive ? "(?i:" : "(?:");
        for (int i = 0; i < surfaces.size(); i++) {
            if (i > 0) b.append('|');
            String s = allCaseInsensitive ? surfaces.get(i).substring(4) : surfaces.get(i);
            if (standsAlone(s)) b.append(s);
            else b.append("(?:").append(s).append(')');
        }
        return b.append("))").toString();
    }

    /** Whether a surface can stand as an alternative without a group: no '|', no group, no flags, no trailing escape. */
    static boolean standsAlone(String surface) {
        if (surface.isEmpty()) return false;
        if (surface.startsWith("\\Q") && surface.endsWith("\\E") && surface.indexOf("\\E") == surface.length() - 2) return true;
        if (surface.indexOf('|') >= 0 || surface.contains("(?") || surface.contains("\\Q")) return false;
        int backslashes = 0;
        for (int i = surface.length() - 1; i >= 0 && surface.charAt(i) == '\\'; i--) backslashes++;
        return backslashes % 2 == 0;
    }

    private static boolean startsWithLetter(String surface) {
        String s = surface.startsWith("(?i)") ? surface.substring(4) : surface;
        return !s.isEmpty() && Character.isLetter(s.codePointAt(0));
    }

    private static final String META = "\\[](){}.*+?^$|";

    /**
     * The characters that can begin a match of any of the surfaces, as the body of a character class;
     * null when some surface does not begin with a plain character (a class, a group, an escape) or
     * may match the empty string.
     */
    static String firstChars(List<String> surfaces) {
        StringBuilder cls = new StringBuilder();
        for (String s : surfaces) {
            if (s.startsWith("(?i)")) s = s.substring(4);
            if (s.startsWith("\\Q")) s = s.substring(2);
            else if (!s.isEmpty() && META.indexOf(s.codePointAt(0)) >= 0) return null;
            if (s.isEmpty()) return null;
            int c = s.codePointAt(0);
            int next = s.length() > Character.charCount(c) ? s.codePointAt(Character.charCount(c)) : -1;
            if (next == '?' || next == '*' || next == '{') return null;
            // Both cases always: a case-sensitive surface may stand in a rule that turns on (?i).
            for (int v : new int[] {Character.toLowerCase(c), Character.toUpperCase(c)}) {
                String ch = "-&~^[]\\".indexOf(v) >= 0 ? "\\" + Character.toString(v) : Character.toString(v);
                if (cls.indexOf(ch) < 0) cls.append(ch);
            }
        }
        return cls.isEmpty() ? null : cls.toString();
    }
}
