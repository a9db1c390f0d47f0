package org.claimx.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.claimx.io.InputRecord;
import org.claimx.io.PaperInput;
import org.claimx.io.PaperRecord;
import org.claimx.io.ReadError;
import org.claimx.io.ReadStats;
import org.claimx.model.Claim;
import org.claimx.model.Field;
import org.claimx.pipeline.SharedEngine;

/**
 * Fuzz target for the readers and the extractor together: any bytes, as standard input, go through
 * format detection, the chosen reader and the engine. Nothing may throw; every record read is a paper
 * or an error; every claim's span holds its value text.
 *
 * <p>In the ordinary test run (regression mode) it runs on the seeds under
 * {@code src/test/resources/org/claimx/fuzz/InputFuzzTestInputs/}, among them every input that once
 * made it fail. {@code .ci/run} fuzzes it for a bounded time ({@code JAZZER_FUZZ=1}); README says how
 * to fuzz it for longer.
 */
class InputFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void anyBytesAreReadAndExtractedWithoutThrowing(byte[] data) throws Exception {
        List<InputRecord> records;
        ReadStats stats;
        try (PaperInput input = PaperInput.open(List.of("-"), null, new ByteArrayInputStream(data))) {
            records = new java.util.ArrayList<>();
            input.forEachRemaining(records::add);
            stats = input.stats();
        }
        long papers = records.stream().filter(r -> r instanceof PaperRecord).count();
        long errors = records.stream().filter(r -> r instanceof ReadError).count();
        assertEquals(stats.records(), papers + errors + stats.duplicates(), "every record read is accounted for");
        for (InputRecord r : records) {
            if (!(r instanceof PaperRecord p)) continue;
            for (Claim c : SharedEngine.get().extract(p.paper())) {
                String text = c.field() == Field.TITLE ? p.paper().title() : p.paper().abstractText();
                assertTrue(c.span().end() <= text.codePointCount(0, text.length()), c::toString);
                assertEquals(c.value().text(), c.span().of(text), c.toString());
            }
        }
    }
}
