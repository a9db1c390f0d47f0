package org.claimx.cli;

import picocli.CommandLine.Option;

/** {@code --threads N} of the commands that extract papers, declared once (a picocli mixin). */
final class ThreadsOption {
    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "Worker threads for extraction; the output does not depend on it. Default: ${DEFAULT-VALUE}.")
    int threads;

    /** The thread count, at least 1, or a usage error naming the value. */
    int get() {
        if (threads < 1) throw new UsageException("--threads must be at least 1: " + threads);
        return threads;
    }
}
