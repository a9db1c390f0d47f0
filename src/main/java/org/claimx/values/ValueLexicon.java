package org.claimx.values;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.claimx.model.Qualifier;
import org.claimx.model.Unit;
import org.claimx.nlp.RuleBook;
import org.claimx.nlp.RuleException;
import org.claimx.nlp.Tsv;

/**
 * The lexicons the value layer reads: units, magnitudes, qualifiers and number words. Each serves
 * twice: as rule macros ({@code $UNIT_X}, {@code $QUAL}, ...) that the value rules match with, and as
 * the table the parser uses to turn the matched surface into its canonical meaning.
 */
public final class ValueLexicon {
    record UnitSurface(String macro, Unit unit, Pattern prefix, String regex) {}

    record Magnitude(Pattern prefix, String regex, double factor) {}

    record QualifierSurface(Pattern prefix, String regex, Qualifier qualifier) {}

    /** A number word: a count ("seven"), a fraction ("half"), or times on its own ("twice", "doubles", "sevenfold"). */
    record NumberWord(String surface, double value, boolean fraction, boolean times) {}

    private final List<UnitSurface> units;
    private final List<Magnitude> magnitudes;
    private final List<QualifierSurface> qualifiers;
    private final Map<String, NumberWord> numberWords;
    private final List<Pattern> leadContext;
    private final List<Pattern> trailContext;

    private ValueLexicon(List<UnitSurface> units, List<Magnitude> magnitudes, List<QualifierSurface> qualifiers,
                         Map<String, NumberWord> numberWords, List<Pattern> leadContext, List<Pattern> trailContext) {
        this.units = units;
        this.magnitudes = magnitudes;
        this.qualifiers = qualifiers;
        this.numberWords = numberWords;
        this.leadContext = leadContext;
        this.trailContext = trailContext;
    }

    public static ValueLexicon load(Path lexiconDir) {
        List<UnitSurface> units = new ArrayList<>();
        Tsv u = Tsv.read(lexiconDir.resolve("units.tsv"), 3);
        for (Tsv.Row r : u.rows()) {
            Unit unit;
            try {
                unit = Unit.of(r.col(1));
            } catch (IllegalArgumentException e) {
                throw new RuleException(u.file(), r.line(), e.getMessage());
            }
            units.add(new UnitSurface(r.col(0), unit, prefix(u.file(), r, r.col(2)), r.col(2)));
        }
        List<Magnitude> mags = new ArrayList<>();
        Tsv m = Tsv.read(lexiconDir.resolve("magnitudes.tsv"), 2);
        for (Tsv.Row r : m.rows()) {
            mags.add(new Magnitude(prefix(m.file(), r, r.col(0)), r.col(0), number(m.file(), r, r.col(1))));
        }
        List<QualifierSurface> quals = new ArrayList<>();
        Tsv q = Tsv.read(lexiconDir.resolve("qualifiers.tsv"), 2);
        for (Tsv.Row r : q.rows()) {
            Qualifier qual;
            try {
                qual = Qualifier.of(r.col(1));
            } catch (IllegalArgumentException e) {
                throw new RuleException(q.file(), r.line(), e.getMessage());
            }
            quals.add(new QualifierSurface(prefix(q.file(), r, r.col(0)), r.col(0), qual));
        }
        Map<String, NumberWord> words = new LinkedHashMap<>();
        Tsv n = Tsv.read(lexiconDir.resolve("numbers.tsv"), 3);
        for (Tsv.Row r : n.rows()) {
            String kind = r.col(2);
            if (!kind.equals("count") && !kind.equals("fraction") && !kind.equals("times")) {
                throw new RuleException(n.file(), r.line(), "kind must be count, fraction or times: " + kind);
            }
            words.put(r.col(0).toLowerCase(Locale.ROOT),
                    new NumberWord(r.col(0), number(n.file(), r, r.col(1)), kind.equals("fraction"),
                            kind.equals("times")));
        }
        List<Pattern> lead = new ArrayList<>();
        List<Pattern> trail = new ArrayList<>();
        Tsv c = Tsv.read(lexiconDir.resolve("value-context.tsv"), 2);
        for (Tsv.Row r : c.rows()) {
            switch (r.col(0)) {
                case "lead" -> lead.add(compile(c, r, "(?i)^(?:" + r.col(1) + ")"));
                case "trail" -> trail.add(compile(c, r, "(?i)(?:" + r.col(1) + ")$"));
                default -> throw new RuleException(c.file(), r.line(), "where must be lead or trail: " + r.col(0));
            }
        }
        return new ValueLexicon(List.copyOf(units), List.copyOf(mags), List.copyOf(quals), Map.copyOf(words),
                List.copyOf(lead), List.copyOf(trail));
    }

    private static Pattern compile(Tsv t, Tsv.Row r, String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new RuleException(t.file(), r.line(), "bad regex: " + e.getDescription());
        }
    }

    /** How many characters of context a match starts and ends with (see value-context.tsv). */
    int[] context(String match) {
        int lead = 0;
        for (Pattern p : leadContext) {
            Matcher m = p.matcher(match);
            if (m.find() && m.end() < match.length()) {
                lead = m.end();
                break;
            }
        }
        int trail = 0;
        String rest = match.substring(lead);
        for (Pattern p : trailContext) {
            Matcher m = p.matcher(rest);
            if (m.find() && m.start() > 0) {
                trail = rest.length() - m.start();
                break;
            }
        }
        return new int[] {lead, trail};
    }

    private static Pattern prefix(Path file, Tsv.Row r, String regex) {
        try {
            return Pattern.compile("^\\s*(?:" + regex + ")");
        } catch (PatternSyntaxException e) {
            throw new RuleException(file, r.line(), "bad regex: " + e.getDescription() + ": " + regex);
        }
    }

    private static double number(Path file, Tsv.Row r, String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new RuleException(file, r.line(), "not a number: " + s);
        }
    }

    /** The macros the value rules use: one per unit group, plus QUAL, MAG, WORDNUM, WORDFRAC. */
    public Map<String, String> macros() {
        Map<String, List<String>> byMacro = new LinkedHashMap<>();
        for (UnitSurface s : units) byMacro.computeIfAbsent(s.macro(), k -> new ArrayList<>()).add(s.regex());
        byMacro.put("MAG", magnitudes.stream().map(Magnitude::regex).toList());
        List<String> q = new ArrayList<>(qualifiers.stream().map(QualifierSurface::regex).toList());
        byMacro.put("QUAL", q);
        List<String> count = new ArrayList<>();
        List<String> frac = new ArrayList<>();
        List<String> times = new ArrayList<>();
        numberWords.values().stream()
                .sorted((a, b) -> b.surface().length() - a.surface().length())
                .forEach(w -> (w.times() ? times : w.fraction() ? frac : count).add(Pattern.quote(w.surface())));
        byMacro.put("WORDNUM", count);
        byMacro.put("WORDFRAC", frac);
        byMacro.put("WORDTIMES", times);
        return RuleBook.joinMacros(byMacro, java.util.Set.of("QUAL"));
    }

    /**
     * What every value contains: a digit, or a number or fraction word of the lexicon, or an order of
     * magnitude. A sentence without one holds no value, and the value rules need not look at it.
     */
    public Pattern trigger() {
        StringBuilder words = new StringBuilder();
        // Whole surfaces: a part of one ("a" of "a hundred") would let nearly every sentence through.
        for (NumberWord w : numberWords.values()) {
            words.append(words.isEmpty() ? "" : "|");
            String[] parts = w.surface().split("[\\s-]+");
            for (int i = 0; i < parts.length; i++) words.append(i > 0 ? "[\\s-]+" : "").append(Pattern.quote(parts[i]));
        }
        return Pattern.compile("\\d|(?i)\\b(?:" + words + "|orders?\\s+of\\s+magnitude|halv\\w*|thirds?|quarters?)\\b");
    }

    /** A qualifier at the start of {@code s}, and how many characters it takes; null if none. */
    Prefix<Qualifier> qualifierAt(String s) {
        for (QualifierSurface q : qualifiers) {
            Matcher m = q.prefix().matcher(s);
            if (m.find()) return new Prefix<>(q.qualifier(), m.end());
        }
        return null;
    }

    Prefix<Unit> unitAt(String s) {
        for (UnitSurface u : units) {
            Matcher m = u.prefix().matcher(s);
            if (m.find()) return new Prefix<>(u.unit(), m.end());
        }
        return null;
    }

    Prefix<Double> magnitudeAt(String s) {
        for (Magnitude g : magnitudes) {
            Matcher m = g.prefix().matcher(s);
            if (m.find()) return new Prefix<>(g.factor(), m.end());
        }
        return null;
    }

    NumberWord numberWord(String s) {
        return numberWords.get(s.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip());
    }

    /** Something recognised at the start of a string, and its length there. */
    record Prefix<T>(T value, int length) {}
}
