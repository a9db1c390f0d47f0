package org.claimx;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Background threads of claimx's own (the loads at start, warm-ups): daemons, so they never keep the JVM
 * alive, whose escaping throwables print nothing. A load's result, or what it threw, reaches the caller
 * through {@link Load#get}. In a heap that is full, an OutOfMemoryError can escape even the future that
 * runs the work (recording the outcome can need memory too), so the thread ends and the future is never
 * done: {@code get} waits for the thread, not only for the future, and then throws what escaped. Java's
 * default would print that error's stack trace over claimx's own message (the out-of-memory one in
 * {@code Main}), and a caller waiting on the future alone would wait for ever.
 */
public final class Daemons {
    private Daemons() {}

    /** Starts {@code work} on a daemon thread of that name. */
    public static Thread start(Runnable work, String name) {
        return start(work, name, new Escaped());
    }

    /** Starts {@code work} on a daemon thread of that name; its result comes from {@link Load#get}. */
    public static <T> Load<T> load(Callable<T> work, String name) {
        FutureTask<T> task = new FutureTask<>(work);
        return load(task, task, name);
    }

    /** A load whose thread runs {@code body}, which is meant to run {@code task} (tests give one that does not). */
    static <T> Load<T> load(FutureTask<T> task, Runnable body, String name) {
        Escaped escaped = new Escaped();
        return new Load<>(task, start(body, name, escaped), escaped);
    }

    private static Thread start(Runnable work, String name, Escaped handler) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        t.setUncaughtExceptionHandler(handler);
        t.start();
        return t;
    }

    /** Work on a thread of its own. */
    public static final class Load<T> {
        private final FutureTask<T> task;
        private final Thread thread;
        private final Escaped escaped;

        private Load(FutureTask<T> task, Thread thread, Escaped escaped) {
            this.task = task;
            this.thread = thread;
            this.escaped = escaped;
        }

        /** What the work returned, or what it threw, as it threw it (an error, or an unchecked exception). */
        public T get() {
            try {
                thread.join();
                if (!task.isDone()) {
                    Throwable t = escaped.thrown;
                    if (t instanceof Error err) throw err;
                    if (t instanceof RuntimeException r) throw r;
                    throw new IllegalStateException("the thread " + thread.getName() + " ended without a result", t);
                }
                return task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while loading");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException r) throw r;
                if (cause instanceof Error err) throw err;
                throw new IllegalStateException(cause);
            }
        }

        /** Interrupts the work if it still runs: its result is no longer wanted (a no-op once done). */
        public void cancel() {
            task.cancel(true);
        }
    }

    /** Keeps what escaped a thread, allocating nothing (it is built while memory is free). */
    private static final class Escaped implements Thread.UncaughtExceptionHandler {
        volatile Throwable thrown;

        @Override
        public void uncaughtException(Thread t, Throwable e) {
            thrown = e;
        }
    }
}
