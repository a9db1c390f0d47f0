package org.claimx.slots;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The table gives what {@code getOrDefault(feature, 0.0)} gives, to the bit. */
class WeightTableTest {
    @Property(tries = 300)
    void everyLookupIsTheMaps(@ForAll @Size(max = 200) Map<@StringLength(max = 6) String, Double> weights,
                              @ForAll @StringLength(max = 6) String other) {
        WeightTable t = new WeightTable(weights);
        for (String k : weights.keySet()) assertSame(weights.getOrDefault(k, 0.0), t.get(new String(k)), k);
        assertSame(weights.getOrDefault(other, 0.0), t.get(other), other);
    }

    /** What the model file writes: every weight of the map once, and nothing else. */
    @Property(tries = 200)
    void eachWeightIsVisitedOnce(@ForAll @Size(max = 200) Map<@StringLength(max = 6) String, Double> weights) {
        Map<String, Double> seen = new HashMap<>();
        new WeightTable(weights).forEach((k, v) -> assertEquals(null, seen.put(k, v), "twice: " + k));
        assertEquals(weights, seen);
    }

    @Test
    void collidingKeysAndAnEmptyTable() {
        Map<String, Double> w = new HashMap<>();
        w.put("Aa", -0.0);  // "Aa" and "BB" have the same hash code
        w.put("BB", 2.5);
        WeightTable t = new WeightTable(w);
        assertSame(-0.0, t.get("Aa"), "Aa");
        assertSame(2.5, t.get("BB"), "BB");
        assertSame(0.0, t.get("C#"), "C#");
        assertSame(0.0, new WeightTable(Map.of()).get("x"), "x");
    }

    private static void assertSame(double expected, double actual, String key) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual), key);
    }
}
