package org.outreachdesk.importer;

/**
 * The file cannot be read as a register at all (not found, not UTF-8, not a workbook, …). The message says
 * so in words and never carries the file's content.
 */
public final class RegisterFileException extends RuntimeException {
    public RegisterFileException(String message) {
        super(message);
    }

    public RegisterFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
