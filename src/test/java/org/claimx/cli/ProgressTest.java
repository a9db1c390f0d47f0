package org.claimx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void durationsReadAsSecondsMinutesOrHours() {
        assertEquals("0s", Progress.duration(0.2));
        assertEquals("59s", Progress.duration(59));
        assertEquals("1m00s", Progress.duration(60));
        assertEquals("2m05s", Progress.duration(125));
        assertEquals("1h01m", Progress.duration(3660));
    }

    @Test
    void lineCountsPapersClaimsAndErrorsAndShowsTheShareReadWhenTheSizeIsKnown() {
        Progress p = new Progress(new PrintStream(new ByteArrayOutputStream()), false, () -> 250, 1000);
        p.paper(3);
        p.paper(0);
        p.error();
        String line = p.line();
        assertTrue(line.startsWith("papers 2  claims 3  errors 1  "), line);
        assertTrue(line.contains(" 25%"), line);
        assertTrue(p.summary().startsWith("papers 2, claims 3, errors 1 ("), p.summary());
    }

    @Test
    void noShareOrEtaWhenTheSizeIsUnknown() {
        Progress p = new Progress(new PrintStream(new ByteArrayOutputStream()), false, () -> 250, -1);
        assertFalse(p.line().contains("%"), p.line());
        assertFalse(p.line().contains("ETA"), p.line());
    }

    @Test
    void aLineStandsAboveTheProgressLineAndNothingIsDrawnWhenNotLive() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Progress p = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, () -> 0, -1)) {
            p.println("claimx: error: x:1: bad");
        }
        assertEquals("claimx: error: x:1: bad" + System.lineSeparator(), bytes.toString(StandardCharsets.UTF_8));
    }
}
