package org.outreachdesk.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;

import org.outreachdesk.app.VaultService;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code init}: creates a vault and prints its recovery key once. */
@Command(name = "init", description = {"Create a vault with its first admin and print the recovery key once.",
    "The admin's password comes from OUTREACH_DESK_PASSWORD, else --password-file, else the console."})
final class InitCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--vault", paramLabel = "DIR", description = "Vault folder (default: OUTREACH_DESK_VAULT, else the per-user data folder).")
    Path vault;

    @Option(names = "--org", required = true, paramLabel = "NAME", description = "Organisation name (shown on reports).")
    String org;

    @Option(names = "--admin", required = true, paramLabel = "NAME", description = "User name of the first admin.")
    String admin;

    @Option(names = "--password-file", paramLabel = "FILE", description = "Read the admin's password from the first line of FILE.")
    Path passwordFile;

    @Override
    public Integer call() {
        CliContext ctx = root.context();
        Path dir = vault != null ? vault : ctx.directories().defaultVault();
        char[] password = ctx.password(passwordFile, "New password for " + admin);
        VaultService.Created created;
        try {
            created = ctx.vaults().create(dir, org, admin, password);
        } finally {
            Arrays.fill(password, '\0');
        }
        try (var ws = created.workspace()) {
            var out = spec.commandLine().getOut();
            out.println("Vault created in " + dir.toAbsolutePath());
            out.println();
            out.println("Recovery key (shown only this once; print it or write it down and keep it locked away):");
            out.println();
            out.println("    " + new String(created.recoveryKey()));
            out.println();
            out.println("It opens the vault as user 'recovery' if every password is forgotten.");
            out.flush();
        } finally {
            Arrays.fill(created.recoveryKey(), '\0');
        }
        return ExitCode.OK;
    }
}
