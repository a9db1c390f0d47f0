package org.claimx.cli;

/** Something the user asked for that cannot be done as asked (a missing file, a bad value): exit 2. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
