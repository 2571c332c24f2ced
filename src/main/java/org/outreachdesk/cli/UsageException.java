package org.outreachdesk.cli;

/** The command was not given what it needs (exit code 1). */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
