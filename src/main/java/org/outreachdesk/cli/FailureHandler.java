package org.outreachdesk.cli;

import org.outreachdesk.app.AccessDeniedException;
import org.outreachdesk.app.AppException;
import org.outreachdesk.app.InvalidInputException;
import org.outreachdesk.app.VaultBusyException;
import org.outreachdesk.app.WrongPasswordException;
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
        int code = exitCode(e);
        if (e instanceof AppException || e instanceof UsageException || e instanceof InvalidArgumentException) {
            cl.getErr().println("error: " + e.getMessage());
        } else {
            LOG.error("command {} failed unexpectedly: {}", cl.getCommandName(), e.getClass().getName());
            cl.getErr().println("error: unexpected failure (" + e.getClass().getSimpleName() + "); nothing more is "
                    + "shown here so that no record content can leak; the log names the failing part");
        }
        cl.getErr().flush();
        return code;
    }

    static int exitCode(Exception e) {
        if (e instanceof WrongPasswordException || e instanceof AccessDeniedException) {
            return ExitCode.DENIED;
        }
        if (e instanceof VaultBusyException) {
            return ExitCode.IN_USE;
        }
        if (e instanceof InvalidInputException || e instanceof InvalidArgumentException) {
            return ExitCode.INVALID_INPUT;
        }
        return ExitCode.USAGE;
    }
}
