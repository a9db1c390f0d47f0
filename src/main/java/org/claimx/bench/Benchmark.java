package org.claimx.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.claimx.model.Paper;
import org.claimx.pipeline.OrderedRunner;

/**
 * Times one piece of work over a list of papers on N threads, as extract runs it (the ordered
 * runner): wall time, per-paper latency, what the work produced, and the peak heap in use meanwhile.
 * Needs: papers already in memory, so that reading and decompressing are not timed.
 */
public final class Benchmark {
    /** One timed run. Latencies in milliseconds; heap in bytes. */
    public record Run(int threads, int papers, long items, double seconds, double p50Millis, double p99Millis,
                      long peakHeapBytes) {
        public double papersPerSecond() { return papers / seconds; }

        public double itemsPerSecond() { return items / seconds; }
    }

    private Benchmark() {}

    /**
     * Runs {@code work} (which returns how many items it produced, such as claims) once for every
     * paper, on {@code threads} threads.
     */
    public static Run run(List<Paper> papers, int threads, ToIntFunction<Paper> work) throws Exception {
        return run(papers, threads, work::applyAsInt, n -> n);
    }

    /**
     * Runs {@code work} once for every paper on {@code threads} threads and hands each result, in
     * input order and on one thread, to {@code sink} (which writes it, as extract does, and returns
     * how many items it wrote). The latency of a paper is its {@code work}; the wall time includes
     * the sink.
     */
    public static <T> Run run(List<Paper> papers, int threads, Function<Paper, T> work, ToIntFunction<T> sink) throws Exception {
        long[] latencies = new long[papers.size()];
        AtomicLong items = new AtomicLong();
        List<Integer> order = new ArrayList<>(papers.size());
        for (int i = 0; i < papers.size(); i++) order.add(i);
        HeapWatch heap = HeapWatch.start();
        long t0 = System.nanoTime();
        try {
            new OrderedRunner<Integer, T>(threads).run(order.iterator(), i -> {
                long s = System.nanoTime();
                T out = work.apply(papers.get(i));
                latencies[i] = System.nanoTime() - s;
                return out;
            }, (i, out) -> items.addAndGet(sink.applyAsInt(out)));
        } finally {
            heap.stop();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Arrays.sort(latencies);
        return new Run(threads, papers.size(), items.get(), seconds, percentile(latencies, 0.50) / 1e6,
                percentile(latencies, 0.99) / 1e6, heap.peak());
    }

    /** The nearest-rank percentile of sorted values; 0 for none. */
    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) return 0;
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** Samples the heap in use every few milliseconds on a daemon thread and keeps the largest. */
    static final class HeapWatch implements Runnable {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final Thread thread = new Thread(this, "claimx-heap-watch");
        private volatile boolean running = true;
        private volatile long peak;

        static HeapWatch start() {
            HeapWatch w = new HeapWatch();
            w.sample();
            w.thread.setDaemon(true);
            w.thread.start();
            return w;
        }

        private void sample() {
            peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
        }

        @Override
        public void run() {
            while (running) {
                sample();
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stop() throws InterruptedException {
            running = false;
            thread.interrupt();
            thread.join();
            sample();
        }

        long peak() { return peak; }
    }
}
