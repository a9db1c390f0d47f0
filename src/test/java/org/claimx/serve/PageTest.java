package org.claimx.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page's own script: how it shows a value, run under node where node is installed. */
class PageTest {
    private static String label(Path dir, String valueJson) throws Exception {
        String html = Page.html();
        int from = html.indexOf("// value-label:begin");
        int to = html.indexOf("// value-label:end");
        assertTrue(from >= 0 && to > from, "the page marks its value-label functions");
        Path js = dir.resolve("label.js");
        Files.writeString(js, html.substring(from, to) + "\nprocess.stdout.write(valueLabel(" + valueJson + "));\n");
        Process p;
        try {
            p = new ProcessBuilder("node", js.toString()).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            Assumptions.abort("node is not installed");
            throw e;
        }
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void aPrecisionShowsItsBitWidthsNotNullNull(@TempDir Path dir) throws Exception {
        String w4a8 = label(dir, "{\"text\":\"W4A8\",\"number\":null,\"low\":null,\"high\":null,\"unit\":\"bits\",\"qualifier\":null,"
                + "\"bits\":{\"w\":4,\"a\":8,\"kv\":null}}");
        assertEquals("W4A8 (W4 A8 bits)", w4a8);
        assertFalse(w4a8.contains("null"));
        assertEquals("up to 73% (73 %, up to)", label(dir, "{\"text\":\"up to 73%\",\"number\":73,\"low\":null,\"high\":null,"
                + "\"unit\":\"%\",\"qualifier\":\"up to\",\"bits\":null}"));
        assertEquals("1.48x-12.1x (1.48-12.1 x)", label(dir, "{\"text\":\"1.48x-12.1x\",\"number\":null,\"low\":1.48,\"high\":12.1,"
                + "\"unit\":\"x\",\"qualifier\":null,\"bits\":null}"));
    }

    @Test
    void thePageIsAResourceAndTheSampleIsEncodedForScript() {
        String html = Page.html();
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertFalse(html.contains("{{sample"), "placeholders are filled");
        assertTrue(html.contains("achieves 22.4x faster prefill speed"), "the sample is in the script");
    }
}
