package org.claimx.pipeline;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs a function over a stream of inputs on N threads and hands the results on in input order, so
 * that output is the same for any N. At most {@code 4 * threads} inputs are in flight, which keeps
 * memory flat on a stream of any length.
 */
public final class OrderedRunner<I, O> {
    /** Receives results in input order. */
    public interface Sink<I, O> {
        void accept(I input, O output) throws Exception;
    }

    private record Job<I, O>(I input, Future<O> result) {}

    private final int threads;

    public OrderedRunner(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1: " + threads);
        this.threads = threads;
    }

    public void run(Iterator<I> inputs, Function<I, O> work, Sink<I, O> sink) throws Exception {
        if (threads == 1) {
            while (inputs.hasNext()) {
                I in = inputs.next();
                sink.accept(in, work.apply(in));
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "claimx-worker");
            t.setDaemon(true);
            return t;
        });
        Deque<Job<I, O>> window = new ArrayDeque<>();
        try {
            while (inputs.hasNext()) {
                I in = inputs.next();
                window.add(new Job<>(in, pool.submit(() -> work.apply(in))));
                if (window.size() >= threads * 4) drain(window.poll(), sink);
            }
            while (!window.isEmpty()) drain(window.poll(), sink);
        } finally {
            pool.shutdownNow();
        }
    }

    private static <I, O> void drain(Job<I, O> job, Sink<I, O> sink) throws Exception {
        O out;
        try {
            out = job.result().get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) throw re;
            if (cause instanceof Error err) throw err;
            throw e;
        }
        sink.accept(job.input(), out);
    }
}
