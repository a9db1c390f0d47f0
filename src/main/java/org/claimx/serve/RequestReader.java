package org.claimx.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads HTTP/1.1 requests off a {@link Wire} (RFC 9112): the head within size limits, then the body as
 * the head frames it (Content-Length, or chunked). Whatever cannot be read as a request is an
 * {@link HttpError} with the status that says why: 400 malformed, 414 a request line over
 * {@link #MAX_REQUEST_LINE}, 431 a head over {@link #MAX_HEAD} bytes or {@link #MAX_FIELDS} fields,
 * 417, 501 a transfer coding other than chunked, 505 an HTTP version other than 1.x.
 */
final class RequestReader {
    static final int MAX_REQUEST_LINE = 8 * 1024;
    static final int MAX_HEAD = 32 * 1024;
    static final int MAX_FIELDS = 100;
    /** A chunk-size line (with its extensions) longer than this is malformed. */
    static final int MAX_CHUNK_LINE = 4 * 1024;

    /** The head read and a body that reads the rest of the request. */
    record Read(Request request, Body body, boolean keepAlive) {}

    private final Wire wire;
    private final Runnable sendContinue;

    /** {@code sendContinue} writes the interim 100 (Continue) for a client that waits for it before its body. */
    RequestReader(Wire wire, Runnable sendContinue) {
        this.wire = wire;
        this.sendContinue = sendContinue;
    }

    /** The next request, or null when the client closed the connection before sending a byte of one. */
    Read next() throws IOException {
        Line line;
        int blank = 0;
        do {
            line = line(MAX_REQUEST_LINE, true);
            if (line == null) return null;
        } while (line.text.isEmpty() && ++blank <= 4); // RFC 9112 2.2: empty lines before a request line are ignored
        String[] parts = line.text.split(" ", -1);
        if (parts.length != 3 || !token(parts[0]) || parts[1].isEmpty()) throw new HttpError(400, "malformed request line: '" + clip(line.text) + "'");
        String method = parts[0];
        String target = parts[1];
        String version = parts[2];
        if (!version.matches("HTTP/\\d\\.\\d")) throw new HttpError(400, "malformed request line: '" + clip(line.text) + "' (no HTTP version)");
        if (version.charAt(5) != '1') throw new HttpError(505, version + " is not supported: send HTTP/1.1");
        int minor = version.charAt(7) - '0';
        String path = path(target);

        Map<String, List<String>> headers = new LinkedHashMap<>();
        int size = line.bytes;
        int fields = 0;
        while (true) {
            Line h = line(MAX_HEAD - size, false);
            if (h == null) throw new java.io.EOFException("the client closed the connection in the middle of a request head");
            size += h.bytes;
            if (h.text.isEmpty()) break;
            if (++fields > MAX_FIELDS) throw new HttpError(431, "more than " + MAX_FIELDS + " header fields");
            char c0 = h.text.charAt(0);
            if (c0 == ' ' || c0 == '\t') throw new HttpError(400, "a header line folded onto the next (obsolete line folding) is not accepted");
            int colon = h.text.indexOf(':');
            String name = colon < 0 ? "" : h.text.substring(0, colon);
            if (!token(name)) throw new HttpError(400, "malformed header line: '" + clip(h.text) + "'");
            String value = ows(h.text.substring(colon + 1));
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if ((c < 0x20 && c != '\t') || c == 0x7f) throw new HttpError(400, "header " + name + " holds a control character");
            }
            headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value);
        }
        List<String> host = headers.get("host");
        if (minor >= 1 && (host == null || host.size() != 1)) throw new HttpError(400, host == null ? "no Host header (HTTP/1.1 requires one)" : "more than one Host header");

        boolean keepAlive = minor >= 1 && !tokens(headers.get("connection")).contains("close");
        boolean expectContinue = false;
        String expect = first(headers, "expect");
        if (expect != null && minor >= 1) {
            if (!expect.equalsIgnoreCase("100-continue")) throw new HttpError(417, "Expect: " + clip(expect) + " is not supported (only 100-continue)");
            expectContinue = true;
        }
        Body body = body(headers, expectContinue ? sendContinue : null);
        return new Read(new Request(method, path, target, minor, headers, body), body, keepAlive);
    }

    private Body body(Map<String, List<String>> headers, Runnable onFirstRead) throws HttpError {
        List<String> te = headers.get("transfer-encoding");
        List<String> cl = headers.get("content-length");
        if (te != null) {
            if (cl != null) throw new HttpError(400, "both Content-Length and Transfer-Encoding: send one");
            List<String> codings = tokens(te);
            if (!codings.equals(List.of("chunked"))) {
                throw new HttpError(501, "Transfer-Encoding '" + clip(String.join(", ", te)) + "' is not supported: send chunked or a Content-Length");
            }
            return new Chunked(onFirstRead);
        }
        if (cl == null) return new Fixed(0, null);
        long length = -1;
        for (String v : cl) {
            for (String part : v.split(",", -1)) {
                String s = part.strip();
                if (s.isEmpty() || !s.chars().allMatch(c -> c >= '0' && c <= '9')) throw new HttpError(400, "malformed Content-Length: '" + clip(v) + "'");
                long n = s.length() > 18 ? Long.MAX_VALUE : Long.parseLong(s);
                if (length >= 0 && n != length) throw new HttpError(400, "Content-Length given twice with different values");
                length = n;
            }
        }
        return new Fixed(length, length > 0 ? onFirstRead : null);
    }

    /** The path of a request target (origin form, or absolute form as a proxy sends it), decoded. */
    private static String path(String target) throws HttpError {
        if (target.equals("*")) return "*";
        try {
            // Origin form is read below an authority of our own, so that "//a" is a path, not a host.
            if (target.startsWith("/")) return new URI("http://h" + target).getPath();
            URI uri = new URI(target);
            String scheme = uri.getScheme();
            if (scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) && uri.getRawAuthority() != null) {
                return uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
            }
        } catch (URISyntaxException e) {
            // below
        }
        throw new HttpError(400, "malformed request target: '" + clip(target) + "'");
    }

    /** Without the spaces and tabs around it (RFC 9110 OWS; other white space is a control character). */
    private static String ows(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && (s.charAt(a) == ' ' || s.charAt(a) == '\t')) a++;
        while (b > a && (s.charAt(b - 1) == ' ' || s.charAt(b - 1) == '\t')) b--;
        return s.substring(a, b);
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** The comma-separated tokens of a header's values, lower-cased. */
    private static List<String> tokens(List<String> values) {
        List<String> out = new ArrayList<>();
        if (values == null) return out;
        for (String v : values) {
            for (String t : v.split(",")) {
                String s = t.strip().toLowerCase(Locale.ROOT);
                if (!s.isEmpty()) out.add(s);
            }
        }
        return out;
    }

    private static boolean token(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) return false;
        }
        return true;
    }

    private static String clip(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 100; i++) {
            char c = s.charAt(i);
            b.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return s.length() > 100 ? b + "..." : b.toString();
    }

    private record Line(String text, int bytes) {}

    /**
     * One line without its CRLF (a bare LF ends one too), of at most {@code max} bytes; null when the
     * client closed before its first byte. A request line holds printable ASCII only, so that a TLS
     * handshake or other binary is refused at its first byte rather than waited on.
     */
    private Line line(int max, boolean requestLine) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(128);
        int n = 0;
        while (true) {
            int c = wire.read();
            if (c < 0) {
                if (n == 0) return null;
                throw new java.io.EOFException("the client closed the connection in the middle of a line");
            }
            n++;
            if (c == '\n') break;
            if (c == '\r') {
                int d = wire.read();
                n++;
                if (d == '\n') break;
                throw new HttpError(400, "a CR not followed by LF in the request " + (requestLine ? "line" : "head"));
            }
            if (requestLine && (c < 0x20 || c >= 0x7f)) {
                if (n == 1 && c == 0x16) throw new HttpError(400, "this looks like a TLS handshake: claimx serve speaks plain HTTP (http://, not https://)");
                throw new HttpError(400, "malformed request line: byte 0x" + Integer.toHexString(c) + " in it");
            }
            if (n > max) {
                if (requestLine) throw new HttpError(414, "request line over " + MAX_REQUEST_LINE + " bytes");
                throw new HttpError(431, "request head over " + MAX_HEAD + " bytes");
            }
            b.write(c);
        }
        return new Line(b.toString(StandardCharsets.ISO_8859_1), n);
    }

    /** A request body: read by the handler, or drained after it so that the next request starts in step. */
    abstract static class Body extends InputStream {
        private Runnable onFirstRead;

        Body(Runnable onFirstRead) { this.onFirstRead = onFirstRead; }

        /** Whether the client waits for a 100 (Continue) that was not sent: its body may never come. */
        boolean awaitingContinue() { return onFirstRead != null; }

        /** Whether the body has been read to its end. */
        abstract boolean done();

        /** The bytes left to read, or -1 when not known (chunked). */
        abstract long left();

        final void started() {
            if (onFirstRead != null) {
                Runnable r = onFirstRead;
                onFirstRead = null;
                r.run();
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        /** Reads and drops the rest, at most {@code max} bytes; false when more is left. */
        boolean drain(long max) throws IOException {
            byte[] scratch = new byte[16 * 1024];
            long n = 0;
            int r;
            while (n < max && (r = read(scratch, 0, (int) Math.min(scratch.length, max - n))) > 0) n += r;
            return done();
        }
    }

    private final class Fixed extends Body {
        private final long length;
        private long left;

        Fixed(long length, Runnable onFirstRead) {
            super(onFirstRead);
            this.length = length;
            this.left = length;
        }

        @Override
        boolean done() { return left == 0; }

        @Override
        long left() { return left; }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left == 0) return -1;
            if (len == 0) return 0;
            started();
            int n = wire.read(b, off, (int) Math.min(len, left));
            if (n < 0) throw new HttpError(400, "the body ended after " + (length - left) + " of its " + length + " bytes (Content-Length)");
            left -= n;
            return n;
        }
    }

    private final class Chunked extends Body {
        private long chunkLeft;
        private boolean inChunk;
        private boolean end;
        private long total;

        Chunked(Runnable onFirstRead) { super(onFirstRead); }

        @Override
        boolean done() { return end; }

        @Override
        long left() { return end ? 0 : -1; }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (end) return -1;
            if (len == 0) return 0;
            started();
            if (chunkLeft == 0) {
                if (inChunk) crlfAfterChunk();
                chunkLeft = chunkSize();
                inChunk = true;
                if (chunkLeft == 0) {
                    trailers();
                    end = true;
                    return -1;
                }
            }
            int n = wire.read(b, off, (int) Math.min(len, chunkLeft));
            if (n < 0) throw new HttpError(400, "the chunked body ended in the middle of a chunk");
            chunkLeft -= n;
            total += n;
            return n;
        }

        private void crlfAfterChunk() throws IOException {
            int c = wire.read();
            if (c == '\r') c = wire.read();
            if (c != '\n') throw new HttpError(400, "malformed chunked body: no CRLF after a chunk");
        }

        private long chunkSize() throws IOException {
            Line l;
            try {
                l = line(MAX_CHUNK_LINE, false);
            } catch (HttpError e) {
                if (e.status() == 431) throw new HttpError(400, "malformed chunked body: a chunk-size line over " + MAX_CHUNK_LINE + " bytes");
                throw e;
            }
            if (l == null) throw new HttpError(400, "the chunked body ended before its last chunk");
            String s = l.text;
            int end = 0;
            while (end < s.length() && Character.digit(s.charAt(end), 16) >= 0) end++;
            String rest = s.substring(end).stripLeading();
            if (end == 0 || end > 15 || !(rest.isEmpty() || rest.startsWith(";"))) {
                throw new HttpError(400, "malformed chunked body: chunk size '" + clip(s) + "' after " + total + " bytes");
            }
            return Long.parseLong(s.substring(0, end), 16);
        }

        private void trailers() throws IOException {
            int size = 0;
            while (true) {
                Line t = line(MAX_HEAD - size, false);
                if (t == null) throw new HttpError(400, "the chunked body ended in its trailer");
                size += t.bytes;
                if (t.text.isEmpty()) return;
            }
        }
    }
}
