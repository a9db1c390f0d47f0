package org.claimx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimx.pipeline.PaperGuard;
import org.claimx.pipeline.SharedEngine;
import org.claimx.report.Audit;
import org.claimx.report.Names;
import org.claimx.serve.Server;
import org.claimx.slots.SlotLexicon;
import org.junit.jupiter.api.Test;

/** claimx load against a server in this JVM whose read timeout is short: normal and slow clients are each counted. */
class LoadCliTest {
    @Test
    void slowClientsAreEndedWith408AndTheNormalOnesAreMeasured() throws Exception {
        Path lexicon = Path.of("rules/lexicon");
        Server server = new Server(new PaperGuard(SharedEngine.get(), 120_000), new Audit(Names.load(lexicon), SlotLexicon.load(lexicon)),
                "127.0.0.1", 0, new Server.Limits(2, 8, 2_000_000, 700, 64));
        server.start();
        try {
            CliTest.Run r = CliTest.run("load", "--url", "http://127.0.0.1:" + server.port(), "--corpus", "testdata/inputs/example.jsonl",
                    "--clients", "2", "--slow", "3", "--duration", "2s");
            assertEquals(0, r.code(), r.out() + r.err());
            Matcher normal = Pattern.compile("^requests (\\d+), clients 2, failed 0, claims \\d+, [\\d.]+ s: [\\d.]+ requests/s, "
                    + "p50 [\\d.]+ ms, p95 [\\d.]+ ms, p99 [\\d.]+ ms, max [\\d.]+ ms$", Pattern.MULTILINE).matcher(r.out());
            assertTrue(normal.find(), r.out());
            assertTrue(Integer.parseInt(normal.group(1)) > 0, r.out());
            // Each slow client is answered 408 after 0.7 s and starts again: at least one round each within the run.
            Matcher slow = Pattern.compile("^slow clients 3: connections (\\d+), ended by the server (\\d+), HTTP 408: (\\d+), "
                    + "closed without a reply 0, reset 0, could not connect 0, held [\\d.]+ s on average, still held at the end \\d+$",
                    Pattern.MULTILINE).matcher(r.out());
            assertTrue(slow.find(), r.out());
            assertTrue(Integer.parseInt(slow.group(3)) >= 3, r.out());
            assertEquals(slow.group(2), slow.group(3), r.out());
        } finally {
            server.stop(1);
        }
    }

    @Test
    void aDurationThatIsNoTimeIsAUsageError() {
        CliTest.Run r = CliTest.run("load", "--corpus", "testdata/inputs/example.jsonl", "--duration", "soon");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--duration is not a time such as 60s, 2m or 500ms: soon"), r.err());
    }
}
