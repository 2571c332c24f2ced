package org.outreachdesk.cli;

/** An argument's value cannot be used (exit code 2). */
final class InvalidArgumentException extends RuntimeException {
    InvalidArgumentException(String message) {
        super(message);
    }
}
