package org.claimx.serve;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP request as {@link HttpFront} read it: the head whole, the body as a stream that the handler
 * reads (or not) and that keeps the time limit of the request. {@code headers} maps lower-case names to
 * their values in the order sent.
 */
record Request(String method, String path, String target, int minorVersion, Map<String, List<String>> headers, InputStream body) {
    /** The first value of a header, or null. */
    String header(String name) {
        List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null || v.isEmpty() ? null : v.get(0);
    }
}
