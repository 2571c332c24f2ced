package org.outreachdesk.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns what a command throws into a one-line message on standard error and a contract exit code. Messages
 * of this program's exceptions never carry record content; unexpected ones are named by type only.
 */
final class FailureHandler implements IExecutionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);

    @Override
    public int handleExecutionException(Exception e, CommandLine cl, ParseResult parsed) {
        LOG.warn("command {} failed: {}", cl.getCommandName(), e.getClass().getName());
        cl.getErr().println("error: unexpected failure (" + e.getClass().getSimpleName() + "); see the log");
        return ExitCode.USAGE;
    }
}
