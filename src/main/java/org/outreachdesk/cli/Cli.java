package org.outreachdesk.cli;

import java.io.PrintWriter;

import picocli.CommandLine;

/** The command line: parses arguments, runs the command, and maps failures to the contract's exit codes. */
public final class Cli {

    private Cli() {
    }

    /** Runs one command line and answers its exit code. */
    public static int run(String... args) {
        return commandLine(CliContext.system(), new PrintWriter(System.out, true), new PrintWriter(System.err, true))
                .execute(args);
    }

    static CommandLine commandLine(CliContext context, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new RootCommand(context));
        usageErrorsExitWithOne(cl);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new FailureHandler());
        return cl;
    }

    /** picocli gives each subcommand its own exit code for bad arguments (2); the contract says 1 for all. */
    private static void usageErrorsExitWithOne(CommandLine cl) {
        cl.getCommandSpec().exitCodeOnInvalidInput(ExitCode.USAGE);
        cl.getSubcommands().values().forEach(Cli::usageErrorsExitWithOne);
    }
}
