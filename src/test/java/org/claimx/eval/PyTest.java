package org.claimx.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import java.io.IOException;
import org.claimx.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected strings are what python 3.11 prints for the same values. */
class PyTest {
    private static JsonNode json(String s) throws IOException {
        return Json.mapper().readTree(s);
    }

    @Test
    void reprQuotesAsPython() {
        assertEquals("'a'", Py.repr("a"));
        assertEquals("\"it's\"", Py.repr("it's"));
        assertEquals("'it\\'s \"q\" \\\\'", Py.repr("it's \"q\" \\"));
        assertEquals("'tab\\there\\n'", Py.repr("tab\there\n"));
        assertEquals("'Café\\xa0model \\x00 \\u200b 𝐒'", Py.repr("Café\u00a0model \0 \u200b \uD835\uDC12"));
    }

    @Test
    void reprOfJsonValues() throws IOException {
        assertEquals("[-10, None, 1.5, True, {'w': 4}]", Py.repr(json("[-10, null, 1.5, true, {\"w\": 4}]")));
        assertEquals("None", Py.repr((JsonNode) null));
        assertEquals("12345678901234567890123", Py.repr(json("12345678901234567890123")));
    }

    @ParameterizedTest
    @CsvSource({"1.0,1.0", "1e16,1e+16", "1e15,1000000000000000.0", "1e-5,1e-05", "0.0001,0.0001",
            "1.2345678901234568e17,1.2345678901234568e+17", "0.30000000000000004,0.30000000000000004",
            "2.82879384806159e17,2.82879384806159e+17", "4.9e-324,5e-324", "1e22,1e+22", "-2.5,-2.5",
            "0.8235294117647058,0.8235294117647058"})
    void floatReprIsShortestRoundTrip(double x, String repr) {
        assertEquals(repr, Py.floatRepr(x));
    }

    @ParameterizedTest
    @CsvSource({"0.0005,0.001", "0.0015,0.002", "0.0025,0.003", "0.8345,0.835", "0.1235,0.123", "0.125,0.125",
            "0.6666666666666666,0.667", "1.0,1.000", "0.0,0.000"})
    void fixedThreeRoundsTheBinaryValueHalfEven(double x, String text) {
        assertEquals(text, ReportWriter.fixed3(x));
    }

    @Test
    void equalityIsPythons() throws IOException {
        assertTrue(Py.eq(json("1"), json("1.0")));
        assertTrue(Py.eq(json("true"), json("1")));
        assertTrue(Py.eq(null, json("null")));
        assertFalse(Py.eq(json("\"1\""), json("1")));
        assertFalse(Py.eq(json("9007199254740993"), json("9007199254740992.0")));
        assertFalse(Py.eq(DoubleNode.valueOf(Double.NaN), DoubleNode.valueOf(Double.NaN)));
    }

    @Test
    void slicingAndFindingCountCodePoints() {
        String s = "\uD835\uDC12ab\uD835\uDC12c";
        assertEquals("ab", Py.slice(s, 1L, 3L));
        assertEquals("c", Py.slice(s, -1L, null));
        assertEquals("", Py.slice(s, 4L, 2L));
        assertEquals(4, Py.find(s, "c", 0));
        assertEquals(-1, Py.find(s, "", 6));
        assertEquals(5, Py.find(s, "", 5));
    }
}
