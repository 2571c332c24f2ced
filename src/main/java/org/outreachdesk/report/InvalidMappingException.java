package org.outreachdesk.report;

/**
 * A mapping file that cannot be used: the message names the line (1 = the file's first line) and what is wrong
 * with it, never a figure.
 */
public final class InvalidMappingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int line;

    public InvalidMappingException(int line, String problem) {
        super(line > 0 ? "mapping line " + line + ": " + problem : "mapping: " + problem);
        this.line = line;
    }

    /** The line of the mapping file the problem is on (1-based), or 0 for the file as a whole. */
    public int line() {
        return line;
    }
}
