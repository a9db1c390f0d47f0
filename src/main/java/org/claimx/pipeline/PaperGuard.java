package org.claimx.pipeline;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.claimx.model.Claim;
import org.claimx.model.Paper;

/**
 * Extracts one paper so that nothing it does can end the run: whatever the extraction throws
 * ({@link StackOverflowError} included; only the other {@link VirtualMachineError}s, such as running
 * out of memory, go on up) and however long it runs past {@code maxMillis} comes back as a
 * {@link Result} with a reason, for the caller to report as that paper's error.
 *
 * <p>The time budget: a JVM thread cannot be stopped safely, so each paper is extracted on a thread
 * of its own pool and waited for up to the budget; past it, the paper is given up and its thread
 * interrupted. The engine notices the interrupt at its next sentence (see
 * {@link org.claimx.values.ValueFinder}) and CoreNLP's tagger checks it too, but a stage that does
 * neither (the tokenizer on a pathological text) keeps its thread busy until it is done: given up is
 * not stopped. The pool grows past such threads, so the papers after it are not held up, and its
 * threads are daemons, so a run ends when its output is written. A budget reached changes the output,
 * so it is meant for papers far from it: ordinary ones take milliseconds.
 *
 * <p>Thread-safe; one guard serves all the workers of a run.
 */
public final class PaperGuard implements AutoCloseable {
    public static final long DEFAULT_MAX_PAPER_MS = 10_000;

    /** The claims of a paper, or, when {@code failure} is not null, why it has none. */
    public record Result(List<Claim> claims, String failure) {
        public boolean failed() { return failure != null; }
    }

    private final Function<Paper, List<Claim>> extractor;
    private final long maxMillis;
    private final ThreadPoolExecutor pool;

    public PaperGuard(Engine engine, long maxMillis) {
        this(engine::extract, maxMillis);
    }

    /** As {@link #PaperGuard(Engine, long)}, over any extraction (tests give one that misbehaves). */
    public PaperGuard(Function<Paper, List<Claim>> extractor, long maxMillis) {
        if (maxMillis < 1) throw new IllegalArgumentException("the time budget of a paper must be a positive number of milliseconds: " + maxMillis);
        this.extractor = extractor;
        this.maxMillis = maxMillis;
        this.pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "claimx-paper");
            t.setDaemon(true);
            return t;
        });
    }

    public long maxMillis() { return maxMillis; }

    /** The paper's claims, or the reason it has none; never throws but for the JVM's own failures. */
    public Result extract(Paper paper) {
        Future<List<Claim>> job = pool.submit(() -> extractor.apply(paper));
        try {
            return new Result(job.get(maxMillis, TimeUnit.MILLISECONDS), null);
        } catch (TimeoutException e) {
            job.cancel(true);
            return new Result(List.of(), "extraction took longer than " + maxMillis + " ms (--max-paper-ms) and was given up");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof VirtualMachineError vme && !(cause instanceof StackOverflowError)) throw vme;
            return new Result(List.of(), "extraction failed: " + describe(cause));
        } catch (InterruptedException e) {
            // The caller is being stopped: so is the paper.
            job.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while extracting paper " + paper.id());
        }
    }

    /** The error's class and first line of message, and where in claimx it was thrown, when the trace shows it. */
    static String describe(Throwable t) {
        StringBuilder b = new StringBuilder(t.getClass().getSimpleName());
        String msg = t.getMessage();
        if (msg != null && !msg.isBlank()) {
            String line = msg.strip().lines().findFirst().orElse("");
            b.append(": ").append(line.length() > 200 ? line.substring(0, 200) + "..." : line);
        }
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().startsWith("org.claimx.") && !e.getClassName().equals(PaperGuard.class.getName())) {
                String cls = e.getClassName().substring(e.getClassName().lastIndexOf('.') + 1);
                b.append(" (in ").append(cls).append('.').append(e.getMethodName()).append(')');
                break;
            }
        }
        return b.toString();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
