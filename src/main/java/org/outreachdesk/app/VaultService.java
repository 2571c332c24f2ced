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
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.LoggerFactory;

/** Creating and unlocking vaults. */
public final class VaultService {

    /**
     * How long unlocking may take before the person is told the vault cannot be opened (ADR 10). A normal unlock
     * takes about a second (Argon2id ~0.5 s, then the database); a vault of a million encounters on a busy laptop
     * a few seconds more. A database that hangs while opening is not waited for past this.
     */
    public static final Duration OPEN_DEADLINE = Duration.ofSeconds(60);

    /** The step that opens a vault (the real one is {@code Vault.unlock}; tests put one that hangs). */
    @FunctionalInterface
    public interface Opener {
        Vault open(Path dir, String userName, char[] password, Clock clock, KdfParams kdf);
    }

    private final Clock clock;
    private final KdfParams kdf;
    private final Duration openDeadline;
    private final Opener opener;

    public VaultService(Clock clock) {
        this(clock, KdfParams.DEFAULT);
    }

    /** With other key-derivation costs (tests use the minimum accepted to stay quick). */
    public VaultService(Clock clock, KdfParams kdf) {
        this(clock, kdf, OPEN_DEADLINE, Vault::unlock);
    }

    /** With another open step and deadline (tests of the watchdog). */
    public VaultService(Clock clock, KdfParams kdf, Duration openDeadline, Opener opener) {
        // records are stored with microseconds: a clock giving nanoseconds would make a record differ from itself
        this.clock = Clock.tick(clock, Duration.ofNanos(1_000));
        this.kdf = kdf;
        this.openDeadline = openDeadline;
        this.opener = opener;
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
    /**
     * Opens the vault on a thread of its own and waits at most {@link #openDeadline}. A database H2 cannot open (one
     * that spins for ever, as a crash mid-commit left them before ADR 10) then gives a clear failure instead of a
     * frozen window or command; the stuck thread is a daemon and is left behind, and should it finish after all,
     * the vault it opened is closed at once.
     *
     * @throws VaultOpenTimeoutException when the deadline passes
     */
    private Vault openWatched(Path dir, String userName, char[] password) {
        char[] own = password.clone();
        CompletableFuture<Vault> opened = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                opened.complete(opener.open(dir, userName, own, clock, kdf));
            } catch (Throwable e) {
                opened.completeExceptionally(e);
            } finally {
                Arrays.fill(own, '\0');
            }
        }, "vault-open");
        t.setDaemon(true);
        t.start();
        try {
            return opened.get(openDeadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            opened.thenAccept(Vault::close);
            LoggerFactory.getLogger(VaultService.class)
                    .error("the vault did not open within {} s; the user is told to restore a backup", openDeadline.toSeconds());
            throw new VaultOpenTimeoutException(openDeadline.toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            opened.thenAccept(Vault::close);
            throw new InvalidInputException("unlocking was interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

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
                    : openWatched(dir, userName, password));
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
