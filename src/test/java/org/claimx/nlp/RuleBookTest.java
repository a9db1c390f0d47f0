package org.claimx.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleBookTest {
    @Test
    void aRuleThatDoesNotParseIsReportedWithItsFileAndLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("10-x.rules"), String.join("\n",
                "ENV.defaults[\"ruleType\"] = \"text\"",
                "{ name: \"ok\", pattern: /\\d+%/, result: \"ok\" }",
                "",
                "{ name: \"broken\", pattern: /\\d+/,",
                "  result: }",
                ""));
        RuleException e = assertThrows(RuleException.class, () -> RuleBook.load(dir, Map.of()));
        assertEquals(4, e.line());
        assertTrue(e.getMessage().startsWith(dir.resolve("10-x.rules") + ":4: "), e.getMessage());
    }

    @Test
    void aMacroThatIsNotARegexIsReportedWithItsLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("10-x.rules"), "ENV.defaults[\"ruleType\"] = \"text\"\n$BAD = \"(unclosed\"\n");
        RuleException e = assertThrows(RuleException.class, () -> RuleBook.load(dir, Map.of()));
        assertEquals(2, e.line());
    }

    @Test
    void macrosFromLexiconsAndFilesExpandInTextRules(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("10-x.rules"), String.join("\n",
                "ENV.defaults[\"ruleType\"] = \"text\"",
                "$N = \"\\\\d+\"",
                "{ name: \"pct\", pattern: /$N\\s?$PCT/, result: \"pct\" }",
                ""));
        RuleBook book = RuleBook.load(dir, Map.of("PCT", "(?:%|percent)"));
        assertEquals(java.util.List.of("pct"), book.ruleNames());
        var sentence = new Nlp().split("It is 42 percent.").get(0);
        var found = book.extractor().extractExpressions(sentence);
        assertEquals(1, found.size());
        assertEquals("42 percent", found.get(0).getText());
    }

    @Test
    void aGroupRepeatedWithoutABoundIsRefusedWithItsRuleAndLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("10-x.rules"), String.join("\n",
                "ENV.defaults[\"ruleType\"] = \"text\"",
                "{ name: \"bounded\", pattern: /\\d+(?:\\s*x\\s*\\d+){1,8}(?:,\\d+)*+[\\w-]*/, result: \"bounded\" }",
                "{ name: \"grid.unbounded\", pattern: /\\d+(?:\\s*x\\s*\\d+)+\\s*px/,",
                "  result: \"grid.unbounded\" }",
                ""));
        RuleException e = assertThrows(RuleException.class, () -> RuleBook.load(dir, Map.of()));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("rule grid.unbounded: a group repeated without a bound"), e.getMessage());
    }

    @Test
    void anUnboundedGroupInALexiconMacroIsFoundInTheRuleThatUsesIt(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("10-x.rules"), "ENV.defaults[\"ruleType\"] = \"text\"\n"
                + "{ name: \"list\", pattern: /$LIST%/, result: \"list\" }\n");
        RuleException e = assertThrows(RuleException.class, () -> RuleBook.load(dir, Map.of("LIST", "\\d+(?:,\\s?\\d+)*")));
        assertEquals(2, e.line());
    }

    @Test
    void onlyUnboundedGroupRepetitionsCount() {
        assertEquals(-1, RuleBook.unboundedGroupRepetition("\\d+(?:\\.\\d+)?[a-z)]*(?:x){0,3}(?:y)++\\Q)*\\E"));
        assertEquals(5, RuleBook.unboundedGroupRepetition("a(?:b)*"));
        assertEquals(5, RuleBook.unboundedGroupRepetition("a(?:b){2,}"));
        assertEquals(5, RuleBook.unboundedGroupRepetition("a(?:b)+?"));
    }

    @Test
    void anEmptyRuleFolderIsAnError(@TempDir Path dir) {
        assertThrows(RuleException.class, () -> RuleBook.load(dir, Map.of()));
    }
}
