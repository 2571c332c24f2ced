package org.outreachdesk.importer;

import org.outreachdesk.domain.Problem;

/**
 * The file cannot be read as a register at all (not found, not UTF-8, not a workbook, …). The message says
 * so in words and never carries the file's content. {@link #key()} names the problem for a translated text
 * ({@code import.file.*}); {@link #args()} are line numbers only.
 */
public final class RegisterFileException extends RuntimeException implements Problem.Carrier {

    private final transient Problem problem;

    public RegisterFileException(String key, String message, Object... args) {
        super(message);
        this.problem = Problem.of(key, args);
    }

    public RegisterFileException(String key, String message, Throwable cause, Object... args) {
        super(message, cause);
        this.problem = Problem.of(key, args);
    }

    /** {@code import.file.missing}, {@code import.file.notUtf8} … with line numbers. */
    @Override
    public Problem problem() {
        return problem;
    }
}
