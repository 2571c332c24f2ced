package org.outreachdesk.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;

import org.outreachdesk.app.BackupService;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code restore --from FILE [--force]}: checks a backup, then puts it in place as the vault (admin). */
@Command(name = "restore", description = {
    "Restore a backup into the vault folder (--vault, or the default one) (admin).",
    "--user and the password are those of an admin when the backup was taken, or 'recovery' and the recovery key.",
    "The backup is decrypted and checked (password, database, audit chain) before anything is replaced.",
    "A folder that already holds a vault is refused unless --force is given; the replaced vault is then kept "
        + "beside it, renamed '<folder>.replaced-<time>'."})
final class RestoreCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Mixin
    VaultOptions vault;

    @Option(names = "--from", required = true, paramLabel = "FILE", description = "The backup file.")
    Path from;

    @Option(names = "--force", description = "Replace a vault that exists in the target folder.")
    boolean force;

    @Override
    public Integer call() {
        CliContext ctx = root.context();
        if (vault.user == null || vault.user.isBlank()) {
            throw new UsageException("--user NAME is required (an admin of the backup, or 'recovery')");
        }
        Path target = vault.folder(ctx);
        if (!force && ctx.vaults().exists(target)) {
            throw new InvalidArgumentException("a vault already exists in " + target.toAbsolutePath()
                    + "; nothing was changed. Add --force to replace it (the old one is kept, renamed)");
        }
        char[] password = ctx.password(vault.passwordFile, "Password for " + vault.user + " (as when the backup was taken)");
        BackupService.Restored r;
        try {
            r = BackupService.restore(from, target, vault.user, password, force, ctx.clock());
        } finally {
            Arrays.fill(password, '\0');
        }
        CliContext.tell(root.err(), "backup " + r.backupId() + (r.takenAt() != null ? " (taken " + r.takenAt() + ")" : "")
                + " restored into " + r.vault());
        if (r.previousVault() != null) {
            CliContext.tell(root.err(), "the vault that was there was kept as " + r.previousVault()
                    + "; delete that folder once the restored vault is checked");
        }
        return ExitCode.OK;
    }
}
