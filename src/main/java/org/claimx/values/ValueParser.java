package org.claimx.values;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimx.model.Bits;
import org.claimx.model.Qualifier;
import org.claimx.model.Unit;
import org.claimx.model.Value;

/**
 * Resolves a value mention (the rule that matched and the text it matched) to a {@link Value}: the
 * figure or range, the canonical unit, the qualifier, and bit widths for precisions. The rule family
 * (the first part of the rule name) says how to read the text; the lexicons say what its words mean.
 * Returns empty for a match it cannot read, so a loose rule costs a missed value, never a wrong one.
 */
public final class ValueParser {
    private static final Pattern NUMBER = Pattern.compile("\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|\\.\\d+");
    private static final Pattern WAKV = Pattern.compile("W(\\d+(?:\\.\\d+)?)(?:A(\\d+))?(?:KV(\\d+))?");
    private static final Pattern TYPE_WIDTH = Pattern.compile("[A-Za-z]+-?(\\d+)$");
    private static final Pattern WORD_THEN_UNIT = Pattern.compile("(?i)([a-z]+(?:[ -][a-z]+)?)\\s+(\\S.*)");
    private static final Pattern ONE_WORD_THEN_UNIT = Pattern.compile("(?i)([a-z]+)\\s+(\\S.*)");
    private static final Pattern SLASH = Pattern.compile("(\\d+)/(\\d+)");
    private static final Pattern OUT_OF = Pattern.compile("(?i)(\\d+)\\s+out\\s+of\\s+(\\d+)");
    private static final Pattern FACTOR_OF = Pattern.compile("(?i)^(?:by\\s+)?an?\\s+factor\\s+of\\s+");
    private static final Pattern ORDER = Pattern.compile("(?i)(an?|one|two|three|several)\\s+orders?");

    private final ValueLexicon lexicon;

    public ValueParser(ValueLexicon lexicon) {
        this.lexicon = lexicon;
    }

    public Optional<Value> parse(String rule, String text) {
        String family = rule.contains(".") ? rule.substring(0, rule.indexOf('.')) : rule;
        Qualifier qualifier = null;
        String rest = text;
        ValueLexicon.Prefix<Qualifier> q = lexicon.qualifierAt(rest);
        if (q != null) {
            qualifier = q.value();
            rest = rest.substring(q.length()).stripLeading();
        }
        return switch (family) {
            case "precision" -> precision(rule, text, rest, qualifier);
            case "figure" -> rest.matches("(?s).*\\d\\s?-?\\s?(?i:bits?)$")
                    ? precision(rule, text, rest, qualifier) : figure(text, rest, qualifier, null);
            case "range" -> range(text, rest, qualifier);
            case "score-range" -> scoreRange(text, rest, qualifier);
            case "multiplier" -> multiplier(rule, text, rest, qualifier);
            case "fraction" -> fraction(text, rest, qualifier);
            case "score" -> figure(text, rest, qualifier, Unit.NONE);
            // "4.5 Dice points": the metric's name between the figure and the unit is not part of the value.
            case "metric-points" -> figure(text, rest.replaceFirst("\\s+\\S+(\\s+(?i:points?|pts)\\b)", "$1"), qualifier, null);
            case "money" -> figure(text, rest.replaceFirst("^\\$\\s*", ""), qualifier, Unit.DOLLARS);
            default -> figure(text, rest, qualifier, null);
        };
    }

    private Optional<Value> precision(String rule, String text, String rest, Qualifier qualifier) {
        Matcher w = WAKV.matcher(rest);
        if (rule.endsWith("w-a-kv") && w.find()) {
            Bits bits = new Bits(dbl(w.group(1)), dbl(w.group(2)), dbl(w.group(3)));
            return Optional.of(new Value(text, null, null, null, Unit.BITS, qualifier, bits));
        }
        Matcher t = TYPE_WIDTH.matcher(rest);
        if (rule.endsWith("type-width") && t.find()) {
            return Optional.of(Value.single(text, Double.parseDouble(t.group(1)), Unit.BITS, qualifier));
        }
        List<Double> nums = numbers(rest);
        if (nums.size() == 1) return Optional.of(Value.single(text, nums.get(0), Unit.BITS, qualifier));
        if (nums.size() == 2) return Optional.of(Value.range(text, nums.get(0), nums.get(1), Unit.BITS, qualifier));
        return Optional.empty();
    }

    private Optional<Value> range(String text, String rest, Qualifier qualifier) {
        List<Double> nums = numbers(rest);
        if (nums.size() != 2 || nums.get(0) >= nums.get(1)) return Optional.empty();
        Unit unit = null;
        Matcher m = NUMBER.matcher(rest);
        int lastEnd = 0;
        while (m.find()) lastEnd = m.end();
        ValueLexicon.Prefix<Unit> u = lexicon.unitAt(rest.substring(lastEnd));
        if (u != null) unit = u.value();
        if (unit == null) return Optional.empty();
        return Optional.of(Value.range(text, nums.get(0), nums.get(1), unit, qualifier));
    }

    /**
     * A figure with its sign: a minus counts where it does not join the figure to a digit before it
     * ("0.56-0.69") and is not the second half of a dash ("0.56--0.69", LaTeX's en dash).
     */
    private static final Pattern SIGNED = Pattern.compile("(?:(?<![\\d.\\-−])[-−]\\s?)?(?<![\\d.])(?:\\d+(?:\\.\\d+)?|\\.\\d+)");

    /** Two unitless scores, lower first whichever way they are written ("-0.53 to -0.64" is -0.64 to -0.53). */
    private static Optional<Value> scoreRange(String text, String rest, Qualifier qualifier) {
        List<Double> nums = new ArrayList<>();
        Matcher m = SIGNED.matcher(rest);
        while (m.find()) nums.add(Double.parseDouble(m.group().replace("−", "-").replaceAll("\\s", "")));
        if (nums.size() != 2 || nums.get(0).equals(nums.get(1))) return Optional.empty();
        return Optional.of(Value.range(text, Math.min(nums.get(0), nums.get(1)), Math.max(nums.get(0), nums.get(1)), Unit.NONE, qualifier));
    }

    private Optional<Value> multiplier(String rule, String text, String rest, Qualifier qualifier) {
        if (rule.endsWith("order-of-magnitude")) {
            Matcher m = ORDER.matcher(rest);
            if (!m.find()) return Optional.empty();
            String n = m.group(1).toLowerCase(Locale.ROOT);
            double orders = switch (n) {
                case "two" -> 2;
                case "three" -> 3;
                default -> 1;
            };
            if (n.equals("several")) return Optional.empty();
            return Optional.of(Value.single(text, Math.pow(10, orders), Unit.X, qualifier == null ? Qualifier.ABOUT : qualifier));
        }
        if (rule.endsWith("factor-of")) {
            // "by a factor of 17.5": the figure after the words, with its own qualifier if it has one.
            String figure = FACTOR_OF.matcher(rest).replaceFirst("");
            ValueLexicon.Prefix<Qualifier> q = lexicon.qualifierAt(figure);
            if (q != null) {
                if (qualifier == null) qualifier = q.value();
                figure = figure.substring(q.length()).stripLeading();
            }
            return figure(text, figure, qualifier, Unit.X);
        }
        if (rule.endsWith("times-word")) {
            ValueLexicon.NumberWord w = lexicon.numberWord(rest.strip());
            if (w == null || !w.times()) return Optional.empty();
            return Optional.of(Value.single(text, w.value(), Unit.X, qualifier));
        }
        if (rule.endsWith("word-times")) {
            String word = rest.replaceFirst("(?i)(?:\\s+|-)(?:times|fold)\\b.*$", "");
            ValueLexicon.NumberWord w = lexicon.numberWord(word);
            if (w == null || w.fraction()) return Optional.empty();
            return Optional.of(Value.single(text, w.value(), Unit.X, qualifier));
        }
        return figure(text, rest, qualifier, Unit.X);
    }

    private Optional<Value> fraction(String text, String rest, Qualifier qualifier) {
        Matcher slash = SLASH.matcher(rest.strip());
        if (!slash.matches()) slash = OUT_OF.matcher(rest.strip());
        if (slash.matches()) {
            // A part of a whole: "12 out of 13", "103/230"; "12/5" is no fraction (a date, a ratio).
            if (Double.parseDouble(slash.group(1)) > Double.parseDouble(slash.group(2)) || slash.group(2).matches("0+")) {
                return Optional.empty();
            }
            double value = Double.parseDouble(slash.group(1)) / Double.parseDouble(slash.group(2));
            return Optional.of(Value.single(text, Math.round(value * 10000) / 10000.0, Unit.FRACTION, qualifier));
        }
        String words = rest.toLowerCase(Locale.ROOT).strip();
        ValueLexicon.NumberWord w = lexicon.numberWord(words);
        if (w == null) w = lexicon.numberWord(words.replaceFirst("^(?:a|one)\\s+", "one "));
        if (w == null) w = lexicon.numberWord(words.replaceFirst("^a\\s+", ""));
        if (w == null || !w.fraction()) return Optional.empty();
        return Optional.of(Value.single(text, w.value(), Unit.FRACTION, qualifier));
    }

    /** One figure, an optional magnitude, and a unit (given, or read from the text after the figure). */
    private Optional<Value> figure(String text, String rest, Qualifier qualifier, Unit given) {
        // A minus sign written before the figure ("-0.35", "−11%") makes it negative; a plus changes nothing.
        boolean negative = rest.startsWith("-") || rest.startsWith("−");
        String s = rest.replaceFirst("^[+\\-−]\\s?", "");
        Matcher word = WORD_THEN_UNIT.matcher(s);
        if (word.matches() && lexicon.numberWord(word.group(1)) == null) {
            // "six percentage points": a one-word number before a unit of two words.
            word = ONE_WORD_THEN_UNIT.matcher(s);
        }
        if (word.matches() && lexicon.numberWord(word.group(1)) != null) {
            // "two hours", "twenty percent", "six percentage points": a number word before a unit.
            ValueLexicon.NumberWord w = lexicon.numberWord(word.group(1));
            ValueLexicon.Prefix<Unit> u = lexicon.unitAt(word.group(2));
            if (w.fraction() || w.times() || (u == null && given == null)) return Optional.empty();
            return Optional.of(Value.single(text, w.value(), given != null ? given : u.value(), qualifier));
        }
        Matcher m = NUMBER.matcher(s);
        if (!m.find() || m.start() != 0) return Optional.empty();
        double number = Double.parseDouble(m.group().replace(",", ""));
        if (negative) number = -number;
        String after = s.substring(m.end());
        if (after.startsWith("+")) {
            if (qualifier == null) qualifier = Qualifier.MORE_THAN;
            after = after.substring(1);
        }
        ValueLexicon.Prefix<Double> mag = lexicon.magnitudeAt(after);
        Unit unit = given;
        if (mag != null) {
            String afterMag = after.substring(mag.length());
            ValueLexicon.Prefix<Unit> u = lexicon.unitAt(afterMag);
            if (u != null || given != null) {
                number *= mag.value();
                if (unit == null) unit = u.value();
                after = afterMag;
            }
        }
        if (unit == null) {
            ValueLexicon.Prefix<Unit> u = lexicon.unitAt(after);
            // A unit joined by a hyphen, as an adjective: "a 6.3-point gain".
            if (u == null && after.startsWith("-")) u = lexicon.unitAt(after.substring(1));
            if (u == null) return Optional.empty();
            unit = u.value();
        }
        return Optional.of(Value.single(text, number, unit, qualifier));
    }

    private static List<Double> numbers(String s) {
        List<Double> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(s);
        while (m.find()) out.add(Double.parseDouble(m.group().replace(",", "")));
        return out;
    }

    private static Double dbl(String s) {
        return s == null ? null : Double.parseDouble(s);
    }
}
