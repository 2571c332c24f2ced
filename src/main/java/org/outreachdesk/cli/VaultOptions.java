package org.outreachdesk.cli;

import java.nio.file.Path;
import java.util.Arrays;

import org.outreachdesk.app.Workspace;

import picocli.CommandLine.Option;

/** The options of every command that opens a vault. */
final class VaultOptions {

    @Option(names = "--vault", paramLabel = "DIR",
            description = "Vault folder (default: OUTREACH_DESK_VAULT, else the per-user data folder).")
    Path vault;

    @Option(names = "--user", paramLabel = "NAME", description = "User name (or 'recovery' with the recovery key).")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Read the password from the first line of FILE (when OUTREACH_DESK_PASSWORD is not set).")
    Path passwordFile;

    Path folder(CliContext ctx) {
        return vault != null ? vault : ctx.directories().defaultVault();
    }

    /** Unlocks the vault; the password is wiped as soon as it has been used. */
    Workspace unlock(CliContext ctx) {
        return unlock(ctx, false);
    }

    /** Unlocks; with {@code acceptOlder} an admin accepts a database older than its recorded state (ADR 9). */
    Workspace unlock(CliContext ctx, boolean acceptOlder) {
        if (user == null || user.isBlank()) {
            throw new UsageException("--user NAME is required");
        }
        char[] password = ctx.password(passwordFile, "Password for " + user);
        try {
            return acceptOlder ? ctx.vaults().unlockAcceptingOlderDatabase(folder(ctx), user, password)
                    : ctx.vaults().unlock(folder(ctx), user, password);
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
