package org.outreachdesk.cli;

/** Exit codes of every command (a contract: IT staff script them). */
public final class ExitCode {
    public static final int OK = 0;
    public static final int USAGE = 1;
    public static final int INVALID_INPUT = 2;
    public static final int DENIED = 3;
    public static final int IN_USE = 4;

    private ExitCode() {
    }
}
