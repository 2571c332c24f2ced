package org.outreachdesk.vault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.outreachdesk.domain.AppUser;
import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.AuditEntry;
import org.outreachdesk.domain.RecordMeta;
import org.outreachdesk.domain.Role;
import org.outreachdesk.domain.SettingKey;
import org.outreachdesk.store.Database;
import org.outreachdesk.store.StoreException;
import org.outreachdesk.store.Tx;
import org.outreachdesk.store.WrongKeyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An unlocked vault: the open database, the data key (in memory only while unlocked), the signed-in user
 * and the audit chain. {@link #close()} (locking) checkpoints the database durably, closes it and wipes
 * every key copy.
 *
 * <p>Threat model (ADR 4): the data key is the same for every user; roles are enforced by the program, so
 * they stop a user from doing through Outreach Desk what their role forbids, not a user who extracts the
 * data key with their own password and reads the file with other tools.
 */
public final class Vault implements AutoCloseable {


    private static final Logger LOG = LoggerFactory.getLogger(Vault.class);
    static final String OLDER_MESSAGE = "the database is older than its last recorded state: restore from a backup"
            + " (or, when no newer backup exists, an admin accepts it as it is: outreach-desk audit accept-older)";
    static final String UNCHECKABLE_MESSAGE = "the record of the database's last state (audit.head) is missing or "
            + "damaged, so the database cannot be checked against it: restore from a backup (or an admin accepts it as"
            + " it is: outreach-desk audit accept-older)";
    static final String DAMAGED_MESSAGE = "the database is damaged: it does not open with the key that this password "
            + "unlocked; restore from a backup";

    private final VaultFolder folder;
    private final Database db;
    private final Clock clock;
    private final UUID deviceId;
    private final AuditLog audit;
    private final AuditHead head;
    private final KdfParams kdf;
    private final Object auditedWrites = new Object();
    private byte[] dataKey;
    private AppUser user;
    /** Whether the database already says that a head file exists (set in the first audited commit otherwise). */
    private boolean headRequired;

    private Vault(VaultFolder folder, Database db, byte[] dataKey, AppUser user, UUID deviceId, Clock clock,
                  KdfParams kdf) {
        this.folder = folder;
        this.db = db;
        this.dataKey = dataKey;
        this.user = user;
        this.deviceId = deviceId;
        this.clock = clock;
        this.kdf = kdf;
        this.head = new AuditHead(folder.dir(), dataKey);
        this.audit = new AuditLog(dataKey, deviceId, head);
    }

    /** A new vault and its recovery key, which is shown once and never stored in clear. */
    public record Created(Vault vault, char[] recoveryKey) {
    }

    /**
     * Creates a vault in {@code dir} (which must not hold one) with its first admin.
     *
     * @throws VaultException when a vault already exists there or the folder cannot be written
     */
    public static Created create(Path dir, String orgName, String adminName, char[] adminPassword, Clock clock,
                                 KdfParams kdf) {
        VaultFolder folder = new VaultFolder(dir);
        if (folder.exists() || Files.exists(folder.dir().resolve(Database.FILE_STEM + ".mv.db"))) {
            throw new VaultException("a vault already exists in that folder").keyed("vault.exists");
        }
        if (orgName == null || orgName.isBlank()) {
            throw new VaultException("the organisation name is empty").keyed("vault.orgEmpty");
        }
        Passwords.requireStrong(adminPassword, adminName, orgName);
        byte[] dataKey = Secrets.random(32);
        char[] recovery = RecoveryKey.generate();
        UUID deviceId = UUID.randomUUID();
        UUID adminId = UUID.randomUUID();
        Instant now = clock.instant();
        AppUser admin = new AppUser(new RecordMeta(adminId, now, now, adminId, adminId, deviceId, 1), adminName,
                Role.ADMIN, true, "en", null);
        Database db = null;
        try {
            folder.writeSlot(KeySlot.seal(adminId, adminName, adminPassword, dataKey, kdf));
            folder.writeSlot(KeySlot.sealRecovery(recovery, dataKey, kdf));
            db = Database.openEncrypted(folder.dir(), dataKey);
            Vault v = new Vault(folder, db, dataKey, admin, deviceId, clock, kdf);
            AuditEntry first = db.write(tx -> {
                tx.settings().put(SettingKey.DEVICE_ID, deviceId.toString(), adminId, now);
                tx.settings().put(SettingKey.ORGANISATION, orgName.strip(), adminId, now);
                tx.settings().put(AuditHead.REQUIRED_SETTING, "1", adminId, now);
                tx.users().insert(admin);
                return v.audit.append(tx, now, adminId, adminName, AuditAction.VAULT_CREATED, null, null, null);
            });
            db.checkpoint();
            v.head.record(first);
            v.headRequired = true;
            folder.writeMarker();
            VaultFolder.ownerOnly(folder.dir());
            return new Created(v, recovery);
        } catch (IOException | RuntimeException e) {
            if (db != null) {
                db.close();
            }
            Arrays.fill(dataKey, (byte) 0);
            throw e instanceof VaultException ve ? ve : new VaultException("the vault could not be created", e)
                    .keyed("vault.notCreated");
        }
    }

    public static void warmUp() {
        Database.warmUp();
        KdfParams.warmUp();
        Passwords.warmUp();
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(new byte[32], "AES"),
                    new GCMParameterSpec(128, new byte[12]));
            c.doFinal(new byte[32]);
        } catch (GeneralSecurityException e) {
            // nothing to prepare: a real unlock reports a missing cipher itself
        }
    }

    /**
     * Unlocks the vault in {@code dir} as {@code userName}. A wrong password changes no file.
     *
     * @throws WrongPasswordException    for an unknown user, a wrong password or a disabled account
     * @throws org.outreachdesk.store.VaultInUseException when another program has the vault open
     * @throws VaultException            keyed {@code vault.damaged} when the database does not open with the key the
     *                                   slot gave; {@code vault.olderThanRecorded} or {@code vault.headUncheckable}
     *                                   when it is older than its recorded head (ADR 9); {@code vault.slotClash}
     */
    public static Vault unlock(Path dir, String userName, char[] password, Clock clock, KdfParams kdf) {
        return unlock(dir, userName, password, clock, kdf, false);
    }

    /**
     * Unlocks as an admin who accepts the database as it is although it is older than its recorded head (or the
     * head file is missing or damaged): for when no newer backup exists. The acceptance is audited and the head
     * recorded anew. Without such a problem this is an ordinary unlock.
     *
     * @throws NotAdminException when the database needed accepting and the user is not an admin
     */
    public static Vault unlockAcceptingOlderDatabase(Path dir, String userName, char[] password, Clock clock,
                                                     KdfParams kdf) {
        return unlock(dir, userName, password, clock, kdf, true);
    }

    private static Vault unlock(Path dir, String userName, char[] password, Clock clock, KdfParams kdf,
                                boolean acceptOlder) {
        VaultFolder folder = new VaultFolder(dir);
        if (!folder.exists()) {
            throw new NoVaultException();
        }
        KeySlot slot;
        try {
            slot = folder.findSlot(userName).orElse(null);
        } catch (IOException e) {
            throw new VaultException("a key slot could not be read", e).keyed("vault.slotUnreadable");
        }
        if (slot == null) {
            // spend the same effort as a real attempt, so timing does not reveal which names exist
            KeySlot.sealRecovery(password, new byte[32], kdf);
            throw new WrongPasswordException();
        }
        byte[] dataKey;
        if (slot.isRecovery()) {
            char[] key = RecoveryKey.normalise(password);
            try {
                dataKey = slot.open(key);
            } finally {
                Arrays.fill(key, '\0');
            }
        } else {
            dataKey = slot.open(password);
        }
        Database db;
        try {
            db = Database.openEncrypted(folder.dir(), dataKey);
        } catch (StoreException e) {
            Arrays.fill(dataKey, (byte) 0);
            // the slot's AES-GCM tag proved this is the vault's key: a file that does not open with it is damaged
            // (or not this vault's), never a wrong password. Other kinds (in use, …) pass through as they are.
            if (e instanceof WrongKeyException || e.getClass() == StoreException.class) {
                throw damaged(e);
            }
            throw e;
        }
        try {
            UUID deviceId;
            try {
                deviceId = UUID.fromString(db.read(tx -> tx.settings().get(SettingKey.DEVICE_ID)).orElseThrow());
            } catch (RuntimeException e) {
                throw damaged(e);
            }
            AppUser user;
            if (slot.isRecovery()) {
                Instant now = clock.instant();
                user = new AppUser(new RecordMeta(slot.userId(), now, now, slot.userId(), slot.userId(), deviceId, 1),
                        "recovery-key", Role.ADMIN, true, "en", null);
            } else {
                user = db.read(tx -> tx.users().findById(slot.userId())).filter(AppUser::active).orElse(null);
                if (user == null) {
                    throw new WrongPasswordException();
                }
            }
            Vault v = new Vault(folder, db, dataKey, user, deviceId, clock, kdf);
            v.removeSlotsOfDisabledUsers();
            Optional<AuditHead.Problem> problem = db.read(v.head::check);
            v.headRequired = db.read(tx -> tx.settings().get(AuditHead.REQUIRED_SETTING)).isPresent();
            if (problem.isPresent()) {
                LOG.warn("unlock: the database does not reach its recorded audit head ({})", problem.get());
                if (!acceptOlder) {
                    throw problem.get() == AuditHead.Problem.OLDER
                            ? new VaultException(OLDER_MESSAGE).keyed("vault.olderThanRecorded")
                            : new VaultException(UNCHECKABLE_MESSAGE).keyed("vault.headUncheckable");
                }
                if (user.role() != Role.ADMIN) {
                    throw new NotAdminException();
                }
                v.writeAudited(AuditAction.SETTING_CHANGED, "setting", AuditHead.FILE,
                        "database accepted as found: " + (problem.get() == AuditHead.Problem.OLDER
                                ? "older than its recorded state" : "its recorded state was missing or damaged"),
                        tx -> null);
            }
            VaultBackup.removeAbandonedWork(folder.dir());
            VaultFolder.ownerOnly(folder.dir());
            v.writeAudited(AuditAction.LOGIN, "user", user.id().toString(), slot.isRecovery() ? "recovery key" : null,
                    tx -> null);
            return v;
        } catch (RuntimeException e) {
            db.close();
            Arrays.fill(dataKey, (byte) 0);
            throw e;
        }
    }

    private static VaultException damaged(RuntimeException cause) {
        LOG.warn("unlock: the database does not open with the key its slot verified ({}): damaged",
                cause.getClass().getName());
        return new VaultException(DAMAGED_MESSAGE, cause).keyed("vault.damaged");
    }

    public AppUser user() {
        return user;
    }

    public UUID deviceId() {
        return deviceId;
    }

    public Path folder() {
        return folder.dir();
    }

    public Clock clock() {
        return clock;
    }

    /** Who writes records in this session. */
    public RecordMeta.Author author() {
        return new RecordMeta.Author(user.id(), deviceId);
    }

    public Database database() {
        return db;
    }

    /** The data key, for keying a backup of this vault (vault package only; callers neither keep nor wipe it). */
    byte[] dataKey() {
        byte[] k = dataKey;
        if (k == null) {
            throw new VaultException("the vault is locked").keyed("vault.locked");
        }
        return k;
    }

    /** The Argon2id cost this vault gives new key slots (and join files). */
    KdfParams kdf() {
        return kdf;
    }

    public AuditLog audit() {
        return audit;
    }

    public String organisation() {
        return db.read(tx -> tx.settings().get(SettingKey.ORGANISATION)).orElse("");
    }

    /**
     * Runs {@code work} in one transaction together with its audit entry, then makes it durable.
     */
    public <T> T writeAudited(AuditAction action, String recordType, String recordId, String detail,
                              Function<Tx, T> work) {
        // one audited transaction at a time: each entry chains to the head the previous one committed, so two
        // open transactions must not read the same head (they collided on the entry's sequence number)
        synchronized (auditedWrites) {
            AuditEntry[] entry = new AuditEntry[1];
            T result = db.write(tx -> {
                T r = work.apply(tx);
                entry[0] = audit.append(tx, clock.instant(), user.id(), user.name(), action, recordType, recordId,
                        detail);
                if (!headRequired) {
                    tx.settings().put(AuditHead.REQUIRED_SETTING, "1", user.id(), entry[0].at());
                }
                return r;
            });
            db.checkpoint();
            headRequired = true;
            try {
                // after the commit: a crash in between leaves the file one entry behind, which unlock accepts
                head.record(entry[0]);
            } catch (IOException e) {
                // the change is stored; only the rollback check falls behind until the next audited commit
                LOG.warn("the audit head file could not be written ({})", e.getClass().getName());
            }
            return result;
        }
    }

    /** Adds a user with a key slot of their own. */
    public AppUser addUser(String name, Role role, char[] password) {
        Passwords.requireStrong(password, name, organisation());
        if (!AppUser.isValidName(name)) {
            throw new VaultException("user name must be 2-64 letters, digits, '.', '_' or '-'")
                    .keyed("user.nameFormat");
        }
        if (db.read(tx -> tx.users().findByName(name)).isPresent() || AppUser.RESERVED_RECOVERY.equalsIgnoreCase(name)) {
            throw new VaultException("a user with that name already exists").keyed("user.nameTaken");
        }
        AppUser u = new AppUser(RecordMeta.create(author(), clock.instant()), name, role, true, "en", null);
        KeySlot slot = KeySlot.seal(u.id(), name, password, dataKey, kdf);
        writeAudited(AuditAction.USER_ADDED, "user", u.id().toString(), role.code(), tx -> {
            tx.users().insert(u);
            return null;
        });
        writeSlot(slot);
        return u;
    }

    /**
     * Disables a user: their key slot is removed first (made durable), then the account is flagged, so from this
     * moment their password opens neither the program nor, offline, the data key. A disabled account cannot be
     * given a password again ({@link #setPassword} refuses it): the way back is a new account.
     */
    public void disableUser(String name) {
        AppUser u = db.read(tx -> tx.users().findByName(name)).orElseThrow(() -> new VaultException("no such user").keyed("user.unknown"));
        if (u.id().equals(user.id())) {
            throw new VaultException("you cannot disable your own account").keyed("user.disableSelf");
        }
        removeSlot(u.id());
        AppUser disabled = new AppUser(u.meta().touch(author(), clock.instant()), u.name(), u.role(), false,
                u.language(), u.staffId());
        writeAudited(AuditAction.USER_DISABLED, "user", u.id().toString(), null, tx -> {
            tx.users().update(disabled);
            return null;
        });
    }

    private void removeSlot(UUID userId) {
        try {
            folder.removeSlot(userId);
        } catch (IOException e) {
            throw new VaultException("the user's key slot could not be removed", e)
                    .keyed("user.slotNotRemoved");
        }
    }

    /**
     * Removes any key slot still on disk for a disabled account (one left by an older version, or by a failure
     * between the two steps of {@link #disableUser}); a slot that cannot be removed now is tried at the next unlock.
     */
    private void removeSlotsOfDisabledUsers() {
        for (AppUser u : db.read(tx -> tx.users().list())) {
            if (!u.active()) {
                try {
                    folder.removeSlot(u.id());
                } catch (IOException e) {
                    // left for the next unlock; unlock refuses a disabled account all the same
                }
            }
        }
    }

    /**
     * Gives {@code name} a new password. Rewrites that user's slot only; the data key does not change.
     */
    public void setPassword(String name, char[] newPassword) {
        AppUser u = db.read(tx -> tx.users().findByName(name)).filter(AppUser::active)
                .orElseThrow(() -> new VaultException("no such active user").keyed("user.unknownActive"));
        Passwords.requireStrong(newPassword, u.name(), organisation());
        KeySlot slot = KeySlot.seal(u.id(), u.name(), newPassword, dataKey, kdf);
        AuditAction action = u.id().equals(user.id()) ? AuditAction.PASSWORD_CHANGED : AuditAction.PASSWORD_RESET;
        writeAudited(action, "user", u.id().toString(), null, tx -> null);
        writeSlot(slot);
    }

    /** Changes the signed-in user's interface language ({@code en} or {@code km}). */
    public void setOwnLanguage(String language) {
        if (!"en".equals(language) && !"km".equals(language)) {
            throw new VaultException("language must be en or km").keyed("user.language");
        }
        if (user.name().equals("recovery-key")) {
            throw new VaultException("the recovery key has no settings of its own")
                    .keyed("user.recoveryNoSettings");
        }
        AppUser stored = db.read(tx -> tx.users().findById(user.id())).orElseThrow(() -> new VaultException("no such user").keyed("user.unknown"));
        AppUser changed = new AppUser(stored.meta().touch(author(), clock.instant()), stored.name(), stored.role(),
                stored.active(), language, stored.staffId());
        writeAudited(AuditAction.SETTING_CHANGED, "user", user.id().toString(), "language=" + language, tx -> {
            tx.users().update(changed);
            return null;
        });
        user = changed;
    }

    private void writeSlot(KeySlot slot) {
        try {
            folder.writeSlot(slot);
        } catch (IOException e) {
            throw new VaultException("the key slot could not be written", e).keyed("user.slotNotWritten");
        }
    }

    /** The other users' accounts (for the admin's list). */
    public List<AppUser> users() {
        return db.read(tx -> tx.users().list());
    }

    /** Whether the vault is still unlocked. */
    public boolean isOpen() {
        return dataKey != null;
    }

    /** Locks: audited, durable checkpoint, database closed, keys wiped. */
    @Override
    public synchronized void close() {
        if (dataKey == null) {
            return;
        }
        try {
            writeAudited(AuditAction.LOCK, "user", user.id().toString(), null, tx -> null);
        } finally {
            db.close();
            VaultFolder.ownerOnly(folder.dir()); // a compacting close leaves a new database file
            audit.wipe();
            Arrays.fill(dataKey, (byte) 0);
            dataKey = null;
        }
    }
}
