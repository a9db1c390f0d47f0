package org.claimx.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --rules DIR}, one declaration for every command that loads the rules (a picocli mixin). */
final class RulesOption {
    @Option(names = "--rules", paramLabel = "DIR", description = "Rules folder (default: $CLAIMX_RULES, else rules/ beside the jar or beside its target/ folder, else the rules inside the jar).")
    Path rules;

    /**
     * The rules folder, given or found ({@link RulesLocation}); a folder that is not there is a usage
     * error naming it, not a failure deep in loading.
     */
    Path dir() {
        Path dir = RulesLocation.resolve(rules);
        if (!Files.isDirectory(dir)) {
            throw new UsageException("no rules folder: " + dir + (rules == null ? " (give --rules DIR or set $CLAIMX_RULES)" : ""));
        }
        return dir;
    }
}
