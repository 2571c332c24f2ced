package org.outreachdesk.cli;

import java.io.PrintWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code outreach-desk}: without a command the desktop app opens; with one, it runs headless. */
@Command(name = "outreach-desk",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Offline case management for HIV/STI harm-reduction outreach teams.",
            "Run without arguments to open the desktop app.",
            "Commands that open a vault take --vault DIR and --user NAME; the password comes from",
            "OUTREACH_DESK_PASSWORD, else --password-file FILE, else the console (no echo)."},
        subcommands = {HelpCommand.class, InitCommand.class, UserCommand.class, ImportCommand.class, ReportCommand.class,
            BackupCommand.class, RestoreCommand.class, AuditCommand.class, TeamCommand.class, SyncCommand.class,
            DemoCommand.class, BenchCommand.class},
        exitCodeOnInvalidInput = ExitCode.USAGE,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:ok",
            "1:usage error",
            "2:invalid input (nothing stored)",
            "3:wrong password or not allowed",
            "4:vault in use by another program"})
final class RootCommand implements Runnable {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    RootCommand(CliContext context) {
        this.context = context;
    }

    CliContext context() {
        return context;
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command");
    }
}
