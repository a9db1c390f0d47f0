package org.claimx.slots;

import java.util.Map;

/**
 * Feature weights for lookups in the scoring loop, each giving the weight its map holds, or 0 for a
 * feature it lacks: {@code getOrDefault(feature, 0.0)} bit for bit. Scoring looks up every feature of
 * every candidate in each ranker, features that are new strings each time; a HashMap reaches a
 * weight through a node and a boxed Double, this through three parallel arrays (open addressing,
 * linear probing, the keys' hash codes kept to skip most string comparisons).
 */
final class WeightTable {
    private final String[] keys;
    private final int[] hashes;
    private final double[] values;
    private final int mask;

    WeightTable(Map<String, Double> weights) {
        int capacity = Integer.highestOneBit(Math.max(4, weights.size() * 2) - 1) << 1;
        keys = new String[capacity];
        hashes = new int[capacity];
        values = new double[capacity];
        mask = capacity - 1;
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            if (e.getKey() == null) continue;  // looked up in the map itself
            int h = e.getKey().hashCode();
            int i = slot(h);
            while (keys[i] != null) i = (i + 1) & mask;
            keys[i] = e.getKey();
            hashes[i] = h;
            values[i] = e.getValue();
        }
    }

    /** The weight of a (non-null) feature, 0 when there is none. */
    double get(String feature) {
        int h = feature.hashCode();
        for (int i = slot(h); keys[i] != null; i = (i + 1) & mask) {
            if (hashes[i] == h && keys[i].equals(feature)) return values[i];
        }
        return 0.0;
    }

    private int slot(int h) {
        return (h ^ (h >>> 16)) & mask;
    }
}
