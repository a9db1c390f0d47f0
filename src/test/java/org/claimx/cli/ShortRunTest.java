package org.claimx.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which runs count as short (ShortRun): the decision only; StandaloneJarIT checks the JVM takes it. */
class ShortRunTest {
    @TempDir
    Path dir;

    @Test
    void anExtractOfSmallFilesIsShort() throws Exception {
        Path a = Files.writeString(dir.resolve("a.jsonl"), "x".repeat(1000));
        Path b = Files.writeString(dir.resolve("b.jsonl"), "x".repeat(1000));
        assertTrue(ShortRun.isShort(new String[] {"extract", a.toString()}));
        assertTrue(ShortRun.isShort(new String[] {"extract", "--threads", "2", "-q", a.toString(), b.toString()}));
        assertTrue(ShortRun.isShort(new String[] {"explain", "It is 2x faster."}));
    }

    @Test
    void largeInputsStandardInputAndOtherCommandsAreNot() throws Exception {
        Path big = Files.writeString(dir.resolve("big.jsonl"), "x".repeat((int) ShortRun.MAX_INPUT_BYTES + 1));
        Path half = Files.writeString(dir.resolve("half.jsonl"), "x".repeat((int) ShortRun.MAX_INPUT_BYTES / 2 + 1));
        assertFalse(ShortRun.isShort(new String[] {"extract", big.toString()}));
        assertFalse(ShortRun.isShort(new String[] {"extract", half.toString(), half.toString()}), "sizes add up");
        assertFalse(ShortRun.isShort(new String[] {"extract"}), "standard input: its size is unknown");
        assertFalse(ShortRun.isShort(new String[] {"extract", "-", half.toString()}));
        assertFalse(ShortRun.isShort(new String[] {"extract", dir.resolve("missing.jsonl").toString()}));
        assertFalse(ShortRun.isShort(new String[] {"serve"}));
        assertFalse(ShortRun.isShort(new String[] {"bench", "--corpus", half.toString()}));
        assertFalse(ShortRun.isShort(new String[] {}));
    }

    @Test
    void theJvmPropertyKeepsTheOptimisingCompiler() throws Exception {
        Path a = Files.writeString(dir.resolve("a.jsonl"), "x");
        System.setProperty("claimx.c2", "always");
        try {
            assertFalse(ShortRun.isShort(new String[] {"extract", a.toString()}));
            assertFalse(ShortRun.isShort(new String[] {"explain", "It is 2x faster."}));
        } finally {
            System.clearProperty("claimx.c2");
        }
    }
}
