package org.claimx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the rules are found when --rules is not given (the packaged jar alone: StandaloneJarIT). */
class RulesLocationTest {
    @Test
    void aGivenFolderWins(@TempDir Path dir) {
        assertEquals(dir, RulesLocation.resolve(dir));
    }

    @Test
    void rulesBesideTheJarAreUsed(@TempDir Path dir) throws Exception {
        Path jar = Files.createFile(dir.resolve("claimx.jar"));
        Files.createDirectory(dir.resolve("rules"));
        assertEquals(dir.resolve("rules"), RulesLocation.besideCode(jar));
    }

    @Test
    void rulesBesideTheBuildFolderAreUsedForTheJarAndForTheClasses(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("target/classes"));
        Files.createDirectory(dir.resolve("rules"));
        Path jar = Files.createFile(dir.resolve("target/claimx.jar"));
        assertEquals(dir.resolve("rules"), RulesLocation.besideCode(jar));
        assertEquals(dir.resolve("rules"), RulesLocation.besideCode(dir.resolve("target/classes")));
    }

    @Test
    void aRulesFolderTwoLevelsUpIsNotTakenForAJarOutsideABuildFolder(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("x"));
        Files.createDirectory(dir.resolve("rules"));
        Path jar = Files.createFile(dir.resolve("x/claimx.jar"));
        assertNull(RulesLocation.besideCode(jar), "a copied jar in x/ does not pick up ../rules by chance");
    }

    @Test
    void theBundledRulesAreOnTheClassPath() {
        Path bundled = RulesLocation.bundled();
        assertNotNull(bundled, "the build puts rules/ on the class path");
        assertTrue(Files.isRegularFile(bundled.resolve("models/slots.model")));
        assertTrue(Files.isDirectory(bundled.resolve("values")));
        assertFalse(RulesLocation.isBundled(bundled), "under target/classes they are ordinary files");
    }
}
