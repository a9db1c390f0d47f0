package org.claimx.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimx.cli.Main;
import org.junit.jupiter.api.Test;

/**
 * claimx serve as a process: a request not received within --read-timeout-ms is answered 408 and its
 * connection closed, and SIGTERM stops an idle server at once.
 */
class ServeProcessTest {
    @Test
    void aRequestNotReceivedInTimeIsDroppedAndSigtermStopsAnIdleServerPromptly() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "serve", "--port", "0", "--read-timeout-ms", "1000", "--rules", "rules").redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            int port = -1;
            for (String line; port < 0 && (line = out.readLine()) != null; ) {
                Matcher m = Pattern.compile("listening on http://[^:]+:(\\d+)/").matcher(line);
                if (m.find()) port = Integer.parseInt(m.group(1));
            }
            assertTrue(port > 0, "the server never said where it listens");
            try (Socket s = new Socket("127.0.0.1", port)) {
                s.setSoTimeout(10_000);
                s.getOutputStream().write("POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\nIt is"
                        .getBytes(StandardCharsets.US_ASCII));
                long t0 = System.nanoTime();
                String reply = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(reply.startsWith("HTTP/1.1 408 "), reply);
                assertTrue(reply.contains("\r\nConnection: close\r\n"), reply);
                assertTrue(reply.endsWith("{\"error\":\"request not received within 1000 ms (--read-timeout-ms)\"}"), reply);
                assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5), "answered and closed after the read timeout");
            }
            long t0 = System.nanoTime();
            p.destroy();
            assertTrue(p.waitFor(5, TimeUnit.SECONDS), "an idle server stops promptly on SIGTERM");
            assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5));
        } finally {
            p.destroyForcibly();
        }
    }
}
