package org.claimx.pipeline;

import java.nio.file.Path;

/** One engine per test JVM: loading CoreNLP's tagger is the slow part of every test that extracts. */
public final class SharedEngine {
    private static Engine engine;

    private SharedEngine() {}

    public static synchronized Engine get() {
        if (engine == null) engine = Engine.load(Path.of("rules"));
        return engine;
    }
}
