package org.claimx.report;

import org.owasp.encoder.Encode;

/** A self-contained HTML page (no network, no framework) whose tables sort when a header is clicked. */
final class Html {
    private Html() {}

    /** Text content of an element, escaped by the OWASP Java Encoder (which escapes ' too); null is empty. */
    static String esc(String s) {
        return s == null ? "" : Encode.forHtml(s);
    }

    /** A quoted attribute's value, escaped by the OWASP Java Encoder. */
    static String attr(String s) {
        return s == null ? "" : Encode.forHtmlAttribute(s);
    }

    /** The page: {@code org/claimx/report/page.html} with its title and body put in. */
    static String page(String title, String body) {
        String t = TEMPLATE.replace("{{title}}", esc(title));
        int at = t.indexOf("{{body}}");
        return t.substring(0, at) + body + t.substring(at + "{{body}}".length());
    }

    private static final String TEMPLATE = resource("page.html");

    static String resource(String name) {
        try (var in = Html.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("org/claimx/report/" + name + " is missing from the build");
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
