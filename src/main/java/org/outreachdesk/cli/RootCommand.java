package org.outreachdesk.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** {@code outreach-desk}: without a command the desktop app opens; with one, it runs headless. */
@Command(name = "outreach-desk",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Offline case management for HIV/STI harm-reduction outreach teams.",
            "Run without arguments to open the desktop app."},
        subcommands = {HelpCommand.class},
        exitCodeOnInvalidInput = ExitCode.USAGE,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:ok",
            "1:usage error",
            "2:invalid input (nothing stored)",
            "3:wrong password or not allowed",
            "4:vault in use by another program"})
final class RootCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing command");
    }
}
