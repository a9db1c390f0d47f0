package org.claimx.serve;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;

/**
 * The bytes a client sends on one connection, buffered, with a deadline for the request being read:
 * every read waits at most until then (the socket's timeout is set to what is left before each read),
 * so a client that sends a byte now and then gains no time. Past the deadline a read throws
 * {@link HttpError} 408.
 */
final class Wire {
    private final Socket socket;
    private final InputStream raw;
    private final byte[] buf = new byte[16 * 1024];
    private int pos;
    private int lim;
    private long deadline;
    private String late = "request not received in time";

    Wire(Socket socket) throws IOException {
        this.socket = socket;
        this.raw = socket.getInputStream();
    }

    /** Reads from now on must be done by {@code nanoTime}; past it, 408 with {@code message}. */
    void deadline(long nanoTime, String message) {
        this.deadline = nanoTime;
        this.late = message;
    }

    /** Waits up to {@code millis} for a byte without taking it: false when the client closed or sent none. */
    boolean await(long millis) throws IOException {
        if (pos < lim) return true;
        socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, millis)));
        try {
            return fillOnce();
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    /** Whether bytes of the next request are already here (pipelined). */
    boolean buffered() { return pos < lim; }

    /** The next byte, or -1 when the client closed its side. */
    int read() throws IOException {
        if (pos >= lim && !fill()) return -1;
        return buf[pos++] & 0xff;
    }

    /** Up to {@code len} bytes into {@code b}, at least one unless the client closed its side (then -1). */
    int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        if (pos >= lim && !fill()) return -1;
        int n = Math.min(len, lim - pos);
        System.arraycopy(buf, pos, b, off, n);
        pos += n;
        return n;
    }

    private boolean fill() throws IOException {
        long left = deadline - System.nanoTime();
        if (left <= 0) throw new HttpError(408, late);
        socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(left) + 1)));
        try {
            return fillOnce();
        } catch (SocketTimeoutException e) {
            throw new HttpError(408, late);
        }
    }

    private boolean fillOnce() throws IOException {
        int n = raw.read(buf, 0, buf.length);
        if (n < 0) return false;
        pos = 0;
        lim = n;
        return true;
    }
}
