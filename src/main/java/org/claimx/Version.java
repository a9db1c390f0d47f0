package org.claimx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** claimx's version, as the build wrote it into {@code org/claimx/version.properties} (from pom.xml): one place. */
public final class Version {
    private static final String VERSION = read();

    private Version() {}

    /** "claimx 0.1.0-SNAPSHOT". */
    public static String text() { return "claimx " + VERSION; }

    /** "0.1.0-SNAPSHOT". */
    public static String number() { return VERSION; }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) throw new IllegalStateException("org/claimx/version.properties is missing from the build");
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
