package org.claimx.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.claimx.model.Paper;
import org.junit.jupiter.api.Test;

class BenchmarkTest {
    @Test
    void percentilesAreNearestRank() {
        long[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertEquals(5, Benchmark.percentile(v, 0.50));
        assertEquals(10, Benchmark.percentile(v, 0.99));
        assertEquals(1, Benchmark.percentile(new long[] {1}, 0.99));
        assertEquals(0, Benchmark.percentile(new long[0], 0.5));
    }

    @Test
    void aRunCountsEveryPaperAndWhatTheWorkReturned() throws Exception {
        List<Paper> papers = List.of(new Paper("a", "t", "x"), new Paper("b", "t", "yy"), new Paper("c", "t", "zzz"));
        Benchmark.Run r = Benchmark.run(papers, 2, p -> p.abstractText().length());
        assertEquals(3, r.papers());
        assertEquals(6, r.items());
        assertEquals(2, r.threads());
    }

    @Test
    void theSinkGetsEveryResultInInputOrderOnOneThread() throws Exception {
        List<Paper> papers = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) papers.add(new Paper("p" + i, "t", "x".repeat(i % 7 + 1)));
        List<String> seen = new java.util.ArrayList<>();
        java.util.Set<Thread> sinkThreads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Benchmark.Run r = Benchmark.run(papers, 3, p -> p.id(), id -> {
            seen.add(id);
            sinkThreads.add(Thread.currentThread());
            return 2;
        });
        assertEquals(papers.stream().map(Paper::id).toList(), seen);
        assertEquals(1, sinkThreads.size());
        assertEquals(400, r.items());
    }
}
