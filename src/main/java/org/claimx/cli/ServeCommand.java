package org.claimx.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.claimx.pipeline.Engine;
import org.claimx.pipeline.PaperGuard;
import org.claimx.report.Audit;
import org.claimx.report.Names;
import org.claimx.serve.Server;
import org.claimx.slots.SlotLexicon;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        header = "Serves claimx over HTTP (extract, audit, a page to try it).",
        description = {"Serves claimx over HTTP from one process that loads the models once:",
                "  POST /v1/extract  a paper {\"id\",\"title\",\"abstract\"}, a list of them, or text/plain -> claims (JSON array)",
                "  POST /v1/audit    the same -> [{\"paper\", \"findings\": [...]}]",
                "  GET  /healthz, GET /version, and GET / a page that marks the claims of a pasted abstract in place.",
                "Errors are JSON {\"error\": ...}: 400 malformed, 408 a request not received within --read-timeout-ms,",
                "413 a body over --max-body, 415 wrong type, 422 a paper whose extraction failed or ran past",
                "--max-paper-ms, 431 headers over 32 KB, 503 queue full or --max-connections open.",
                "Stops on SIGTERM or Ctrl-C after the requests in flight are answered."})
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "Port (0: any free one). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1", description = "Address to listen on. Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "2", description = "Requests worked on at once. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--queue", paramLabel = "N", defaultValue = "32", description = "Requests that may wait; more get 503. Default: ${DEFAULT-VALUE}.")
    int queue;

    @Option(names = "--max-body", paramLabel = "BYTES", defaultValue = "2000000", description = "Largest request body; larger gets 413. Default: ${DEFAULT-VALUE}.")
    int maxBody;

    @Option(names = "--max-paper-ms", paramLabel = "MS", defaultValue = "" + PaperGuard.DEFAULT_MAX_PAPER_MS,
            description = "A paper whose extraction takes longer is given up and answered with 422. Default: ${DEFAULT-VALUE}.")
    long maxPaperMs;

    @Option(names = "--read-timeout-ms", paramLabel = "MS", defaultValue = "" + Server.Limits.DEFAULT_READ_TIMEOUT_MS,
            description = {"Time a client has to send a whole request (headers and body) from its first byte; past it,",
                    "408 and the connection is closed. Also how long an idle connection is kept. Default: ${DEFAULT-VALUE}."})
    long readTimeoutMs;

    @Option(names = "--max-connections", paramLabel = "N", defaultValue = "" + Server.Limits.DEFAULT_MAX_CONNECTIONS,
            description = {"Connections open at once (each slow or idle client holds one, not a worker);",
                    "more are answered 503 and closed. Default: ${DEFAULT-VALUE}."})
    int maxConnections;

    @Mixin
    RulesOption rules = new RulesOption();

    @Override
    public Integer call() throws Exception {
        if (threads < 1) throw new UsageException("--threads must be at least 1: " + threads);
        if (queue < 0) throw new UsageException("--queue must not be negative: " + queue);
        if (maxBody < 1) throw new UsageException("--max-body must be at least 1: " + maxBody);
        if (maxPaperMs < 1) throw new UsageException("--max-paper-ms must be at least 1: " + maxPaperMs);
        if (readTimeoutMs < 1) throw new UsageException("--read-timeout-ms must be at least 1: " + readTimeoutMs);
        if (maxConnections < 1) throw new UsageException("--max-connections must be at least 1: " + maxConnections);
        if (port < 0 || port > 65535) throw new UsageException("--port must be 0..65535: " + port);
        Path dir = rules.dir();
        Engine engine = Engine.load(dir);
        Path lexicon = dir.resolve("lexicon");
        Server server;
        try {
            server = new Server(new PaperGuard(engine, maxPaperMs), new Audit(Names.load(lexicon), SlotLexicon.load(lexicon)), host, port,
                    new Server.Limits(threads, queue, maxBody, readTimeoutMs, maxConnections));
        } catch (java.net.BindException e) {
            throw new UsageException("cannot listen on " + host + ":" + port + ": " + e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("claimx serve: stopping; answering the requests in flight");
            server.stop(10);
            stopped.countDown();
        }, "claimx-serve-stop"));
        server.start();
        System.err.println("claimx serve: listening on http://" + host + ":" + server.port() + "/ (" + threads + " workers, queue " + queue
                + ", read timeout " + readTimeoutMs + " ms, " + maxConnections + " connections)");
        stopped.await();
        return 0;
    }
}
