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

    /** The weights of a map, its null key left out (the caller keeps that weight). */
    WeightTable(Map<String, Double> weights) {
        this(weights.size());
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            if (e.getKey() != null) put(e.getKey(), e.getValue());
        }
    }

    /** An empty table with room for {@code size} weights. */
    WeightTable(int size) {
        int capacity = Integer.highestOneBit(Math.max(4, size * 2) - 1) << 1;
        keys = new String[capacity];
        hashes = new int[capacity];
        values = new double[capacity];
        mask = capacity - 1;
    }

    /** Adds the weight of a feature the table does not hold yet (non-null); fills at most the size given. */
    void put(String feature, double weight) {
        int h = feature.hashCode();
        int i = slot(h);
        while (keys[i] != null) i = (i + 1) & mask;
        keys[i] = feature;
        hashes[i] = h;
        values[i] = weight;
    }

    /** The weight of a (non-null) feature, 0 when there is none. */
    double get(String feature) {
        int h = feature.hashCode();
        for (int i = slot(h); keys[i] != null; i = (i + 1) & mask) {
            if (hashes[i] == h && keys[i].equals(feature)) return values[i];
        }
        return 0.0;
    }

    /** Each feature with its weight. */
    void forEach(java.util.function.BiConsumer<String, Double> action) {
        for (int i = 0; i < keys.length; i++) if (keys[i] != null) action.accept(keys[i], values[i]);
    }

    private int slot(int h) {
        return (h ^ (h >>> 16)) & mask;
    }
}
