package org.outreachdesk.importer;

import java.util.List;

/**
 * The file cannot be read as a register at all (not found, not UTF-8, not a workbook, …). The message says
 * so in words and never carries the file's content. {@link #key()} names the problem for a translated text
 * ({@code import.file.*}); {@link #args()} are line numbers only.
 */
public final class RegisterFileException extends RuntimeException {

    private final String key;
    private final transient List<Object> args;

    public RegisterFileException(String key, String message, Object... args) {
        super(message);
        this.key = key;
        this.args = List.of(args);
    }

    public RegisterFileException(String key, String message, Throwable cause, Object... args) {
        super(message, cause);
        this.key = key;
        this.args = List.of(args);
    }

    /** {@code import.file.missing}, {@code import.file.notUtf8} …. */
    public String key() {
        return key;
    }

    public List<Object> args() {
        return args;
    }
}
