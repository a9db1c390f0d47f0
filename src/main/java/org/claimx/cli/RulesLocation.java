package org.claimx.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the rules folder is when {@code --rules} is not given, first found of:
 * <ol>
 *   <li>{@code $CLAIMX_RULES};</li>
 *   <li>{@code rules/} beside claimx's jar (a folder a user put there to edit the rules);</li>
 *   <li>{@code rules/} beside the build folder {@code target/} that holds claimx (target/claimx.jar or
 *       target/classes → ./rules): a checkout runs with the rules as they are being edited;</li>
 *   <li>the rules bundled in claimx's jar (read in place, as a zip file system), so that the jar alone
 *       runs anywhere.</li>
 * </ol>
 * When none of these is there (claimx run from classes without the rules), {@code ./rules}, which the
 * caller then reports missing.
 */
public final class RulesLocation {
    /** Where the bundled rules sit inside the jar (or under the classes folder). */
    static final String BUNDLED = "/rules";

    private RulesLocation() {}

    public static Path resolve(Path given) {
        if (given != null) return given;
        String env = System.getenv("CLAIMX_RULES");
        if (env != null && !env.isBlank()) return Path.of(env);
        Path beside = besideCode(codeSource());
        if (beside != null) return beside;
        Path bundled = bundled();
        return bundled != null ? bundled : Path.of("rules");
    }

    /** Whether {@code dir} is the rules read from inside the jar (so nothing can be written there). */
    static boolean isBundled(Path dir) {
        return dir.getFileSystem() != FileSystems.getDefault();
    }

    /** The jar (or classes folder) claimx runs from; null if it cannot be told. */
    private static Path codeSource() {
        try {
            return Path.of(RulesLocation.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | SecurityException | NullPointerException | IllegalArgumentException
                 | java.nio.file.FileSystemNotFoundException e) {
            return null;  // The code source is only a convenience.
        }
    }

    /**
     * {@code rules/} beside the jar, or beside the {@code target/} folder that holds the jar or the
     * classes; null if neither is a folder.
     */
    static Path besideCode(Path code) {
        if (code == null || code.getParent() == null) return null;
        Path folder = code.getParent();
        if (Files.isRegularFile(code) && Files.isDirectory(folder.resolve("rules"))) return folder.resolve("rules");
        Path name = folder.getFileName();
        if (name != null && name.toString().equals("target") && folder.getParent() != null
                && Files.isDirectory(folder.getParent().resolve("rules"))) {
            return folder.getParent().resolve("rules");
        }
        return null;
    }

    /** The rules the build put on the class path (inside the jar, or under target/classes); null if none. */
    static synchronized Path bundled() {
        URL url = RulesLocation.class.getResource(BUNDLED + "/normalize.tsv");
        if (url == null) return null;
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try {
                    FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    try {
                        FileSystems.newFileSystem(uri, Map.of());
                    } catch (FileSystemAlreadyExistsException raced) {
                        // Opened meanwhile: fine.
                    }
                }
            }
            return Path.of(uri).getParent();
        } catch (URISyntaxException | IOException | IllegalArgumentException | FileSystemNotFoundException e) {
            return null;
        }
    }
}
