package org.claimx.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.claimx.Daemons;

/**
 * A short run does not live long enough to gain from HotSpot's optimising compiler (C2): on this
 * machine a one-abstract {@code extract} spent about 2 s of its 4 s of CPU compiling with it, on 2
 * cores, while the first claim waited. For a short run claimx asks the JVM, through its diagnostic
 * command {@code Compiler.directives_add} (what {@code jcmd} uses), to leave methods to the quick
 * compiler (C1). Output is the same either way; only the time differs. Measured (README, "Speed"):
 * 150 abstracts ran in 4.05 s against 4.23 s, 400 in 6.66 s against 5.99 s, so the cut is at
 * {@link #MAX_INPUT_BYTES} of input files. Input from standard input, {@code serve}, {@code bench} and
 * everything else keep the optimising compiler. The JVM flag {@code -Dclaimx.c2=always} keeps it too.
 *
 * <p>It needs the jar's {@code Add-Opens: jdk.management/com.sun.management.internal}; run any other
 * way (tests, a class path), or on a JVM without that command, nothing changes.
 */
final class ShortRun {
    /** About 180 arXiv abstracts as JSON Lines. */
    static final long MAX_INPUT_BYTES = 256 * 1024;

    static final String DIRECTIVE = "[{ match: \"*.*\", c2: { Exclude: true } }]";

    private ShortRun() {}

    /**
     * Whether the command line asks for a short run: {@code explain}, or {@code extract} of files
     * (every argument that names an existing file is counted, option values included) of at most
     * {@link #MAX_INPUT_BYTES} together, with none read from standard input.
     */
    static boolean isShort(String[] args) {
        if (args.length == 0 || "always".equals(System.getProperty("claimx.c2"))) return false;
        if (args[0].equals("explain")) return true;
        if (!args[0].equals("extract")) return false;
        long bytes = 0;
        int files = 0;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-")) return false;
            if (a.startsWith("-")) continue;
            try {
                Path p = Path.of(a);
                if (Files.isRegularFile(p)) {
                    bytes += Files.size(p);
                    files++;
                }
            } catch (RuntimeException | java.io.IOException e) {
                // not a file name: an option's value
            }
        }
        return files > 0 && bytes <= MAX_INPUT_BYTES;
    }

    /** When the run is short, starts asking the JVM to leave the optimising compiler out; never fails the run. */
    static void apply(String[] args) {
        if (!isShort(args)) return;
        Daemons.start(ShortRun::leaveOutOptimisingCompiler, "claimx-short-run");
    }

    /** Adds the directive that leaves every method to the quick compiler; whatever fails is ignored. */
    static void leaveOutOptimisingCompiler() {
        Path file = null;
        try {
            // Loads the JVM's management library, which the diagnostic command needs.
            java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            var get = Class.forName("com.sun.management.internal.DiagnosticCommandImpl").getDeclaredMethod("getDiagnosticCommandMBean");
            get.setAccessible(true);
            var bean = (javax.management.DynamicMBean) get.invoke(null);
            file = Files.createTempFile("claimx-jit", ".json");
            Files.writeString(file, DIRECTIVE);
            bean.invoke("compilerDirectivesAdd", new Object[] {new String[] {file.toString()}}, new String[] {String[].class.getName()});
        } catch (Exception | LinkageError e) {
            // A JVM without the command, or a run without the jar's Add-Opens: the run goes on as it is.
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (java.io.IOException e) {
                    file.toFile().deleteOnExit();
                }
            }
        }
    }
}
