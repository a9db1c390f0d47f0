package org.claimx.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Runs the command line in this JVM, capturing standard output and error. */
class CliTest {
    record Run(int code, String out, String err) {}

    static synchronized Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            System.out.flush();
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** A value the model turns down is shown too, with its probability and what weighs against it. */
    @Test
    void explainShowsTheValuesTheModelTookForNoClaim() {
        Run r = run("explain", "The gain is significant (p < 0.01), and the model reaches 71.2% accuracy on ImageNet.");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("  claim «71.2%» 71.2 unit=%"), r.out());
        assertTrue(r.out().contains("  no claim «< 0.01» (score.decimal): claim p=0.0"), r.out());
        assertTrue(r.out().contains("strongest features against: w-1=p "), r.out());
        assertFalse(r.out().contains("claim «< 0.01»") && r.out().contains("  claim «< 0.01»"), r.out());
    }

    @Test
    void unknownOptionIsAUsageErrorWithOneLineAndNoStackTrace() {
        Run r = run("extract", "--no-such-option");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("claimx: Unknown option: '--no-such-option'"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void missingInputFileIsAUsageError() {
        Run r = run("extract", "testdata/no-such-file.jsonl");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no-such-file.jsonl"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void unknownOutputFormatNamesTheValue() {
        Run r = run("extract", "--format", "xml", "testdata/inputs/example.jsonl");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("xml"), r.err());
    }

    @Test
    void extractWritesOneClaimPerLineAndASummary() {
        Run r = run("extract", "testdata/inputs/example.jsonl");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\n");
        assertTrue(lines.length >= 10, r.out());
        for (String l : lines) assertTrue(l.startsWith("{\"paper\":"), l);
        assertTrue(r.err().matches("(?s).*papers 5, claims \\d+, errors 0 \\([\\d.]+ s, [\\d.]+ papers/s\\)\\s*"), r.err());
    }

    @Test
    void outputIsTheSameForOneAndTwoThreads() {
        Run one = run("extract", "--threads", "1", "-q", "testdata/inputs/dev.papers.jsonl");
        Run two = run("extract", "--threads", "2", "-q", "testdata/inputs/dev.papers.jsonl");
        assertEquals(0, one.code());
        assertEquals(one.out(), two.out());
        assertTrue(one.out().length() > 10_000);
    }

    @Test
    void badRecordsAreReportedAndTheRunGoesOnWithExitOne() {
        Run r = run("extract", "testdata/inputs/bad.jsonl");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("claimx: error: testdata/inputs/bad.jsonl:"), r.err());
        assertTrue(r.err().matches("(?s).*papers [1-9]\\d*, claims \\d+, errors [1-9]\\d* \\(.*\\)\\s*"), r.err());
    }

    @Test
    void evalPrintsTheScoresOfTheReferenceScorer() {
        Run r = run("eval", "--papers", "testdata/gold/dev.papers.jsonl", "--gold", "testdata/gold/dev.claims.jsonl",
                "--pred", "testdata/gold/dev.claims.jsonl");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("detection P 1.000 R 1.000 F1 1.000"), r.out());
        assertTrue(r.out().contains("tuple P 1.000 R 1.000 F1 1.000"), r.out());
    }

    @Test
    void evalTakesGoldAndPredictionsFromAPipeButNotThePapers(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path fifo = dir.resolve("pred.fifo");
        Thread writer = feeding(fifo, "testdata/gold/dev.claims.jsonl");
        Run r = run("eval", "--papers", "testdata/gold/dev.papers.jsonl", "--gold", "testdata/gold/dev.claims.jsonl",
                "--pred", fifo.toString());
        writer.join(30_000);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("tuple P 1.000 R 1.000 F1 1.000"), r.out());
        java.nio.file.Path papers = dir.resolve("papers.fifo");
        mkfifo(papers);
        Run bad = run("eval", "--papers", papers.toString(), "--gold", "testdata/gold/dev.claims.jsonl");
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains("--papers is read twice, so it must be a file, not a pipe"), bad.err());
        java.nio.file.Path gold = dir.resolve("gold.fifo");
        mkfifo(gold);
        Run cv = run("eval", "--papers", "testdata/gold/dev.papers.jsonl", "--gold", gold.toString(), "--cv", "2");
        assertEquals(2, cv.code(), cv.err());
        assertTrue(cv.err().contains("with --cv, --gold is read twice, so it must be a file, not a pipe: " + gold), cv.err());
    }

    @Test
    void progressLineIsDrawnInPlaceWhenAskedAndClearedBeforeTheSummary() {
        Run r = run("extract", "--progress", "testdata/inputs/dev.papers.jsonl");
        assertEquals(0, r.code(), r.err());
        // The line is redrawn with a carriage return and cleared before the summary is printed.
        assertTrue(r.err().contains("\r\033[K"), r.err());
        String last = r.err().substring(r.err().lastIndexOf("\033[K") + 3).strip();
        assertTrue(last.startsWith("papers "), last);
        assertFalse(r.out().contains("\r"), "progress must not reach standard output");
    }

    @Test
    void quietPrintsNeitherProgressNorSummary() {
        Run r = run("extract", "-q", "--progress", "testdata/inputs/example.jsonl");
        assertEquals(0, r.code());
        assertEquals("", r.err());
    }

    @Test
    void benchTimesClaimxAndThePlainPipelineOnTheSameAbstracts() throws Exception {
        Run extract = run("extract", "-q", "testdata/inputs/example.jsonl");
        long claims = extract.out().lines().count();
        Run r = run("bench", "--corpus", "testdata/inputs/example.jsonl", "--limit", "4", "--threads", "1,2",
                "--warmup", "1", "--plain-annotators", "tokenize,ssplit", "--json");
        assertEquals(0, r.code(), r.err());
        var root = org.claimx.io.Json.mapper().readTree(r.out());
        assertEquals(4, root.get("abstracts").asInt());
        assertEquals(2, root.get("claimx").size());
        assertEquals(1, root.get("claimx").get(0).get("threads").asInt());
        assertEquals(2, root.get("claimx").get(1).get("threads").asInt());
        for (var run : root.get("claimx")) {
            assertEquals(4, run.get("abstracts").asInt());
            assertTrue(run.get("claims").asLong() > 0 && run.get("claims").asLong() <= claims, run.toString());
            assertTrue(run.get("p50_ms").asDouble() <= run.get("p99_ms").asDouble(), run.toString());
            assertTrue(run.get("peak_heap_mb").asLong() > 0, run.toString());
        }
        // The first four papers of the example give the same claims on one thread and on two.
        assertEquals(root.get("claimx").get(0).get("claims"), root.get("claimx").get(1).get("claims"));
        assertEquals(2, root.get("plain").size());
        assertTrue(root.get("ratio").get("2").asDouble() > 0, r.out());
        assertTrue(r.err().contains("warming up on 1 papers, one thread\n"), "the fifth paper, not a timed one: " + r.err());
    }

    @Test
    void benchWarmsUpOnTimedPapersOnlyWhenTheCorpusHasNoOthers() throws Exception {
        long papers = java.nio.file.Files.readAllLines(java.nio.file.Path.of("testdata/inputs/example.jsonl")).stream()
                .filter(l -> !l.isBlank()).count();
        Run r = run("bench", "--corpus", "testdata/inputs/example.jsonl", "--limit", String.valueOf(papers - 1), "--threads", "1",
                "--warmup", "3", "--no-plain");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("warming up on 3 papers, one thread (2 of them timed ones too: the corpus has no more)"), r.err());
    }

    @Test
    void benchRejectsABadThreadCount() {
        Run r = run("bench", "--corpus", "testdata/inputs/example.jsonl", "--threads", "0");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--threads must be at least 1: 0"), r.err());
    }

    @Test
    void helpExplainsEachCommand() {
        Run r = run("extract", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("--threads"));
        assertTrue(r.out().contains("Exit status"));
    }

    @Test
    void theCommandListGivesEachCommandAWholeSentence() {
        Run r = run("--help");
        boolean inList = false;
        int commands = 0;
        for (String line : r.out().split("\n")) {
            if (line.startsWith("Commands:")) {
                inList = true;
                continue;
            }
            if (!inList || line.isBlank()) continue;
            commands++;
            assertTrue(line.strip().endsWith("."), "a description cut mid-sentence: " + line);
        }
        assertTrue(commands >= 10, r.out());
    }

    @Test
    void helpPrintsNoPicocliWarning() {
        for (String command : new String[] {"extract", "eval", "train", "explain", "bench", "leaderboard", "audit", "serve", "load"}) {
            PrintStream old = System.err;
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Run r;
            try {
                // picocli's tracer writes to the System.err of the moment it warns.
                System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
                r = run(command, "--help");
            } finally {
                System.setErr(old);
            }
            assertEquals(0, r.code(), command);
            assertFalse(r.err().contains("WARN") || err.toString(StandardCharsets.UTF_8).contains("WARN"), command + ": " + r.err() + err);
        }
        assertTrue(run("explain", "--help").out().contains("86.81% on GSM8k"));
    }

    @Test
    void anUnknownCommandPointsAtTheTopLevelHelp() {
        Run r = run("no-such-command");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("(see 'claimx --help')"), r.err());
        assertFalse(r.err().contains("claimx claimx"), r.err());
        Run sub = run("extract", "--no-such-option");
        assertTrue(sub.err().contains("(see 'claimx extract --help')"), sub.err());
    }

    @Test
    void theVersionIsTheBuildsEverywhere() throws Exception {
        String pom = java.nio.file.Files.readString(java.nio.file.Path.of("pom.xml"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<artifactId>claimx</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertTrue(m.find());
        assertEquals("claimx " + m.group(1), run("--version").out().strip());
        assertEquals("claimx " + m.group(1), run("leaderboard", "--version").out().strip());
        assertEquals("claimx " + m.group(1), org.claimx.serve.Server.VERSION);
    }

    @Test
    void rulesAndThreadsAreDeclaredOnceAsMixins() throws Exception {
        for (java.nio.file.Path f : java.nio.file.Files.list(java.nio.file.Path.of("src/main/java/org/claimx/cli")).toList()) {
            String src = java.nio.file.Files.readString(f);
            if (f.endsWith("RulesOption.java")) continue;
            assertFalse(src.contains("names = \"--rules\""), f + " declares --rules itself");
        }
        for (String command : new String[] {"extract", "eval", "leaderboard", "audit"}) {
            assertTrue(run(command, "--help").out().contains("--threads=N"), command);
        }
    }

    @Test
    void evalNamesItsListOptionShowErrorsAndExitsOneOnReadErrors(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        assertTrue(run("eval", "--help").out().contains("--show-errors=N"));
        java.nio.file.Path papers = dir.resolve("papers.jsonl");
        java.nio.file.Files.writeString(papers, "{\"id\": \"a\", \"title\": \"T\", \"abstract\": \"Alpha reaches 71.2% accuracy.\"}\n"
                + "{\"id\": \"b\", \"title\": \"T\"}\n");
        java.nio.file.Path gold = dir.resolve("gold.jsonl");
        java.nio.file.Files.writeString(gold, "");
        Run r = run("eval", "--papers", papers.toString(), "--gold", gold.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("no abstract") || r.err().contains("abstract"), r.err());
        assertTrue(r.err().contains("could not be read"), r.err());
    }

    @Test
    void aMissingRulesFolderIsAUsageError() {
        Run r = run("eval", "--papers", "testdata/gold/dev.papers.jsonl", "--gold", "testdata/gold/dev.claims.jsonl",
                "--rules", "no-such-rules");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("claimx: no rules folder: no-such-rules"), r.err());
        assertEquals(2, run("extract", "--rules", "no-such-rules", "testdata/inputs/example.jsonl").code());
    }

    @Test
    void crossValidationTrainsOnAlsoTrainDataButScoresOnlyThePapersGiven() throws Exception {
        // Every scored gold claim is one of dev's training-side papers; none of heldout's, which only train.
        long devTrainClaims = org.claimx.eval.ClaimsFile.readClaims(java.nio.file.Path.of("testdata/gold/dev.claims.jsonl")).stream()
                .filter(c -> !org.claimx.eval.Split.isValidation(c.path("paper").asText())).count();
        Run r = run("eval", "--papers", "testdata/gold/dev.papers.jsonl", "--gold", "testdata/gold/dev.claims.jsonl", "--cv", "2",
                "--also-train", "testdata/gold/heldout.papers.jsonl", "testdata/gold/heldout.claims.jsonl");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("gold " + devTrainClaims + " "), r.out());
        assertTrue(r.err().contains("fold 2 of 2"), r.err());
        // The folds' models learned from the added papers: the slot figures differ from a run without them.
        Run alone = run("eval", "--papers", "testdata/gold/dev.papers.jsonl", "--gold", "testdata/gold/dev.claims.jsonl", "--cv", "2");
        assertEquals(0, alone.code(), alone.err());
        assertTrue(alone.out().startsWith("gold " + devTrainClaims + " "), alone.out());
        assertFalse(alone.out().equals(r.out()), r.out());

        Run noCv = run("eval", "--papers", "testdata/gold/dev.papers.jsonl", "--gold", "testdata/gold/dev.claims.jsonl",
                "--also-train", "testdata/gold/heldout.papers.jsonl", "testdata/gold/heldout.claims.jsonl");
        assertEquals(2, noCv.code());
        assertTrue(noCv.err().contains("--also-train adds training data to --cv"), noCv.err());
    }

    @Test
    void trainTakesGoldForTheSlotsOnly() throws Exception {
        java.nio.file.Path out = java.nio.file.Files.createTempDirectory("claimx-train").resolve("slots.model");
        Run r = run("train", "--gold", "testdata/gold/dev.papers.jsonl", "testdata/gold/dev.claims.jsonl",
                "--slots-gold", "testdata/gold/heldout.papers.jsonl", "testdata/gold/heldout.claims.jsonl", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        long heldoutTraining = org.claimx.eval.ClaimsFile.readPapers(java.nio.file.Path.of("testdata/gold/heldout.papers.jsonl")).keySet()
                .stream().filter(id -> !org.claimx.eval.Split.isValidation(id)).count();
        assertTrue(r.err().contains("; " + heldoutTraining + " of the papers for change, method, metric, baseline, dataset only)"), r.err());
        assertTrue(java.nio.file.Files.size(out) > 1000);
        java.nio.file.Path partial = out.resolveSibling("partial.model");
        Run p = run("train", "--gold", "testdata/gold/dev.papers.jsonl", "testdata/gold/dev.claims.jsonl",
                "--partial-gold", "method, baseline", "testdata/gold/heldout.papers.jsonl", "testdata/gold/heldout.claims.jsonl",
                "--out", partial.toString());
        assertEquals(0, p.code(), p.err());
        assertTrue(p.err().contains("; " + heldoutTraining + " of the papers for method, baseline only)"), p.err());
        assertFalse(java.util.Arrays.equals(java.nio.file.Files.readAllBytes(out), java.nio.file.Files.readAllBytes(partial)));
        Run badLesson = run("train", "--gold", "testdata/gold/dev.papers.jsonl", "testdata/gold/dev.claims.jsonl",
                "--partial-gold", "method,datasets", "testdata/gold/heldout.papers.jsonl", "testdata/gold/heldout.claims.jsonl",
                "--out", partial.toString());
        assertEquals(2, badLesson.code());
        assertTrue(badLesson.err().startsWith("claimx: --partial-gold: 'datasets' is not a lesson; give a comma-separated list of claim,"),
                badLesson.err());
        Run cvPartial = run("eval", "--papers", "testdata/gold/dev.papers.jsonl", "--gold", "testdata/gold/dev.claims.jsonl", "--cv", "2",
                "--also-train-partial", "claim", "testdata/gold/no-such.papers.jsonl", "testdata/gold/heldout.claims.jsonl");
        assertEquals(2, cvPartial.code());
        assertTrue(cvPartial.err().contains("no such file: testdata/gold/no-such.papers.jsonl"), cvPartial.err());
        Run missing = run("train", "--gold", "testdata/gold/dev.papers.jsonl", "testdata/gold/dev.claims.jsonl",
                "--slots-gold", "testdata/no-such.papers.jsonl", "testdata/gold/heldout.claims.jsonl", "--out", out.toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no such file: testdata/no-such.papers.jsonl"), missing.err());
    }

    @Test
    void evalGivesIntervalsAndComparesTwoRunsPaperByPaper(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path empty = java.nio.file.Files.writeString(dir.resolve("none.jsonl"), "");
        String[] base = {"eval", "--papers", "testdata/gold/dev.papers.jsonl", "--gold", "testdata/gold/dev.claims.jsonl",
                "--pred", "testdata/gold/dev.claims.jsonl"};
        Run r = run(concat(base, "--intervals", "--compare", empty.toString()));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith(run(base).out()), r.out());
        assertTrue(r.out().contains("95% intervals (110 papers drawn again 1000 times): detection F1 1.000 to 1.000, tuple F1 1.000 to 1.000"), r.out());
        assertTrue(r.out().contains("compared with " + empty + " (difference = this run minus that one): detection F1 1.000 against 0.000, difference +1.000"
                + " (95% interval +1.000 to +1.000); tuple F1 1.000 against 0.000, difference +1.000 (95% interval +1.000 to +1.000)"), r.out());
        Run j = run(concat(base, "--json", "--compare", "testdata/gold/dev.claims.jsonl"));
        assertEquals(0, j.code(), j.err());
        var node = org.claimx.io.Json.mapper().readTree(j.out());
        assertEquals(org.claimx.io.Json.mapper().readTree(run(concat(base, "--json")).out()), node.get("score"));
        assertEquals(0.0, node.at("/compare/difference/tuple_f1").asDouble(-1));
        assertEquals(0.0, node.at("/compare/interval/detection_f1/1").asDouble(-1));
        assertTrue(node.get("intervals") == null, j.out());
        Run ji = run(concat(base, "--json", "--intervals"));
        var intervals = org.claimx.io.Json.mapper().readTree(ji.out()).get("intervals");
        assertEquals(110, intervals.get("papers").asInt());
        assertEquals(1.0, intervals.at("/tuple_f1/0").asDouble(), 1e-9);
        // Claims of papers that are not in --papers: some are left out with a warning, all of them is an error.
        String claim = java.nio.file.Files.readAllLines(java.nio.file.Path.of("testdata/gold/dev.claims.jsonl")).get(0);
        String stranger = claim.replaceFirst("\"paper\":\\s*\"[^\"]*\"", "\"paper\": \"no-such-paper\"");
        java.nio.file.Path some = java.nio.file.Files.writeString(dir.resolve("some.jsonl"), claim + "\n" + stranger + "\n");
        Run warned = run(concat(base, "--compare", some.toString()));
        assertEquals(0, warned.code(), warned.err());
        assertTrue(warned.err().contains("claimx: 1 claim of " + some + " names a paper not in testdata/gold/dev.papers.jsonl; left out"), warned.err());
        java.nio.file.Path strangers = java.nio.file.Files.writeString(dir.resolve("strangers.jsonl"), stranger + "\n");
        Run refused = run(concat(base, "--compare", strangers.toString()));
        assertEquals(2, refused.code(), refused.out());
        assertTrue(refused.err().contains("no claim of " + strangers + " names a paper of testdata/gold/dev.papers.jsonl"), refused.err());
        Run cv = run("eval", "--papers", "testdata/gold/dev.papers.jsonl", "--gold", "testdata/gold/dev.claims.jsonl", "--cv", "2",
                "--compare", "testdata/gold/dev.claims.jsonl");
        assertEquals(2, cv.code());
        assertTrue(cv.err().contains("leave out --cv or --compare"), cv.err());
        // No paper scored: said, not shown as an interval of zeros.
        String trainSide = null;
        for (String l : java.nio.file.Files.readAllLines(java.nio.file.Path.of("testdata/gold/dev.papers.jsonl"))) {
            if (!org.claimx.eval.Split.isValidation(org.claimx.io.Json.mapper().readTree(l).path("id").asText())) {
                trainSide = l;
                break;
            }
        }
        java.nio.file.Path one = java.nio.file.Files.writeString(dir.resolve("one.jsonl"), trainSide + "\n");
        Run none = run("eval", "--papers", one.toString(), "--gold", "testdata/gold/dev.claims.jsonl", "--pred",
                "testdata/gold/dev.claims.jsonl", "--split", "validation", "--intervals");
        assertEquals(0, none.code(), none.err());
        assertTrue(none.out().contains("95% intervals: no papers scored"), none.out());
        Run missing = run(concat(base, "--compare", dir.resolve("no-such.jsonl").toString()));
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no such file: " + dir.resolve("no-such.jsonl")), missing.err());
    }

    /** Makes {@code fifo} a named pipe. */
    private static void mkfifo(java.nio.file.Path fifo) throws Exception {
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    }

    /** Makes {@code fifo} a named pipe and writes {@code source} into it on a daemon thread, started. */
    private static Thread feeding(java.nio.file.Path fifo, String source) throws Exception {
        mkfifo(fifo);
        Thread writer = new Thread(() -> {
            try {
                java.nio.file.Files.write(fifo, java.nio.file.Files.readAllBytes(java.nio.file.Path.of(source)));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.setDaemon(true);
        writer.start();
        return writer;
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void trainTakesGoldClaimsFromAPipeButNotThePapers(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path claims = dir.resolve("claims.fifo");
        Thread writer = feeding(claims, "testdata/gold/dev.claims.jsonl");
        java.nio.file.Path piped = dir.resolve("piped.model");
        Run r = run("train", "--gold", "testdata/gold/dev.papers.jsonl", claims.toString(), "--out", piped.toString());
        writer.join(30_000);
        assertEquals(0, r.code(), r.err());
        java.nio.file.Path fromFile = dir.resolve("file.model");
        Run f = run("train", "--gold", "testdata/gold/dev.papers.jsonl", "testdata/gold/dev.claims.jsonl", "--out", fromFile.toString());
        assertEquals(0, f.code(), f.err());
        assertArrayEquals(java.nio.file.Files.readAllBytes(fromFile), java.nio.file.Files.readAllBytes(piped));
        java.nio.file.Path papers = dir.resolve("papers.fifo");
        mkfifo(papers);
        Run bad = run("train", "--gold", papers.toString(), "testdata/gold/dev.claims.jsonl", "--out", piped.toString());
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains("the papers of a gold set are read twice, so they must be a file, not a pipe: " + papers), bad.err());
    }
}
