package org.claimx.spark;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.claimx.model.Paper;
import org.claimx.pipeline.PaperGuard;
import org.claimx.spark.Items.Extracted;
import org.claimx.spark.Items.Failed;
import org.claimx.spark.Items.Item;
import org.claimx.spark.Items.Read;
import org.claimx.spark.Items.Repeat;
import scala.Tuple2;

/**
 * The executor side: per partition, the papers go through this JVM's one engine
 * ({@link Engines}), one at a time as Spark pulls them, under the same guard as claimx extract (a
 * paper that throws or runs past its time budget is an error record naming it, and the partition
 * goes on). Papers arrive grouped by id, so that a paper that stands in two inputs is read once, as
 * claimx extract reads it once: the first in input order is extracted; a later one with the same
 * title and abstract is a repeat, one with another is an error.
 */
final class Extraction {
    private Extraction() {}

    static Iterator<Item> run(Iterator<Tuple2<String, Iterable<Item>>> groups, String rulesDir, long maxPaperMs) {
        return new Iterator<>() {
            private final Deque<Item> ready = new ArrayDeque<>();
            private PaperGuard guard;

            @Override
            public boolean hasNext() {
                while (ready.isEmpty() && groups.hasNext()) group(groups.next()._2());
                return !ready.isEmpty();
            }

            @Override
            public Item next() {
                if (!hasNext()) throw new NoSuchElementException();
                return ready.poll();
            }

            private void group(Iterable<Item> items) {
                List<Read> papers = new ArrayList<>();
                for (Item i : items) {
                    if (i instanceof Read r) papers.add(r);
                    else ready.add(i);
                }
                if (papers.isEmpty()) return;
                papers.sort(Comparator.comparingInt(Read::split).thenComparingLong(Read::line));
                Read first = papers.get(0);
                if (guard == null) guard = Engines.guard(rulesDir, maxPaperMs);
                ready.add(extract(guard, first));
                for (Read r : papers.subList(1, papers.size())) {
                    if (r.title().equals(first.title()) && r.abstractText().equals(first.abstractText())) {
                        ready.add(new Repeat(r.source(), r.line(), r.id()));
                    } else {
                        // The words of claimx extract (PaperInput) for the same case within one input.
                        ready.add(new Failed(r.source(), r.line(), "duplicate id " + r.id() + " with another title or abstract than at "
                                + first.source() + ":" + first.line() + " (the first is kept)"));
                    }
                }
            }
        };
    }

    /** One paper's claims, or its error record, as claimx extract makes them. */
    static Item extract(PaperGuard guard, Read r) {
        PaperGuard.Result result = guard.extract(new Paper(r.id(), r.title(), r.abstractText()));
        if (result.failed()) return new Failed(r.source(), r.line(), "paper " + r.id() + ": " + result.failure());
        return new Extracted(r.source(), r.line(), r.id(), ClaimSchema.lines(result.claims()));
    }
}
