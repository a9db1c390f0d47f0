package org.claimx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimx.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing lost in silence: an output that fails, closes or is interrupted, and an output that names an input. */
class OutputFailuresCliTest {
    private static final String PAPER = "{\"id\":\"p%d\",\"title\":\"T\",\"abstract\":\"Our method is 2.4x faster than FlashAttention.\"}\n";

    private static Path papers(Path dir, String name, int n) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) b.append(String.format(PAPER, i));
        Path f = dir.resolve(name);
        Files.writeString(f, b);
        return f;
    }

    /** Runs claimx with standard output going to {@code out}. */
    private static synchronized CliTest.Run run(OutputStream out, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, false, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new CliTest.Run(code, "", err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** Like /dev/full, or a pipe whose reader has gone: every write fails. */
    private static final class Failing extends OutputStream {
        int writes;

        @Override
        public void write(int b) throws IOException {
            writes++;
            throw new IOException("No space left on device");
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            write(0);
        }
    }

    @Test
    void aFullStandardOutputIsAnErrorInOneLineWithExit1(@TempDir Path dir) throws Exception {
        Path small = papers(dir, "small.jsonl", 3);
        CliTest.Run r = run(new Failing(), "extract", small.toString());
        assertEquals(1, r.code(), r.err());
        List<String> errors = r.err().lines().filter(l -> l.startsWith("claimx: error:")).toList();
        assertEquals(List.of("claimx: error: cannot write to standard output (closed pipe or full disk)"), errors, r.err());
    }

    @Test
    void aClosedPipeStopsTheRunPromptly(@TempDir Path dir) throws Exception {
        Path big = papers(dir, "big.jsonl", 2000);
        Failing out = new Failing();
        CliTest.Run r = run(out, "extract", big.toString());
        assertEquals(1, r.code(), r.err());
        Matcher m = Pattern.compile("papers (\\d+), claims").matcher(r.err());
        assertTrue(m.find(), r.err());
        // The first buffer-full written fails (about a hundred claims); the other papers are not even read.
        assertTrue(Integer.parseInt(m.group(1)) < 200, r.err());
        assertTrue(out.writes <= 2, "a write or two: the one that failed and the closing flush");
    }

    @Test
    void anErrorsFileThatNamesAnInputIsAUsageErrorAndTouchesNothing(@TempDir Path dir) throws Exception {
        Path victim = papers(dir, "victim.jsonl", 3);
        String before = Files.readString(victim);
        CliTest.Run r = CliTest.run("extract", "--errors", victim.toString(), victim.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("claimx: --errors " + victim + " is also an input"), r.err());
        assertEquals(before, Files.readString(victim));
        // Through another spelling of the same file, too.
        CliTest.Run other = CliTest.run("extract", "--errors", dir.resolve(".").resolve("victim.jsonl").toString(), victim.toString());
        assertEquals(2, other.code(), other.err());
        assertEquals(before, Files.readString(victim));
    }

    @Test
    void sigtermFinishesTheRecordFlushesEveryOutputAndExits143(@TempDir Path dir) throws Exception {
        StringBuilder b = new StringBuilder("{\"id\":\"e1\",\"title\":\"T\"}\n{\"id\":\"e2\",\"title\":\"T\"}\n{\"id\":\"e3\",\"title\":\"T\"}\n");
        for (int i = 0; i < 5000; i++) b.append(String.format(PAPER, i));
        Path input = dir.resolve("in.jsonl");
        Files.writeString(input, b);
        Path errors = dir.resolve("errors.jsonl");
        Path out = dir.resolve("out.jsonl");
        Path err = dir.resolve("err.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "extract", "--rules", "rules", "--errors", errors.toString(), input.toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            // Wait until the three errors are reported and some claims are out, then send SIGTERM.
            while (!(Files.readString(err).contains(":3: no abstract") && Files.size(out) > 100_000)) {
                assertTrue(p.isAlive(), Files.readString(err));
                assertTrue(System.nanoTime() < deadline, "never got going: " + Files.readString(err));
                Thread.sleep(50);
            }
            p.destroy();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        } finally {
            p.destroyForcibly();
        }
        String stderr = Files.readString(err);
        assertEquals(143, p.exitValue(), stderr);
        String stdout = Files.readString(out);
        assertTrue(stdout.endsWith("\n"), "output ends with a whole record");
        for (String line : stdout.split("\n")) Json.mapper().readTree(line);
        assertEquals(3, Files.readAllLines(errors).size(), "the errors file holds the three errors reported");
        assertTrue(stderr.contains("papers ") && stderr.contains("errors 3"), stderr);
        assertTrue(stderr.contains("claimx: stopped by SIGTERM"), stderr);
        assertTrue(!stderr.contains("papers 5000,"), "stopped before the end: " + stderr);
    }
}
