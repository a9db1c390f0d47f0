package org.claimx.slots;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A word-keyed lookup of a lexicon (a loop over one regex per entry, or one big regex) remembered per
 * word or phrase: the feature code asks about every word near every value and about every candidate
 * phrase, and abstracts use the same words and phrases over and over. Safe across threads. Bounded: past {@link #MAX_WORDS} words it computes without remembering, so a long
 * run or a server does not grow it without end.
 */
final class WordMemo<V> {
    static final int MAX_WORDS = 100_000;

    private final Function<String, V> lookup;
    private final ConcurrentHashMap<String, Optional<V>> known = new ConcurrentHashMap<>();

    WordMemo(Function<String, V> lookup) {
        this.lookup = lookup;
    }

    /** What the lookup gives for {@code word} (null included). */
    V get(String word) {
        Optional<V> v = known.get(word);
        if (v != null) return v.orElse(null);
        V computed = lookup.apply(word);
        if (known.size() < MAX_WORDS) known.putIfAbsent(word, Optional.ofNullable(computed));
        return computed;
    }
}
