package org.claimx.spark;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.claimx.cli.RulesLocation;
import org.claimx.pipeline.Engine;
import org.claimx.pipeline.PaperGuard;

/**
 * One engine per JVM: built lazily by the first task of an executor that needs it, then shared by
 * every task (and partition) that executor runs, concurrently (the engine is thread-safe). Loading
 * CoreNLP and the rules takes seconds, so an engine per record, or per partition, would cost more
 * than the extraction.
 */
public final class Engines {
    private static final ConcurrentHashMap<String, Engine> ENGINES = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, PaperGuard> GUARDS = new ConcurrentHashMap<>();
    private static final AtomicInteger BUILT = new AtomicInteger();

    private Engines() {}

    /**
     * The guard (engine plus time budget) for {@code rulesDir} in this JVM, built on first use.
     * A folder that is not there on this machine is an {@link IllegalStateException} that says so.
     */
    public static PaperGuard guard(String rulesDir, long maxPaperMs) {
        return GUARDS.computeIfAbsent((rulesDir == null ? "" : rulesDir) + '\u0000' + maxPaperMs,
                k -> new PaperGuard(engine(rulesDir), maxPaperMs));
    }

    /** The engine of {@code rulesDir}; null for claimx's own rules as {@link RulesLocation} finds them (in the jar). */
    static Engine engine(String rulesDir) {
        // computeIfAbsent blocks the other tasks of this JVM while the first one loads: one load per JVM.
        return ENGINES.computeIfAbsent(rulesDir == null ? "" : rulesDir, d -> {
            Path dir = d.isEmpty() ? RulesLocation.resolve(null) : Path.of(d);
            if (!Files.isDirectory(dir)) {
                throw new IllegalStateException("no rules folder " + dir.toAbsolutePath() + " on executor " + host()
                        + ": leave --rules out to use the rules in claimx.jar, or ship a folder with spark-submit --archives rules.zip#rules and give --rules rules");
            }
            Engine e = Engine.load(dir);
            BUILT.incrementAndGet();
            return e;
        });
    }

    /** How many engines this JVM has built: one per rules folder, however many tasks ran. */
    public static int built() {
        return BUILT.get();
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "(unknown host)";
        }
    }
}
