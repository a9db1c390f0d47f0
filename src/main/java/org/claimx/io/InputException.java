package org.claimx.io;

/**
 * An input that cannot be opened at all: a missing path, a directory, an unreadable file, standard
 * input named twice. The message is one line, fit to show the user as is; the CLI maps this to exit
 * code 2. Unchecked because it can also surface from {@link PaperInput#hasNext()} when a file
 * disappears between the up-front check and its turn to be read.
 */
public class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
