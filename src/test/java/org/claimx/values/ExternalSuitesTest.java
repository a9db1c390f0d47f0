package org.claimx.values;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.claimx.io.Json;
import org.claimx.model.Claim;
import org.claimx.model.Paper;
import org.claimx.model.Value;
import org.claimx.pipeline.SharedEngine;
import org.junit.jupiter.api.Test;

/**
 * claimx's value layer against other people's gold: the in-scope cases that
 * {@code testdata/external/convert.py} wrote from recognizers-text, quantulum3, duckling,
 * grobid-quantities (holdout) and CQE NewsQuant (see that script for what is in scope and why).
 *
 * <p>A case passes when one extracted claim has the expected figure (the number, or low and high, within
 * 0.5%), the expected unit, a qualifier among those the case allows (when it names any), and a span that
 * overlaps the suite's span (when the suite gives offsets). Each suite's pass rate must stay at or above
 * the floor in {@code testdata/external/floor.json}: raise the floor when rates rise; never lower it to let
 * a change pass. Every failure is also written to {@code target/external-suites/failures.jsonl}.
 */
class ExternalSuitesTest {
    private static final Path DIR = Path.of("testdata/external");
    private static final Path FAILURES = Path.of("target/external-suites/failures.jsonl");
    private static final int SHOWN_FAILURES = 5;

    record Case(String suite, String id, String text, JsonNode expect, int[] span, String surface) {}

    /** What the engine gave for one text: its claims, or the exception it threw. */
    record Extraction(List<Claim> claims, RuntimeException error) {}

    /** {@code exactSpan}: a passing claim's span equals the suite's span (informational; the test needs overlap). */
    record Outcome(Case c, boolean pass, String kind, String detail, boolean exactSpan) {
        Outcome(Case c, boolean pass, String kind, String detail) { this(c, pass, kind, detail, false); }
    }

    @Test
    void everySuiteStaysAtOrAboveItsFloor() throws IOException {
        List<Case> cases = loadCases();
        assertTrue(cases.size() > 100, "external cases found in " + DIR + ": " + cases.size());

        Map<String, Extraction> byText = new HashMap<>();
        Map<String, List<Outcome>> bySuite = new TreeMap<>();
        List<String> engineBugs = new ArrayList<>();
        long t0 = System.nanoTime();
        for (Case c : cases) {
            Extraction x = byText.computeIfAbsent(c.text(), t -> extract(t, engineBugs));
            bySuite.computeIfAbsent(c.suite(), s -> new ArrayList<>()).add(judge(c, x));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;

        JsonNode floor = Json.mapper().readTree(DIR.resolve("floor.json").toFile()).path("suites");
        StringBuilder report = new StringBuilder();
        report.append(String.format("external suites: %d cases, %d distinct texts, %.1f s%n", cases.size(),
                byText.size(), seconds));
        List<String> below = new ArrayList<>();
        List<Outcome> allFailures = new ArrayList<>();
        for (var e : bySuite.entrySet()) {
            List<Outcome> os = e.getValue();
            long passed = os.stream().filter(Outcome::pass).count();
            double rate = (double) passed / os.size();
            report.append(String.format("%s: %d/%d (%.3f)", e.getKey(), passed, os.size(), rate));
            JsonNode f = floor.path(e.getKey());
            if (f.isMissingNode()) {
                below.add(e.getKey() + " has no floor in floor.json");
            } else {
                report.append(String.format("  floor %.2f", f.asDouble()));
                if (rate + 1e-9 < f.asDouble()) below.add(String.format("%s %.3f < %.2f", e.getKey(), rate, f.asDouble()));
            }
            report.append('\n');
            Map<String, Integer> kinds = new TreeMap<>();
            for (Outcome o : os) if (!o.pass()) kinds.merge(o.kind(), 1, Integer::sum);
            if (!kinds.isEmpty()) report.append("  failures by kind: ").append(kinds).append('\n');
            changeAgreement(os, report);
            long withSpan = os.stream().filter(o -> o.pass() && o.c().span() != null).count();
            if (withSpan > 0) {
                long exact = os.stream().filter(Outcome::exactSpan).count();
                report.append(String.format("  passed cases whose claim span equals the suite's span exactly (not asserted): %d/%d%n",
                        exact, withSpan));
            }
            int shown = 0;
            for (Outcome o : os) {
                if (o.pass()) continue;
                allFailures.add(o);
                if (shown++ < SHOWN_FAILURES) {
                    report.append("  FAIL ").append(o.c().id()).append(" [").append(o.kind()).append("] expected ")
                            .append(o.c().expect()).append(" for ").append(quote(o.c().surface())).append(" in ")
                            .append(quote(abbreviate(o.c().text(), 110))).append("\n       ").append(o.detail()).append('\n');
                }
            }
        }
        if (!engineBugs.isEmpty()) {
            report.append("ENGINE BUGS (exception, or a span whose text is not value.text): ").append(engineBugs.size()).append('\n');
            engineBugs.stream().limit(10).forEach(b -> report.append("  ").append(b).append('\n'));
        }
        org.claimx.SuiteReport.print(report.toString(), FAILURES.resolveSibling("report.txt"));
        writeFailures(allFailures, byText);
        assertTrue(below.isEmpty(), "below the committed floor: " + below);
    }

    // ---- cases --------------------------------------------------------------------------------------

    static List<Case> loadCases() throws IOException {
        List<Case> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIR)) {
            // slots-*.jsonl are slot cases (convert_slots.py), run by org.claimx.slots.ExternalSlotSuitesTest
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl"))
                    .filter(p -> !p.getFileName().toString().startsWith("slots-")).sorted().toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (line.isBlank()) continue;
                    JsonNode n = Json.mapper().readTree(line);
                    int[] span = null;
                    if (n.has("source_span")) span = new int[] {n.get("source_span").get(0).asInt(), n.get("source_span").get(1).asInt()};
                    out.add(new Case(n.path("suite").asText(), n.path("id").asText(), n.path("text").asText(),
                            n.path("expect"), span, n.path("surface").asText()));
                }
            }
        }
        return out;
    }

    private static Extraction extract(String text, List<String> engineBugs) {
        try {
            // These suites measure the value stage: every value found, before the model decides which are claims.
            List<Claim> claims = SharedEngine.get().read(new Paper("external", "", text)).instances().stream()
                    .map(in -> new Claim("external", in.field(), in.span(), in.sentence(), org.claimx.model.Kind.RESULT, null,
                            null, org.claimx.model.MetricClass.OTHER, in.mention().value(), org.claimx.model.Change.LEVEL, null,
                            in.baselineValue(), null, in.mention().rule(), null))
                    .toList();
            for (Claim c : claims) {
                String at = c.span().of(text);
                if (!at.equals(c.value().text())) {
                    engineBugs.add("span " + c.span() + " holds " + quote(at) + " but value.text is " + quote(c.value().text())
                            + " in " + quote(abbreviate(text, 80)));
                }
            }
            return new Extraction(claims, null);
        } catch (RuntimeException e) {
            engineBugs.add("exception " + e + " on " + quote(abbreviate(text, 80)));
            return new Extraction(List.of(), e);
        }
    }

    // ---- judging ------------------------------------------------------------------------------------

    static Outcome judge(Case c, Extraction x) {
        if (x.error() != null) return new Outcome(c, false, "engine-exception", x.error().toString());
        JsonNode e = c.expect();
        boolean range = e.has("low");
        String unit = e.path("unit").asText();
        List<String> quals = new ArrayList<>();
        if (e.has("qualifier")) {
            if (e.get("qualifier").isArray()) e.get("qualifier").forEach(q -> quals.add(q.asText()));
            else quals.add(e.get("qualifier").asText());
        }
        List<Claim> figure = new ArrayList<>();
        for (Claim cl : x.claims()) if (sameFigure(e, cl.value(), range)) figure.add(cl);
        List<Claim> withUnit = figure.stream().filter(cl -> cl.value().unit().json().equals(unit)).toList();
        List<Claim> withQual = withUnit.stream().filter(cl -> quals.isEmpty()
                || (cl.value().qualifier() != null && quals.contains(cl.value().qualifier().json()))).toList();
        List<Claim> placed = withQual.stream().filter(cl -> overlaps(c.span(), cl)).toList();
        if (!placed.isEmpty()) {
            boolean exact = c.span() != null && placed.stream()
                    .anyMatch(cl -> cl.span().start() == c.span()[0] && cl.span().end() == c.span()[1]);
            return new Outcome(c, true, "pass", brief(placed.get(0)), exact);
        }

        String got = x.claims().isEmpty() ? "no claims" : "got " + briefAll(x.claims());
        if (!withQual.isEmpty()) return new Outcome(c, false, "span-elsewhere", got);
        if (!withUnit.isEmpty()) return new Outcome(c, false, "qualifier-mismatch", got);
        if (!figure.isEmpty()) return new Outcome(c, false, "unit-mismatch", got);
        if (x.claims().isEmpty()) return new Outcome(c, false, "no-claim", got);
        if (range && boundsAsSingles(e, x.claims())) return new Outcome(c, false, "range-split-or-partial", got);
        if (!range && inARange(e, x.claims())) return new Outcome(c, false, "figure-inside-a-range", got);
        return new Outcome(c, false, "figure-not-found", got);
    }

    private static boolean sameFigure(JsonNode e, Value v, boolean range) {
        if (range) return v.isRange() && close(e.get("low").asDouble(), v.low()) && close(e.get("high").asDouble(), v.high());
        return v.number() != null && close(e.get("number").asDouble(), v.number());
    }

    private static boolean boundsAsSingles(JsonNode e, List<Claim> claims) {
        for (Claim cl : claims) {
            Value v = cl.value();
            if (v.number() != null && (close(e.get("low").asDouble(), v.number()) || close(e.get("high").asDouble(), v.number()))) return true;
            if (v.isRange() && (close(e.get("low").asDouble(), v.low()) || close(e.get("high").asDouble(), v.high()))) return true;
        }
        return false;
    }

    private static boolean inARange(JsonNode e, List<Claim> claims) {
        double n = e.get("number").asDouble();
        for (Claim cl : claims) if (cl.value().isRange() && (close(n, cl.value().low()) || close(n, cl.value().high()))) return true;
        return false;
    }

    static boolean close(double a, Double b) {
        if (b == null) return false;
        return Math.abs(a - b) <= 0.005 * Math.max(Math.abs(a), Math.abs(b)) + 1e-12;
    }

    private static boolean overlaps(int[] span, Claim cl) {
        if (span == null) return true;
        return cl.span().start() < span[1] && span[0] < cl.span().end();
    }

    private static void changeAgreement(List<Outcome> os, StringBuilder report) {
        int with = 0;
        int agree = 0;
        for (Outcome o : os) {
            if (!o.pass() || !o.c().expect().has("change")) continue;
            with++;
            // the passing claim's change is the last word of its brief
            if (o.detail().endsWith(" " + o.c().expect().get("change").asText())) agree++;
        }
        if (with > 0) {
            report.append(String.format("  direction of change on passed cases that give one (not asserted): %d/%d%n", agree, with));
        }
    }

    // ---- output -------------------------------------------------------------------------------------

    private static void writeFailures(List<Outcome> failures, Map<String, Extraction> byText) throws IOException {
        Files.createDirectories(FAILURES.getParent());
        StringBuilder sb = new StringBuilder();
        for (Outcome o : failures) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("suite", o.c().suite());
            m.put("id", o.c().id());
            m.put("kind", o.kind());
            m.put("surface", o.c().surface());
            m.put("expect", o.c().expect());
            m.put("text", o.c().text());
            m.put("source_span", o.c().span());
            List<Object> got = new ArrayList<>();
            Extraction x = byText.get(o.c().text());
            if (x != null) for (Claim cl : x.claims()) got.add(Map.of("span", cl.span(), "value", cl.value(), "rule", cl.rule()));
            m.put("got", got);
            sb.append(Json.mapper().writeValueAsString(m)).append('\n');
        }
        Files.writeString(FAILURES, sb.toString(), StandardCharsets.UTF_8);
    }

    private static String brief(Claim c) {
        Value v = c.value();
        String fig = v.isRange() ? v.low() + ".." + v.high() : String.valueOf(v.number());
        return String.format("%s=%s %s%s @%d-%d %s", quote(v.text()), fig, v.unit().json(),
                v.qualifier() == null ? "" : " (" + v.qualifier().json() + ")", c.span().start(), c.span().end(),
                c.change() == null ? "" : c.change().name().toLowerCase());
    }

    private static String briefAll(List<Claim> claims) {
        List<String> bs = new ArrayList<>();
        for (Claim c : claims) bs.add(brief(c));
        return String.join("; ", bs);
    }

    private static String quote(String s) {
        return "\"" + s + "\"";
    }

    private static String abbreviate(String s, int n) {
        return s.length() > n ? s.substring(0, n - 3) + "..." : s;
    }
}
