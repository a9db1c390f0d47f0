package org.claimx.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the rules folder is when {@code --rules} is not given: {@code $CLAIMX_RULES}, else
 * {@code rules/} beside the build folder that holds claimx (target/claimx.jar → ./rules), else
 * {@code ./rules}.
 */
public final class RulesLocation {
    private RulesLocation() {}

    public static Path resolve(Path given) {
        if (given != null) return given;
        String env = System.getenv("CLAIMX_RULES");
        if (env != null && !env.isBlank()) return Path.of(env);
        try {
            Path code = Path.of(RulesLocation.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path beside = code.getParent() == null ? null : code.getParent().getParent();
            if (beside != null && Files.isDirectory(beside.resolve("rules"))) return beside.resolve("rules");
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // Fall through to the working directory: the code source is only a convenience.
        }
        return Path.of("rules");
    }
}
