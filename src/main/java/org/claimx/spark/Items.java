package org.claimx.spark;

import java.io.Serializable;
import java.util.List;

/**
 * What flows through the job, from the reading of the inputs to the outputs: papers read, records
 * that could not be read, each input's read counts, then per paper its claims (as the JSON lines
 * claimx extract writes), an error, or a repeat of a paper read elsewhere.
 */
final class Items {
    private Items() {}

    sealed interface Item extends Serializable permits Read, Failed, Stats, Extracted, Repeat {}

    /** A paper read from input {@code split} at {@code line} of {@code source}. */
    record Read(int split, long line, String source, String id, String title, String abstractText) implements Item {}

    /** A record that could not be read or extracted, as claimx extract reports it ({@code source:line: reason}). */
    record Failed(String source, long line, String reason) implements Item {}

    /** What reading one input counted: {@code records == papers + errors + duplicates}. */
    record Stats(String source, long records, long papers, long errors, long duplicates) implements Item {}

    /** A paper's claims, each one line of JSON exactly as {@code claimx extract} writes it (none is fine). */
    record Extracted(String source, long line, String paper, List<String> claims) implements Item {}

    /** A paper read again, with the same id, title and abstract, from another input (read once). */
    record Repeat(String source, long line, String paper) implements Item {}

    /** The totals of a run; {@code records == papers + errors + duplicates} when nothing is lost. */
    record Counts(long records, long papers, long claims, long errors, long duplicates) implements Serializable {
        static final Counts ZERO = new Counts(0, 0, 0, 0, 0);

        static Counts of(Item item) {
            if (item instanceof Stats s) return new Counts(s.records(), 0, 0, 0, s.duplicates());
            if (item instanceof Extracted e) return new Counts(0, 1, e.claims().size(), 0, 0);
            if (item instanceof Failed) return new Counts(0, 0, 0, 1, 0);
            if (item instanceof Repeat) return new Counts(0, 0, 0, 0, 1);
            return ZERO;
        }

        Counts plus(Counts o) {
            return new Counts(records + o.records, papers + o.papers, claims + o.claims, errors + o.errors, duplicates + o.duplicates);
        }

        boolean addsUp() {
            return records == papers + errors + duplicates;
        }
    }
}
