package org.outreachdesk.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.outreachdesk.store.VaultInUseException;
import org.outreachdesk.store.WrongKeyException;
import org.outreachdesk.vault.KdfParams;
import org.outreachdesk.vault.NoVaultException;
import org.outreachdesk.vault.Vault;
import org.outreachdesk.vault.VaultException;
import org.outreachdesk.vault.VaultFolder;
import org.outreachdesk.vault.NotAdminException;

/** Creating and unlocking vaults. */
public final class VaultService {

    private final Clock clock;
    private final KdfParams kdf;

    public VaultService(Clock clock) {
        this(clock, KdfParams.DEFAULT);
    }

    /** With other key-derivation costs (tests use the minimum accepted to stay quick). */
    public VaultService(Clock clock, KdfParams kdf) {
        // records are stored with microseconds: a clock giving nanoseconds would make a record differ from itself
        this.clock = Clock.tick(clock, Duration.ofNanos(1_000));
        this.kdf = kdf;
    }

    /** A created vault, unlocked for its first admin, and the recovery key to show once. */
    public record Created(Workspace workspace, char[] recoveryKey) {
    }

    /**
     * Makes the first unlock in this program quicker: loads the database, migration and query classes and runs
     * the key derivation once at its lowest cost, on an in-memory database and a throw-away key. Touches no vault
     * and writes nothing to disk. Slow (about a second the first time): call it in the background while the
     * person types a password; later calls cost little (the database part runs once per program).
     */
    public static void warmUp() {
        Vault.warmUp();
    }

    public boolean exists(Path dir) {
        return new VaultFolder(dir).exists();
    }

    /**
     * Creates a vault with its first admin.
     *
     * @throws InvalidInputException when a vault exists there, or a name or the password is not acceptable
     */
    public Created create(Path dir, String orgName, String adminName, char[] adminPassword) {
        try {
            Vault.Created c = Vault.create(dir, orgName, adminName, adminPassword, clock, kdf);
            Workspace ws = new Workspace(c.vault());
            // ops (issue 4): a new vault starts with the organisations of the seed document in its directory
            new DirectoryService(ws).seedDefaults();
            return new Created(ws, c.recoveryKey());
        } catch (IllegalArgumentException | VaultException e) {
            throw InvalidInputException.of(e);
        }
    }

    /**
     * Unlocks a vault.
     *
     * @throws WrongPasswordException when the name or password (or recovery key) does not open it
     * @throws VaultBusyException     when another program has it open
     * @throws InvalidInputException  when there is no vault in {@code dir}
     */
    public Workspace unlock(Path dir, String userName, char[] password) {
        return unlock(dir, userName, password, false);
    }

    /**
     * Unlocks as an admin who accepts a database older than its recorded state (no newer backup exists); audited.
     * An ordinary unlock when there is nothing to accept.
     *
     * @throws AccessDeniedException when there was something to accept and the user is not an admin
     */
    public Workspace unlockAcceptingOlderDatabase(Path dir, String userName, char[] password) {
        return unlock(dir, userName, password, true);
    }

    private Workspace unlock(Path dir, String userName, char[] password, boolean acceptOlder) {
        try {
            return new Workspace(acceptOlder ? Vault.unlockAcceptingOlderDatabase(dir, userName, password, clock, kdf)
                    : Vault.unlock(dir, userName, password, clock, kdf));
        } catch (NotAdminException e) {
            throw new AccessDeniedException(Permission.ADMINISTER);
        } catch (org.outreachdesk.vault.WrongPasswordException | WrongKeyException e) {
            throw new WrongPasswordException();
        } catch (VaultInUseException e) {
            throw new VaultBusyException();
        } catch (NoVaultException e) {
            throw InvalidInputException.of(e);
        } catch (VaultException e) {
            // two key slots claiming the name, a damaged or rolled-back database: said as such (exit code 2)
            throw InvalidInputException.of(e);
        }
    }
}
