package org.claimx.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.claimx.io.Json;
import org.claimx.model.Claim;
import org.claimx.model.Paper;
import org.claimx.pipeline.SharedEngine;
import org.claimx.slots.SlotLexicon;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** testdata/corpus/audit/audit.jsonl: papers that must and must not raise each audit kind, through the engine and the audit. */
class AuditCorpusTest {
    private static final Path LEXICON = Path.of("rules/lexicon");
    private static final Audit AUDIT = new Audit(Names.load(LEXICON), SlotLexicon.load(LEXICON));

    static PaperClaims extract(String title, String text) {
        Paper p = new Paper("p", title, text);
        return new PaperClaims("p", title, text, SharedEngine.get().extract(p));
    }

    @TestFactory
    List<DynamicTest> everyLine() throws Exception {
        List<DynamicTest> out = new ArrayList<>();
        int n = 0;
        for (String line : Files.readAllLines(Path.of("testdata/corpus/audit/audit.jsonl"))) {
            n++;
            if (line.isBlank()) continue;
            JsonNode t = Json.mapper().readTree(line);
            int number = n;
            out.add(DynamicTest.dynamicTest("audit.jsonl:" + number + " " + t.path("note").asText(), () -> {
                PaperClaims p = extract(t.path("title").asText(""), t.path("text").asText());
                Set<String> kinds = new HashSet<>();
                for (Audit.Finding f : AUDIT.audit(p)) kinds.add(f.kind());
                for (JsonNode k : t.path("must")) assertTrue(kinds.contains(k.asText()), () -> "must raise " + k + ", raised " + kinds + "; claims " + p.claims());
                for (JsonNode k : t.path("must_not")) assertTrue(!kinds.contains(k.asText()), () -> "must not raise " + k + "; claims " + p.claims());
            }));
        }
        return out;
    }

    @Test
    void everyKindHasLinesThatMustAndMustNotRaiseIt() throws Exception {
        Set<String> must = new HashSet<>();
        Set<String> mustNot = new HashSet<>();
        for (String line : Files.readAllLines(Path.of("testdata/corpus/audit/audit.jsonl"))) {
            if (line.isBlank()) continue;
            JsonNode t = Json.mapper().readTree(line);
            t.path("must").forEach(k -> must.add(k.asText()));
            t.path("must_not").forEach(k -> mustNot.add(k.asText()));
        }
        for (String kind : Audit.KINDS) {
            assertTrue(must.contains(kind), "no line must raise " + kind);
            assertTrue(mustNot.contains(kind), "no line must not raise " + kind);
        }
    }
}
