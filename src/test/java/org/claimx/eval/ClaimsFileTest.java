package org.claimx.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaimsFileTest {
    @TempDir
    Path dir;

    private Path file(String... lines) throws IOException {
        return Files.writeString(dir.resolve("f.jsonl"), String.join("\n", lines) + "\n");
    }

    @Test
    void claimsAreReadFromANamedPipe() throws Exception {
        Path fifo = dir.resolve("claims.fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Thread writer = new Thread(() -> {
            try {
                Files.writeString(fifo, "{\"paper\": \"a\", \"value\": {\"number\": 1}}\n{\"paper\": \"b\", \"value\": {\"number\": 2}}\n");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.setDaemon(true);
        writer.start();
        List<JsonNode> claims = ClaimsFile.readClaims(fifo);
        writer.join(30_000);
        assertEquals(2, claims.size());
        assertEquals("b", claims.get(1).get("paper").textValue());
    }

    @Test
    void aPaperLineLendsItsIdToClaimsWithoutAPaper() throws IOException {
        List<JsonNode> claims = ClaimsFile.readClaims(file(
                "{\"id\": \"a\", \"claims\": [{\"x\": 1}, {\"paper\": \"own\"}, {\"paper\": null}]}",
                "  ",
                "{\"id\": \"\", \"paper\": \"b\", \"claims\": [{\"x\": 2}]}",
                "{\"paper\": \"c\", \"claims\": [{\"x\": 3}], \"value\": {}}"));
        assertEquals(5, claims.size());
        assertEquals("a", claims.get(0).get("paper").textValue());
        assertEquals("own", claims.get(1).get("paper").textValue());
        assertTrue(claims.get(2).get("paper").isNull());
        assertEquals("b", claims.get(3).get("paper").textValue());
        // a line with a value is a claim even when it has claims
        assertEquals("c", claims.get(4).get("paper").textValue());
    }

    @Test
    void aMalformedLineNamesFileAndLine() throws IOException {
        Path f = file("{\"paper\": \"a\"}", "", "{\"paper\": ");
        ClaimsFileException e = assertThrows(ClaimsFileException.class, () -> ClaimsFile.readClaims(f));
        assertEquals(3, e.line());
        assertEquals(f, e.file());
        assertTrue(e.getMessage().startsWith(f + ":3: not JSON"), e.getMessage());
    }

    @Test
    void textAfterTheValueIsMalformedAsInPython() throws IOException {
        Path f = file("{\"paper\": \"a\"} {}");
        assertEquals(1, assertThrows(ClaimsFileException.class, () -> ClaimsFile.readClaims(f)).line());
    }

    @Test
    void aLineThatIsNotAnObjectOrClaimsNotAListIsRefused() throws IOException {
        Path list = file("[1, 2]");
        assertTrue(assertThrows(ClaimsFileException.class, () -> ClaimsFile.readClaims(list)).getMessage()
                .endsWith(":1: expected a JSON object"));
        Path claims = file("{}", "{\"id\": \"a\", \"claims\": {\"x\": 1}}");
        assertTrue(assertThrows(ClaimsFileException.class, () -> ClaimsFile.readClaims(claims)).getMessage()
                .endsWith(":2: claims must be a list"));
    }

    @Test
    void papersAreKeyedByIdAndTheLastLineWins() throws IOException {
        Map<String, JsonNode> papers = ClaimsFile.readPapers(file(
                "{\"id\": \"a\", \"title\": \"one\"}", "{}", "{\"id\": \"b\"}", "{\"id\": \"a\", \"title\": \"two\"}"));
        assertEquals(List.of("a", "b"), List.copyOf(papers.keySet()));
        assertEquals("two", papers.get("a").get("title").textValue());
    }

    @Test
    void aPaperWithoutAStringIdIsRefused() throws IOException {
        Path f = file("{\"id\": \"a\"}", "{\"title\": \"t\"}");
        assertEquals(2, assertThrows(ClaimsFileException.class, () -> ClaimsFile.readPapers(f)).line());
    }

    @Test
    void nanAndInfinityReadAsPythonsJsonDoes() throws IOException {
        List<JsonNode> claims = ClaimsFile.readClaims(file("{\"value\": {\"number\": NaN, \"low\": -Infinity}}"));
        assertTrue(Double.isNaN(claims.get(0).get("value").get("number").doubleValue()));
    }
}
