package org.claimx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, copied alone into an empty folder, runs extract, explain and serve with the rules
 * and the model it carries: the same claims as the checkout's rules give. Needs the jar, so it runs
 * after {@code mvn package}, not in {@code mvn test}: {@code .ci/run} runs it with
 * {@code mvn test -Dtest=StandaloneJarIT -DskipFuzz=true}.
 */
class StandaloneJarIT {
    private static final Path JAR = Path.of("target/claimx.jar");
    private static final Path EXAMPLE = Path.of("testdata/inputs/example.jsonl").toAbsolutePath();

    @TempDir
    static Path dir;
    private static Path jar;

    @BeforeAll
    static void copyTheJarAlone() throws Exception {
        if (!Files.isRegularFile(JAR)) fail(JAR + " is not there: run mvn -DskipTests package first");
        jar = Files.copy(JAR, dir.resolve("claimx.jar"), StandardCopyOption.COPY_ATTRIBUTES);
    }

    private record Out(int code, String out, String err) {}

    private static ProcessBuilder java(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().remove("CLAIMX_RULES");
        return pb;
    }

    private static Out run(String... args) throws Exception {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = java(args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("claimx " + String.join(" ", args) + " did not end in 180 s");
        }
        return new Out(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void theJarHoldsTheRulesTheModelAndOnlyTheTaggerOfCoreNlpsModels() throws Exception {
        try (ZipFile z = new ZipFile(jar.toFile())) {
            List<String> models = z.stream().map(e -> e.getName())
                    .filter(n -> n.startsWith("edu/stanford/nlp/models/") && !n.endsWith("/")).toList();
            assertEquals(List.of("edu/stanford/nlp/models/pos-tagger/english-left3words-distsim.tagger"), models);
            for (String name : new String[] {"rules/normalize.tsv", "rules/models/slots.model", "rules/values/10-values.rules",
                    "rules/slots/10-candidates.rules", "rules/lexicon/units.tsv", "LICENSE", "META-INF/licenses/README.txt",
                    "org/claimx/cli/Main.class",
                    "edu/stanford/nlp/pipeline/StanfordCoreNLP.class", "picocli/CommandLine.class"}) {
                assertTrue(z.getEntry(name) != null, "the jar holds " + name);
            }
            // A library's licence travels with it, whatever its version.
            assertTrue(z.stream().anyMatch(e -> e.getName().matches("META-INF/licenses/jackson-databind-[\\d.]+-jar/META-INF/LICENSE")),
                    "the jar holds jackson-databind's licence under META-INF/licenses/");
            for (Path rule : Files.walk(Path.of("rules")).filter(Files::isRegularFile).toList()) {
                String name = rule.toString().replace('\\', '/');
                var entry = z.getEntry(name);
                assertTrue(entry != null, "the jar holds " + name);
                assertEquals(Files.size(rule), entry.getSize(), name + " in the jar is the checkout's (rebuild the jar after a rule change)");
            }
        }
        assertTrue(Files.size(jar) < 60L << 20, "the jar stays small: " + Files.size(jar));
    }

    @Test
    void extractFromTheJarAloneGivesTheClaimsOfTheCheckoutsRules() throws Exception {
        Out got = run("extract", "-q", EXAMPLE.toString());
        assertEquals(0, got.code(), got.err());
        assertFalse(got.err().contains("Exception"), got.err());
        CliTest.Run expected = CliTest.run("extract", "-q", "--rules", "rules", EXAMPLE.toString());
        assertEquals(0, expected.code(), expected.err());
        assertTrue(expected.out().lines().count() > 5, "the example has claims");
        assertEquals(expected.out(), got.out());
    }

    /** 'claimx extract' of the jar with JVM options first; stdout and stderr. */
    private static Out runJvm(List<String> jvm, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
        cmd.addAll(jvm);
        cmd.addAll(List.of("-jar", jar.toString()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", cmd) + " did not end in 180 s");
        }
        return new Out(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** JVM options that print its compilations into {@code log} instead of standard output. */
    private static List<String> vmLog(Path log) {
        return List.of("-XX:+PrintCompilation", "-XX:+UnlockDiagnosticVMOptions", "-XX:+LogVMOutput", "-XX:-DisplayVMOutput",
                "-XX:LogFile=" + log);
    }

    /**
     * A short run asks the JVM to leave out its optimising compiler (ShortRun): with the JVM printing
     * its compilations, the excluded ones show; a run told to keep it excludes none; the claims are
     * the same bytes.
     */
    @Test
    void aShortRunLeavesOutTheOptimisingCompilerAndGivesTheSameClaims() throws Exception {
        // The JVM's own printing goes to a log file, not to standard output, where it could cut a claim's line.
        Path shortLog = dir.resolve("short-vm.log");
        Path keptLog = dir.resolve("kept-vm.log");
        Out shortRun = runJvm(vmLog(shortLog), "extract", "-q", EXAMPLE.toString());
        List<String> keptJvm = new java.util.ArrayList<>(vmLog(keptLog));
        keptJvm.add("-Dclaimx.c2=always");
        Out kept = runJvm(keptJvm, "extract", "-q", EXAMPLE.toString());
        assertEquals(0, shortRun.code(), shortRun.err());
        assertEquals(0, kept.code(), kept.err());
        long excluded = Files.readString(shortLog).lines().filter(l -> l.startsWith("### Excluding compile")).count();
        assertTrue(excluded > 20, "optimising compilations excluded on a short run: " + excluded);
        assertTrue(Files.readString(keptLog).lines().anyMatch(l -> l.contains("java.lang.String::")), "the kept run's log holds its compilations");
        assertEquals(0, Files.readString(keptLog).lines().filter(l -> l.startsWith("### Excluding compile")).count());
        java.util.function.Function<String, String> claims = o -> o.lines().filter(l -> l.startsWith("{\"paper\"")).collect(
                java.util.stream.Collectors.joining("\n"));
        assertTrue(claims.apply(kept.out()).lines().count() > 5);
        assertEquals(claims.apply(kept.out()), claims.apply(shortRun.out()));
        // Without PrintCompilation the JVM says nothing of it: stdout is the claims alone.
        Out quiet = run("extract", "-q", EXAMPLE.toString());
        assertEquals(claims.apply(kept.out()) + "\n", quiet.out());
    }

    @Test
    void explainFromTheJarAlone() throws Exception {
        Out got = run("explain", "It reduces memory by up to 73%.");
        assertEquals(0, got.code(), got.err());
        assertTrue(got.out().contains("tokens: It/PRP reduces/VBZ memory/NN"), got.out());
        assertTrue(got.out().contains("values: percent.number-percent «up to 73%»"), got.out());
        assertTrue(got.out().contains("metric=memory"), got.out());
    }

    @Test
    void aRulesFolderGivenOverridesTheBundledOnes() throws Exception {
        Out got = run("extract", "--rules", "no-such-rules", EXAMPLE.toString());
        assertEquals(2, got.code(), got.err());
        assertTrue(got.err().startsWith("claimx: no rules folder: no-such-rules"), got.err());
    }

    @Test
    void benchSaysWhatItsYardstickNeedsInsteadOfFailingWithoutCoreNlpsModelsJar() throws Exception {
        Out got = run("bench", "--corpus", EXAMPLE.toString(), "--warmup", "0", "--threads", "1");
        assertEquals(2, got.code(), got.err());
        assertTrue(got.err().startsWith("claimx: the plain pipeline's ner needs CoreNLP's models jar"), got.err());
        assertFalse(got.err().contains("Exception"), got.err());
        Out tagged = run("bench", "--corpus", EXAMPLE.toString(), "--warmup", "0", "--threads", "1",
                "--plain-annotators", "tokenize,ssplit,pos,lemma");
        assertEquals(0, tagged.code(), tagged.err());
        assertTrue(tagged.out().contains("claimx/plain"), tagged.out());
    }

    @Test
    void tooSmallAHeapIsAMessageNotAStackTrace() throws Exception {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx48m", "-jar",
                jar.toString(), "extract", "-q", EXAMPLE.toString());
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), err);
        assertTrue(err.startsWith("claimx: out of memory: the Java heap (at most "), err);
        assertFalse(err.contains("\tat "), err);
    }

    @Test
    void trainWillNotWriteIntoTheJar() throws Exception {
        Out got = run("train", "--gold", Path.of("testdata/gold/dev.papers.jsonl").toAbsolutePath().toString(),
                Path.of("testdata/gold/dev.claims.jsonl").toAbsolutePath().toString());
        assertEquals(2, got.code(), got.err());
        assertTrue(got.err().contains("give --out FILE"), got.err());
    }

    @Test
    void serveFromTheJarAlone() throws Exception {
        Process p = java("serve", "--port", "0").redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            int port = -1;
            StringBuilder seen = new StringBuilder();
            for (String line; port < 0 && (line = out.readLine()) != null; ) {
                seen.append(line).append('\n');
                Matcher m = Pattern.compile("listening on http://[^:]+:(\\d+)/").matcher(line);
                if (m.find()) port = Integer.parseInt(m.group(1));
            }
            assertTrue(port > 0, "the server never said where it listens: " + seen);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            assertEquals("{\"status\": \"ok\"}", health.body().strip().replace("\"status\":\"ok\"", "\"status\": \"ok\""));
            HttpResponse<String> claims = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/extract"))
                    .timeout(Duration.ofSeconds(60)).header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString("It reduces memory by up to 73%.")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, claims.statusCode(), claims.body());
            assertTrue(claims.body().contains("\"metric\":\"memory\""), claims.body());
            assertTrue(claims.body().contains("\"text\":\"up to 73%\""), claims.body());
            p.destroy();
            assertTrue(p.waitFor(15, TimeUnit.SECONDS), "the server stops on SIGTERM");
        } finally {
            p.destroyForcibly();
        }
    }
}
