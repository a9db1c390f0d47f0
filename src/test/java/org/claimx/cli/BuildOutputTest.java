package org.claimx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * README's first command, {@code mvn -q -DskipTests package && java -jar target/claimx.jar extract ... > out.jsonl},
 * must leave clean JSON: Maven under -q writes nothing to standard output (its console library wrote a colour
 * reset there at exit, until .mvn/jvm.config said -Djansi.noreset=true).
 */
class BuildOutputTest {
    @Test
    void quietMavenWritesNothingToStandardOutput() throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("mvn", "-q", "-o", "validate").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (java.io.IOException e) {
            Assumptions.abort("mvn is not on the PATH");
            return;
        }
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals("", new String(out, StandardCharsets.UTF_8).replace("\u001b", "ESC"));
    }
}
