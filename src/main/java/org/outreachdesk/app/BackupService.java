package org.outreachdesk.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import org.outreachdesk.store.StoreException;
import org.outreachdesk.store.VaultInUseException;
import org.outreachdesk.vault.BackupDamagedException;
import org.outreachdesk.vault.RestoreNotAllowedException;
import org.outreachdesk.vault.VaultBackup;
import org.outreachdesk.vault.VaultException;

/**
 * Backups (admin): one encrypted file, taken while the vault is open and in use; and their checked restore.
 * See ADR 4 for the file format and what it protects.
 */
public final class BackupService {

    /** The file name ending the app suggests for backups. */
    public static final String FILE_EXTENSION = ".odbackup";

    private final Workspace ws;

    public BackupService(Workspace ws) {
        this.ws = Objects.requireNonNull(ws, "ws");
    }

    /** A backup written: where, how big, and its id (which the audit trail names). */
    public record Backup(Path file, String backupId, long bytes) {
    }

    /**
     * A backup restored.
     *
     * @param takenAt       when the backup was taken (null if the backup does not say)
     * @param previousVault where the replaced vault was moved, or null when no vault was replaced
     */
    public record Restored(Path vault, String backupId, Instant takenAt, Path previousVault) {
    }

    /**
     * Writes a backup of the open vault to {@code out}. An existing file there is replaced only once the new
     * backup is complete on disk.
     *
     * @throws AccessDeniedException when the signed-in user is not an admin
     * @throws InvalidInputException when the file cannot be written there
     */
    public Backup backup(Path out) {
        return backup(out, false);
    }

    /**
     * Writes a backup; an existing file at {@code out} is replaced only when {@code replaceExisting} is set (the
     * command line's {@code --force}, or a confirmation in the window). Never inside the vault folder.
     *
     * @throws InvalidInputException keyed {@code backup.exists} when a file is there and replacing was not asked
     */
    public Backup backup(Path out, boolean replaceExisting) {
        ws.require(Permission.ADMINISTER);
        Objects.requireNonNull(out, "out");
        try {
            VaultBackup.Written w = VaultBackup.write(ws.vault(), out, AppInfo.version(), replaceExisting);
            return new Backup(w.file(), w.backupId().toString(), w.bytes());
        } catch (VaultException e) {
            throw new InvalidInputException(e.getMessage(), e).keyedLike(e);
        } catch (StoreException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
    }

    /**
     * Restores a backup into the vault folder {@code targetVault}. Needs no unlocked vault: the backup is
     * opened with the name and password a user had when it was taken (or {@code recovery} and the recovery
     * key), and that user must be an admin. Nothing is replaced before the backup has opened and checked
     * out; an existing vault is replaced only when {@code replaceExisting} is set, and is then kept beside
     * the new one under a {@code .replaced-…} name. A team vault restored logs under a new change log id and
     * numbers its bundles past its earlier self's (ADR 22), so nothing it records collides with what it had sent.
     *
     * @throws WrongPasswordException when the name or password does not open the backup
     * @throws AccessDeniedException  when that user is not an admin
     * @throws VaultBusyException     when the vault to be replaced is open (here or in another program)
     * @throws BackupUnreadableException when the file is not a backup, is from a newer version, or is damaged
     * @throws InvalidInputException  when a vault exists and replacing it was not asked for, or the folder
     *                                cannot be used
     */
    public static Restored restore(Path backupFile, Path targetVault, String userName, char[] password,
                                   boolean replaceExisting, Clock clock) {
        Objects.requireNonNull(backupFile, "backupFile");
        Objects.requireNonNull(targetVault, "targetVault");
        try {
            VaultBackup.Restored r = VaultBackup.restore(backupFile, targetVault, userName, password, replaceExisting,
                    clock, Permission.ADMINISTER::allows, TeamService::afterRestore);
            return new Restored(r.vault(), r.backupId().toString(), r.takenAt(), r.previousVault());
        } catch (org.outreachdesk.vault.WrongPasswordException e) {
            throw new WrongPasswordException();
        } catch (RestoreNotAllowedException e) {
            throw new AccessDeniedException(Permission.ADMINISTER);
        } catch (VaultInUseException e) {
            throw new VaultBusyException();
        } catch (BackupDamagedException e) {
            throw new BackupUnreadableException(switch (e.kind()) {
                case NOT_A_BACKUP -> BackupUnreadableException.Reason.NOT_A_BACKUP;
                case NEWER_FORMAT -> BackupUnreadableException.Reason.NEWER_FORMAT;
                case DAMAGED -> BackupUnreadableException.Reason.DAMAGED;
            }, e.getMessage(), e);
        } catch (VaultException e) {
            throw new InvalidInputException(e.getMessage(), e).keyedLike(e);
        } catch (StoreException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
    }
}
