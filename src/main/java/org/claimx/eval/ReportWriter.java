package org.claimx.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/** Renders a {@link ScoreReport} as claimscore.py prints it, to the byte. */
final class ReportWriter {
    private ReportWriter() {}

    static String text(ScoreReport r) {
        StringBuilder b = new StringBuilder();
        b.append("gold ").append(r.gold()).append("  pred ").append(r.pred())
                .append("  matched ").append(r.matched()).append('\n');
        prf(b.append("detection"), r.detection());
        b.append("slots");
        String sep = " ";
        for (Map.Entry<String, Double> e : r.slots().entrySet()) {
            b.append(sep).append(e.getKey()).append(' ').append(fixed3(e.getValue()));
            sep = "  ";
        }
        b.append('\n');
        prf(b.append("tuple"), r.tuple());
        return b.toString();
    }

    private static void prf(StringBuilder b, Prf x) {
        b.append(" P ").append(fixed3(x.p())).append(" R ").append(fixed3(x.r()))
                .append(" F1 ").append(fixed3(x.f())).append('\n');
    }

    /** Python's {@code f"{x:.3f}"} rounds the exact binary value half-even; String.format rounds the decimal string half-up. */
    static String fixed3(double x) {
        return new BigDecimal(x).setScale(3, RoundingMode.HALF_EVEN).toPlainString();
    }

    static String errors(ScoreReport r, int n) {
        StringBuilder b = new StringBuilder("\n-- missed (gold only)\n");
        for (JsonNode g : head(r.missed(), n)) b.append(show(g)).append('\n');
        b.append("\n-- spurious (pred only)\n");
        for (JsonNode p : head(r.spurious(), n)) b.append(show(p)).append('\n');
        b.append("\n-- slot disagreements (gold | pred)\n");
        for (Pair x : r.disagreeing().subList(0, Math.max(0, Math.min(n, r.disagreeing().size())))) {
            b.append(show(x.gold())).append("\n   ").append(show(x.pred())).append('\n');
        }
        return b.toString();
    }

    /** Python's {@code xs[:n]}. */
    private static <T> List<T> head(List<T> xs, int n) {
        int end = n >= 0 ? Math.min(n, xs.size()) : Math.max(0, xs.size() + n);
        return xs.subList(0, end);
    }

    /** One claim on one line, as the python's {@code show}. */
    static String show(JsonNode c) {
        JsonNode v = Py.obj(Py.get(c, "value"));
        return "[" + Py.str(Py.get(c, "paper")) + "] " + Py.repr(Py.get(v, "text"))
                + " m=" + Py.repr(Py.get(c, "method")) + " met=" + Py.repr(Py.get(c, "metric"))
                + " b=" + Py.repr(Py.get(c, "baseline")) + " d=" + Py.repr(Py.get(c, "dataset"))
                + " " + Py.str(Py.get(c, "change"));
    }

    static String json(ScoreReport r) {
        StringBuilder b = new StringBuilder("{\n");
        b.append(" \"gold\": ").append(r.gold()).append(",\n");
        b.append(" \"pred\": ").append(r.pred()).append(",\n");
        b.append(" \"matched\": ").append(r.matched()).append(",\n");
        prfJson(b, "detection", r.detection()).append(",\n");
        object(b, "slots", r.slots()).append(",\n");
        prfJson(b, "tuple", r.tuple()).append(",\n");
        prfJson(b, "detection_result", r.detectionResult()).append(",\n");
        prfJson(b, "detection_setting", r.detectionSetting()).append("\n}\n");
        return b.toString();
    }

    private static StringBuilder prfJson(StringBuilder b, String key, Prf x) {
        return object(b, key, Map.of("p", x.p(), "r", x.r(), "f", x.f()), List.of("p", "r", "f"));
    }

    private static StringBuilder object(StringBuilder b, String key, Map<String, Double> values) {
        return object(b, key, values, List.copyOf(values.keySet()));
    }

    private static StringBuilder object(StringBuilder b, String key, Map<String, Double> values, List<String> order) {
        b.append(" \"").append(key).append("\": {\n");
        for (int i = 0; i < order.size(); i++) {
            b.append("  \"").append(order.get(i)).append("\": ").append(jsonFloat(values.get(order.get(i))))
                    .append(i + 1 < order.size() ? ",\n" : "\n");
        }
        return b.append(" }");
    }

    /** json.dumps writes a float as its repr, and the non-finite ones as JavaScript names. */
    private static String jsonFloat(double x) {
        if (Double.isNaN(x)) return "NaN";
        if (Double.isInfinite(x)) return x > 0 ? "Infinity" : "-Infinity";
        return Py.floatRepr(x);
    }
}
