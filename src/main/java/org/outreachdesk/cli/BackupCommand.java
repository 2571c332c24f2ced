package org.outreachdesk.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.outreachdesk.app.BackupService;
import org.outreachdesk.app.Workspace;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code backup --out FILE}: one encrypted file of the whole vault (admin). */
@Command(name = "backup", description = {
    "Write an encrypted backup of the vault to one file (admin).",
    "It opens with the password any user has now, or with the recovery key. An existing FILE is replaced only "
        + "with --force, and then only once the new backup is complete. Never inside the vault folder."})
final class BackupCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Mixin
    VaultOptions vault;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "The backup file to write (e.g. outreach-2026-10-20" + BackupService.FILE_EXTENSION + ").")
    Path out;

    @Option(names = "--force", description = "Replace FILE if it exists.")
    boolean force;

    @Override
    public Integer call() {
        BackupService.Backup b;
        try (Workspace ws = vault.unlock(root.context())) {
            b = new BackupService(ws).backup(out, force);
        }
        CliContext.tell(root.err(), "backup written to " + b.file() + " (" + b.bytes() + " bytes, id " + b.backupId() + ")");
        return ExitCode.OK;
    }
}
