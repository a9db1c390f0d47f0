package org.claimx.serve;

import java.io.IOException;

/**
 * A request the server cannot take as sent, found while reading it: its status (400 malformed, 408 not
 * received in time, 413 too large, 414, 431, 501, 505) and a message for the client. After one the
 * connection is not in step with the client any more, so the reply closes it.
 */
final class HttpError extends IOException {
    private final int status;

    HttpError(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() { return status; }
}
