package org.claimx.eval;

import com.fasterxml.jackson.core.io.NumberOutput;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Iterator;
import java.util.Map;

/**
 * Python's semantics on JSON trees, as far as the reference scorer (shared/tools/claimscore.py) relies
 * on them: {@code dict.get}, truthiness, {@code ==}, {@code str}, {@code repr}, and string indices
 * counted in code points. The scorer must give the python's figures and messages exactly, so every
 * place where Java's defaults differ (JsonNode.equals tells 1 from 1.0, String indices count UTF-16
 * units, Double.toString is not python's float repr) goes through here.
 */
final class Py {
    private static final ObjectNode EMPTY = JsonNodeFactory.instance.objectNode();

    private Py() {}

    /** {@code d.get(key)}: a missing key and a JSON null are both None. */
    static JsonNode get(JsonNode d, String key) {
        JsonNode v = d == null ? null : d.get(key);
        return v == null || v.isNull() || v.isMissingNode() ? null : v;
    }

    /** {@code x or {}} for a value that is then read as a dict. */
    static JsonNode obj(JsonNode v) {
        if (v != null && v.isObject()) return v;
        if (!truthy(v)) return EMPTY;
        throw new IllegalArgumentException("expected a JSON object, got " + repr(v));
    }

    static boolean truthy(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) return false;
        if (v.isBoolean()) return v.booleanValue();
        if (v.isNumber()) return v.isIntegralNumber() ? v.bigIntegerValue().signum() != 0 : v.doubleValue() != 0.0;
        if (v.isTextual()) return !v.textValue().isEmpty();
        if (v.isContainerNode()) return v.size() > 0;
        return true;
    }

    /** Python {@code s.strip()}: its whitespace is Java's plus the no-break spaces and U+0085. */
    static String strip(String s) {
        int b = 0, e = s.length();
        while (b < e && isSpace(s.charAt(b))) b++;
        while (e > b && isSpace(s.charAt(e - 1))) e--;
        return s.substring(b, e);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    /** The text of a JSON string, or null for anything else. */
    static String text(JsonNode v) {
        return v != null && v.isTextual() ? v.textValue() : null;
    }

    /** Python {@code a == b}: bools are the ints 0 and 1, ints and floats compare by exact value. */
    static boolean eq(JsonNode a, JsonNode b) {
        a = a == null || a.isMissingNode() || a.isNull() ? null : a;
        b = b == null || b.isMissingNode() || b.isNull() ? null : b;
        if (a == null || b == null) return a == b;
        if (isNumeric(a) && isNumeric(b)) return numericEq(a, b);
        if (a.isTextual() && b.isTextual()) return a.textValue().equals(b.textValue());
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) return false;
            for (int i = 0; i < a.size(); i++) if (!eq(a.get(i), b.get(i))) return false;
            return true;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) return false;
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!b.has(e.getKey()) || !eq(e.getValue(), b.get(e.getKey()))) return false;
            }
            return true;
        }
        return false;
    }

    /**
     * A key that is equal for two values exactly when python's {@code ==} (and so dict lookup) is.
     * Lists and dicts are unhashable in python, so they are refused here too.
     */
    static Object hashKey(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) return null;
        if (v.isTextual()) return v.textValue();
        if (isNumeric(v)) {
            BigDecimal d = exact(v);
            return d == null ? (Object) v.doubleValue() : d.stripTrailingZeros();
        }
        throw new IllegalArgumentException("unhashable value " + repr(v));
    }

    /** Python {@code float(x)} of a JSON value. */
    static double toFloat(JsonNode v) {
        if (v.isBoolean()) return v.booleanValue() ? 1.0 : 0.0;
        if (v.isNumber()) return v.doubleValue();
        if (v.isTextual()) return parseFloat(v.textValue());
        throw new IllegalArgumentException("float() argument must be a string or a number, not " + repr(v));
    }

    private static double parseFloat(String s) {
        String t = s.strip().replace("_", "").toLowerCase(java.util.Locale.ROOT);
        String u = t.startsWith("+") || t.startsWith("-") ? t.substring(1) : t;
        double sign = t.startsWith("-") ? -1.0 : 1.0;
        if (u.equals("inf") || u.equals("infinity")) return sign * Double.POSITIVE_INFINITY;
        if (u.equals("nan")) return Double.NaN;
        if (!u.isEmpty() && u.chars().allMatch(c -> "0123456789.e+-".indexOf(c) >= 0)) {
            try {
                return Double.parseDouble(t);
            } catch (NumberFormatException ignored) {
                // falls through to python's message
            }
        }
        throw new IllegalArgumentException("could not convert string to float: " + repr(s));
    }

    /** Python {@code str(x)}: a string as it is, None for null, repr for the rest. */
    static String str(JsonNode v) {
        return v != null && v.isTextual() ? v.textValue() : repr(v);
    }

    /** Python {@code repr(x)} of a value json.loads could have produced. */
    static String repr(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) return "None";
        if (v.isBoolean()) return v.booleanValue() ? "True" : "False";
        if (v.isIntegralNumber()) return v.bigIntegerValue().toString();
        if (v.isNumber()) return floatRepr(v.doubleValue());
        if (v.isTextual()) return repr(v.textValue());
        StringBuilder b = new StringBuilder();
        if (v.isArray()) {
            b.append('[');
            for (int i = 0; i < v.size(); i++) b.append(i > 0 ? ", " : "").append(repr(v.get(i)));
            return b.append(']').toString();
        }
        b.append('{');
        String sep = "";
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); sep = ", ") {
            Map.Entry<String, JsonNode> e = it.next();
            b.append(sep).append(repr(e.getKey())).append(": ").append(repr(e.getValue()));
        }
        return b.append('}').toString();
    }

    /** Python {@code repr(s)} of a str: single quotes unless only double quotes avoid escaping. */
    static String repr(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder b = new StringBuilder(s.length() + 2).append(quote);
        s.codePoints().forEach(cp -> {
            if (cp == quote || cp == '\\') b.append('\\').appendCodePoint(cp);
            else if (cp == '\t') b.append("\\t");
            else if (cp == '\n') b.append("\\n");
            else if (cp == '\r') b.append("\\r");
            else if (cp < 0x20 || cp == 0x7f) b.append(String.format("\\x%02x", cp));
            else if (cp < 0x7f || printable(cp)) b.appendCodePoint(cp);
            else if (cp < 0x100) b.append(String.format("\\x%02x", cp));
            else if (cp < 0x10000) b.append(String.format("\\u%04x", cp));
            else b.append(String.format("\\U%08x", cp));
        });
        return b.append(quote).toString();
    }

    /** Python's str.isprintable for one non-ASCII code point: not a control, format, separator or unassigned. */
    private static boolean printable(int cp) {
        switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SPACE_SEPARATOR:
                return false;
            default:
                return true;
        }
    }

    /** Python {@code repr(float)}: the shortest digits that read back, fixed notation for 1e-4 <= |x| < 1e16. */
    static String floatRepr(double d) {
        if (Double.isNaN(d)) return "nan";
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        if (d == 0.0) return 1 / d < 0 ? "-0.0" : "0.0";
        BigDecimal shortest = new BigDecimal(NumberOutput.toString(d, true)).stripTrailingZeros();
        // Java's shortest form keeps two digits where python's may keep one (4.9e-324, python 5e-324)
        BigDecimal oneDigit = new BigDecimal(d).round(new MathContext(1, RoundingMode.HALF_EVEN));
        if (Double.parseDouble(oneDigit.toString()) == d) shortest = oneDigit.stripTrailingZeros();
        String digits = shortest.unscaledValue().abs().toString();
        int exp = digits.length() - 1 - shortest.scale();
        String sign = d < 0 ? "-" : "";
        if (exp < -4 || exp >= 16) {
            String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mant + "e" + (exp < 0 ? "-" : "+") + String.format("%02d", Math.abs(exp));
        }
        String plain = shortest.abs().toPlainString();
        return sign + (plain.contains(".") ? plain : plain + ".0");
    }

    /** Python {@code text[start:end]} with code point indices; null bounds are open ends. */
    static String slice(String text, Long start, Long end) {
        int n = text.codePointCount(0, text.length());
        int s = clampIndex(start, n, 0);
        int e = clampIndex(end, n, n);
        if (s >= e) return "";
        return text.substring(text.offsetByCodePoints(0, s), text.offsetByCodePoints(0, e));
    }

    private static int clampIndex(Long i, int n, int dflt) {
        if (i == null) return dflt;
        long j = i < 0 ? i + n : i;
        return (int) Math.max(0, Math.min(n, j));
    }

    /** Python {@code text.find(sub, start)} with code point indices. */
    static int find(String text, String sub, int start) {
        int n = text.codePointCount(0, text.length());
        if (start > n) return -1;
        int i = text.indexOf(sub, text.offsetByCodePoints(0, start));
        return i < 0 ? -1 : text.codePointCount(0, i);
    }

    /** Python's view of an index: an int (bools are ints), or null where the slice bound is None. */
    static Long index(JsonNode v) {
        if (v == null || v.isNull()) return null;
        if (v.isBoolean()) return v.booleanValue() ? 1L : 0L;
        if (v.isIntegralNumber()) return v.canConvertToLong() ? v.longValue() : v.bigIntegerValue().signum() * Long.MAX_VALUE;
        throw new IllegalArgumentException("slice indices must be integers or None, not " + repr(v));
    }

    private static boolean isNumeric(JsonNode v) {
        return v.isNumber() || v.isBoolean();
    }

    /** The exact value of a finite number or bool; null for nan and infinities. */
    private static BigDecimal exact(JsonNode v) {
        if (v.isBoolean()) return v.booleanValue() ? BigDecimal.ONE : BigDecimal.ZERO;
        if (v.isIntegralNumber()) return new BigDecimal(v.bigIntegerValue());
        double d = v.doubleValue();
        return Double.isFinite(d) ? new BigDecimal(d) : null;
    }

    private static boolean numericEq(JsonNode a, JsonNode b) {
        BigDecimal x = exact(a), y = exact(b);
        if (x == null || y == null) return x == null && y == null && a.doubleValue() == b.doubleValue();
        return x.compareTo(y) == 0;
    }
}
