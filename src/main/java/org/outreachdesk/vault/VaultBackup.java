package org.outreachdesk.vault;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.outreachdesk.domain.AppUser;
import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.AuditEntry;
import org.outreachdesk.domain.AuditVerification;
import org.outreachdesk.domain.Role;
import org.outreachdesk.domain.SettingKey;
import org.outreachdesk.store.Database;
import org.outreachdesk.store.StoreException;
import org.outreachdesk.store.Tx;
import org.outreachdesk.store.WrongKeyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Backups of a vault as one encrypted file ({@link BackupEnvelope}), and their checked restore.
 *
 * <p>A backup holds a compact copy of the database (still H2-encrypted under the data key) inside an
 * AES-256-GCM envelope keyed from the data key, and the vault's key slots as they were: it opens with
 * the password any user had when it was taken, or with the recovery key. Nothing is ever written in clear,
 * not even to a temporary file: the working copy lives, encrypted, in a hidden folder of the vault.
 *
 * <p>A restore opens the backup, decrypts it into a hidden folder beside the target, opens that database,
 * checks the audit chain and the user's role, and only then moves it into place. An existing vault is
 * replaced only when asked, is checked not to be open, and is kept beside it (renamed), not deleted.
 */
public final class VaultBackup {

    private static final Logger LOG = LoggerFactory.getLogger(VaultBackup.class);
    private static final int MAX_MANIFEST = 64 * 1024;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private static final String WORK_PREFIX = ".backup-";
    private static final String RESTORING_INFIX = ".restoring-";
    private static final String PARTIAL_SUFFIX = ".partial";
    /**
     * Working folders and files of backups and restores this program is writing now (never removed as abandoned):
     * {@code .backup-<id>} in the vault, {@code .<file>.<id>.partial} beside a backup, {@code .<vault>.restoring-<id>}
     * beside a vault.
     */
    private static final Set<Path> IN_PROGRESS = ConcurrentHashMap.newKeySet();

    private VaultBackup() {
    }

    /**
     * Removes working folders ({@code .backup-<id>}, holding an H2-encrypted copy) that a backup killed half-way
     * left in the vault folder. Run at unlock: the database is then open here, so no other program is backing it up,
     * and this program's own backups in progress are known.
     */
    static void removeAbandonedWork(Path vaultDir) {
        try (DirectoryStream<Path> work = Files.newDirectoryStream(vaultDir, WORK_PREFIX + "*")) {
            for (Path w : work) {
                if (Files.isDirectory(w, LinkOption.NOFOLLOW_LINKS) && !IN_PROGRESS.contains(w)) {
                    LOG.info("removing the working folder of an unfinished backup: {}", w.getFileName());
                    deleteTree(w);
                }
            }
        } catch (IOException e) {
            LOG.warn("unfinished backups' working folders could not be listed ({})", e.getClass().getSimpleName());
        }
        Path parent = vaultDir.toAbsolutePath().getParent();
        if (parent != null) {
            removeAbandoned(parent, "." + vaultDir.getFileName() + RESTORING_INFIX + "*", "an unfinished restore");
        }
    }

    /**
     * Removes what a backup or restore killed half-way left beside its target, matching {@code glob} in
     * {@code folder}, unless this program is writing it now. A backup's partial file holds only sealed chunks and a
     * restore's staging folder an encrypted database and wrapped key slots: nothing readable, but not to be left.
     */
    private static void removeAbandoned(Path folder, String glob, String what) {
        try (DirectoryStream<Path> left = Files.newDirectoryStream(folder, glob)) {
            for (Path p : left) {
                if (!IN_PROGRESS.contains(p.toAbsolutePath()) && !Files.isSymbolicLink(p)) {
                    LOG.info("removing what {} left: {}", what, p.getFileName());
                    deleteTree(p);
                }
            }
        } catch (IOException e) {
            LOG.warn("what {} left could not be listed ({})", what, e.getClass().getSimpleName());
        }
    }

    /** A backup written. */
    public record Written(UUID backupId, Path file, long bytes) {
    }

    /**
     * A backup restored.
     *
     * @param previousVault where the vault that was replaced now lies, or null when none was replaced
     */
    public record Restored(UUID backupId, Instant takenAt, Path vault, Path previousVault) {
    }

    /**
     * Writes a backup of the open vault to {@code out} (replacing a file there only once the new one is
     * complete and on disk), while the vault stays open and in use. Audited as {@link AuditAction#BACKUP}.
     *
     * @throws VaultException when the target cannot be used or written
     */
    public static Written write(Vault vault, Path out, String programVersion) {
        return write(vault, out, programVersion, false);
    }

    /**
     * Writes a backup; an existing file at {@code out} is replaced only when {@code replace} is set. Refused inside
     * the vault folder, compared by real paths (a symbolic link to the vault, or from the target into it, is seen
     * through).
     */
    public static Written write(Vault vault, Path out, String programVersion, boolean replace) {
        Path target = out.toAbsolutePath().normalize();
        Path vaultDir = vault.folder();
        if (isInside(target, vaultDir)) {
            throw new VaultException("a backup cannot be written inside the vault folder; choose another place")
                    .keyed("backup.insideVault");
        }
        if (Files.isDirectory(target)) {
            throw new VaultException("the backup target is a folder; give a file name").keyed("backup.isFolder");
        }
        Path parent = target.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new VaultException("the folder for the backup does not exist: " + parent)
                    .keyed("backup.noFolder", String.valueOf(parent));
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !replace) {
            throw new VaultException("a file of that name exists already; choose another name, or replace it "
                    + "explicitly (--force)").keyed("backup.exists");
        }
        UUID id = UUID.randomUUID();
        Path work = vaultDir.resolve(WORK_PREFIX + id);
        IN_PROGRESS.add(work);
        removeAbandoned(parent, "." + target.getFileName() + ".*" + PARTIAL_SUFFIX, "an unfinished backup");
        Path partial = parent.resolve("." + target.getFileName() + "." + id + PARTIAL_SUFFIX);
        IN_PROGRESS.add(partial);
        long started = System.nanoTime();
        byte[] payloadKey = null;
        try {
            Path copy = vault.database().writeCompactCopy(work);
            BackupEnvelope.Header header = BackupEnvelope.Header.create(id, slotFiles(vaultDir));
            payloadKey = header.payloadKey(vault.dataKey());
            Map<String, String> manifest = new LinkedHashMap<>();
            manifest.put("backup.id", id.toString());
            manifest.put("created.at", vault.clock().instant().toString());
            manifest.put("created.by.id", vault.user().id().toString());
            manifest.put("program.version", programVersion);
            manifest.put("database.bytes", Long.toString(Files.size(copy)));
            byte[] manifestBytes = BackupEnvelope.lines(manifest);
            try (FileChannel ch = FileChannel.open(partial, Set.of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), VaultFolder.ownerOnlyFile())) {
                OutputStream file = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
                file.write(header.prefix());
                try (BackupEnvelope.SealingOutputStream sealed = new BackupEnvelope.SealingOutputStream(file, header,
                        payloadKey)) {
                    DataOutputStream data = new DataOutputStream(sealed);
                    data.writeInt(manifestBytes.length);
                    data.write(manifestBytes);
                    Files.copy(copy, data);
                    data.flush();
                }
                file.flush();
                ch.force(true);
            }
            moveReplacing(partial, target);
            VaultFolder.syncDirectory(parent);
            long bytes = Files.size(target);
            vault.writeAudited(AuditAction.BACKUP, "backup", id.toString(), bytes + " bytes", tx -> null);
            LOG.info("backup {} written: {} KiB in {} ms", id, bytes >> 10, (System.nanoTime() - started) / 1_000_000);
            return new Written(id, target, bytes);
        } catch (IOException e) {
            LOG.warn("backup {} failed: {}", id, e.getClass().getName());
            throw new VaultException("the backup could not be written (" + e.getClass().getSimpleName() + ")", e)
                    .keyed("backup.notWritten", e.getClass().getSimpleName());
        } finally {
            if (payloadKey != null) {
                Arrays.fill(payloadKey, (byte) 0);
            }
            deleteQuietly(partial);
            IN_PROGRESS.remove(partial);
            deleteTree(work);
            IN_PROGRESS.remove(work);
        }
    }

    /**
     * Restores the backup {@code from} into the vault folder {@code target}, as the user who opens it.
     * Nothing is replaced until the backup has opened with this password, its database has opened, its audit
     * chain has checked out and the user's role allows restoring. Audited as {@link AuditAction#RESTORE} in
     * the restored vault.
     *
     * @param userName       a user of the backup, or {@code recovery} with the recovery key
     * @param replace        whether an existing vault in {@code target} may be replaced (it is kept, renamed)
     * @param mayRestore     which roles may restore (the recovery key counts as an admin)
     * @throws WrongPasswordException        when the name or password does not open the backup
     * @throws RestoreNotAllowedException    when the user's role may not restore
     * @throws VaultExistsException          when {@code target} holds a vault and {@code replace} is false
     * @throws BackupDamagedException        when the file is not a readable, intact backup
     * @throws org.outreachdesk.store.VaultInUseException when the vault to be replaced is open
     * @throws VaultException                for any other reason nothing was restored
     */
    public static Restored restore(Path from, Path target, String userName, char[] password, boolean replace,
                                   Clock clock, Predicate<Role> mayRestore) {
        return restore(from, target, userName, password, replace, clock, mayRestore, tx -> { });
    }

    /**
     * {@link #restore(Path, Path, String, char[], boolean, Clock, Predicate)} with {@code inRestore} run in the
     * transaction that records the restore, before the restored vault is put in place (a team vault starts a new
     * change log there, ADR 22): when it fails, nothing is restored.
     */
    public static Restored restore(Path from, Path target, String userName, char[] password, boolean replace,
                                   Clock clock, Predicate<Role> mayRestore, Consumer<Tx> inRestore) {
        Path dir = target.toAbsolutePath().normalize();
        Path parent = dir.getParent();
        if (parent == null) {
            throw new VaultException("choose a folder for the restored vault").keyed("restore.noFolder");
        }
        boolean hasVault = new VaultFolder(dir).exists() || Files.exists(dir.resolve(Database.FILE_NAME));
        if (hasVault && !replace) {
            throw new VaultExistsException();
        }
        if (!hasVault && Files.exists(dir) && !isEmptyFolder(dir)) {
            throw new VaultException("the target folder is not empty and holds no vault; choose an empty or new folder")
                    .keyed("restore.folderNotEmpty");
        }
        if (hasVault) {
            Database.requireNotInUse(dir);
        }
        if (!Files.isRegularFile(from)) {
            throw new VaultException("there is no backup file at " + from)
                    .keyed("restore.noFile", String.valueOf(from));
        }
        removeAbandoned(parent, "." + dir.getFileName() + RESTORING_INFIX + "*", "an unfinished restore");
        Path staging = parent.resolve("." + dir.getFileName() + RESTORING_INFIX + UUID.randomUUID());
        IN_PROGRESS.add(staging);
        byte[] dataKey = null;
        byte[] payloadKey = null;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(from), 1 << 16)) {
            BackupEnvelope.Header header = BackupEnvelope.Header.read(raw);
            // the header is authenticated with the payload: a slot that does not read was already so in the vault,
            // and is skipped like there, so that one damaged slot does not make the whole backup unusable
            List<KeySlot> slots = new ArrayList<>();
            for (BackupEnvelope.SlotFile f : header.slots()) {
                VaultFolder.readable(f.fileName(), f.bytes()).ifPresent(slots::add);
            }
            KeySlot slot = VaultFolder.pick(slots, userName).orElse(null);
            if (slot == null) {
                // the same effort as a real attempt, so timing does not reveal which names exist
                KeySlot.sealRecovery(password, new byte[32], KdfParams.DEFAULT);
                throw new WrongPasswordException();
            }
            dataKey = openSlot(slot, password);
            payloadKey = header.payloadKey(dataKey);

            Files.createDirectories(staging);
            Map<String, String> manifest;
            try (BackupEnvelope.OpeningInputStream in = new BackupEnvelope.OpeningInputStream(raw, header, payloadKey)) {
                manifest = unpack(in, staging.resolve(Database.FILE_NAME));
            }
            if (!header.backupId().toString().equals(manifest.get("backup.id"))) {
                throw new BackupDamagedException("the backup file is damaged or was altered");
            }
            Path keys = staging.resolve(VaultFolder.KEYS);
            Files.createDirectories(keys);
            for (BackupEnvelope.SlotFile f : header.slots()) {
                writeDurably(keys.resolve(f.fileName()), f.bytes());
            }
            VaultFolder.syncDirectory(keys);
            checkAndRecord(staging, dataKey, slot, header.backupId(), manifest.get("created.at"), hasVault, clock,
                    mayRestore, inRestore);
            new VaultFolder(staging).writeMarker();

            Path previous = null;
            if (hasVault) {
                Database.requireNotInUse(dir);
                previous = freeSibling(dir, ".replaced-" + STAMP.format(clock.instant()));
                move(dir, previous);
                try {
                    move(staging, dir);
                } catch (IOException e) {
                    move(previous, dir);
                    throw e;
                }
            } else {
                Files.deleteIfExists(dir); // an empty folder
                move(staging, dir);
            }
            VaultFolder.syncDirectory(parent);
            LOG.info("backup {} restored{}", header.backupId(), previous != null ? " over an existing vault" : "");
            return new Restored(header.backupId(), parseInstant(manifest.get("created.at")), dir, previous);
        } catch (IOException e) {
            throw new VaultException("the backup could not be restored (" + e.getClass().getSimpleName() + ")", e)
                    .keyed("restore.failed", e.getClass().getSimpleName());
        } finally {
            if (dataKey != null) {
                Arrays.fill(dataKey, (byte) 0);
            }
            if (payloadKey != null) {
                Arrays.fill(payloadKey, (byte) 0);
            }
            deleteTree(staging);
            IN_PROGRESS.remove(staging);
        }
    }

    /** Opens the restored database where it is staged: checks it, checks the user, records the restore. */
    private static void checkAndRecord(Path staging, byte[] dataKey, KeySlot slot, UUID backupId, String takenAt,
                                       boolean replaced, Clock clock, Predicate<Role> mayRestore,
                                       Consumer<Tx> inRestore) throws IOException {
        Database db;
        try {
            db = Database.openEncrypted(staging, dataKey);
        } catch (WrongKeyException e) {
            throw new BackupDamagedException("the backup's database does not open with its own key");
        } catch (StoreException e) {
            throw new BackupDamagedException("the backup's database does not open (it may come from a newer version"
                    + " of Outreach Desk)");
        }
        AuditLog audit = null;
        try {
            UUID deviceId = UUID.fromString(db.read(tx -> tx.settings().get(SettingKey.DEVICE_ID))
                    .orElseThrow(() -> new BackupDamagedException("the backup's database is incomplete")));
            audit = new AuditLog(dataKey, deviceId);
            AuditLog chain = audit;
            AuditVerification v = db.read(chain::verify);
            if (!v.intact()) {
                throw new BackupDamagedException("the backup's audit trail is broken at entry " + v.brokenAtSeq()
                        + ": " + v.problem());
            }
            UUID userId;
            String name;
            if (slot.isRecovery()) {
                userId = slot.userId();
                name = "recovery-key";
            } else {
                AppUser u = db.read(tx -> tx.users().findById(slot.userId())).filter(AppUser::active)
                        .orElseThrow(WrongPasswordException::new);
                if (!mayRestore.test(u.role())) {
                    throw new RestoreNotAllowedException();
                }
                userId = u.id();
                name = u.name();
            }
            String detail = "taken " + takenAt + (replaced ? "; replaced the vault that was there" : "");
            AuditEntry entry = db.write(tx -> {
                inRestore.accept(tx);
                AuditEntry e = chain.append(tx, clock.instant(), userId, name, AuditAction.RESTORE, "backup",
                        backupId.toString(), detail);
                tx.settings().put(AuditHead.REQUIRED_SETTING, "1", userId, e.at());
                return e;
            });
            db.checkpoint();
            // the restored vault's head starts at its RESTORE entry (the replaced vault keeps its own, beside it)
            AuditHead head = new AuditHead(staging, dataKey);
            try {
                head.record(entry);
            } finally {
                head.wipe();
            }
        } finally {
            db.close();
            if (audit != null) {
                audit.wipe();
            }
        }
    }

    private static byte[] openSlot(KeySlot slot, char[] password) {
        if (!slot.isRecovery()) {
            return slot.open(password);
        }
        char[] key = RecoveryKey.normalise(password);
        try {
            return slot.open(key);
        } finally {
            Arrays.fill(key, '\0');
        }
    }

    /** Reads the manifest and the database from the opened payload; the payload must end right after. */
    private static Map<String, String> unpack(InputStream in, Path dbFile) throws IOException {
        DataInputStream data = new DataInputStream(in);
        Map<String, String> manifest;
        long dbBytes;
        try {
            int length = data.readInt();
            if (length <= 0 || length > MAX_MANIFEST) {
                throw new BackupDamagedException("the backup file is damaged");
            }
            byte[] m = new byte[length];
            data.readFully(m);
            manifest = BackupEnvelope.parseLines(m);
            dbBytes = Long.parseLong(manifest.getOrDefault("database.bytes", "-1"));
        } catch (EOFException | NumberFormatException e) {
            throw new BackupDamagedException("the backup file is damaged");
        }
        if (dbBytes <= 0) {
            throw new BackupDamagedException("the backup file is damaged");
        }
        try (FileChannel ch = FileChannel.open(dbFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             OutputStream out = Channels.newOutputStream(ch)) {
            byte[] buf = new byte[1 << 16];
            long left = dbBytes;
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    throw new BackupDamagedException("the backup file is damaged");
                }
                out.write(buf, 0, n);
                left -= n;
            }
            ch.force(true);
        }
        if (in.read() >= 0) {
            throw new BackupDamagedException("the backup file is damaged");
        }
        return manifest;
    }

    private static List<BackupEnvelope.SlotFile> slotFiles(Path vaultDir) throws IOException {
        List<BackupEnvelope.SlotFile> out = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(vaultDir.resolve(VaultFolder.KEYS), "*.slot")) {
            for (Path f : files) {
                out.add(new BackupEnvelope.SlotFile(f.getFileName().toString(), Files.readAllBytes(f)));
            }
        }
        out.sort(Comparator.comparing(BackupEnvelope.SlotFile::fileName));
        if (out.isEmpty()) {
            throw new VaultException("the vault has no key slots to put in the backup").keyed("backup.noSlots");
        }
        return out;
    }

    private static void writeDurably(Path file, byte[] bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(bytes));
            ch.force(true);
        }
    }

    private static void moveReplacing(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /**
     * Whether {@code target} (a file that may not exist yet) would land inside {@code folder}: by the normalised
     * paths, by the real path of its folder, and by the real path of the file itself when it exists (a symbolic
     * link). Public so that other exports (reports) use the same test.
     */
    public static boolean isInside(Path target, Path folder) {
        Path t = target.toAbsolutePath().normalize();
        Path f = folder.toAbsolutePath().normalize();
        if (t.startsWith(f)) {
            return true;
        }
        try {
            Path realFolder = f.toRealPath();
            Path parent = t.getParent();
            if (parent != null && Files.exists(parent) && parent.toRealPath().startsWith(realFolder)) {
                return true;
            }
            return Files.exists(t) && t.toRealPath().startsWith(realFolder);
        } catch (IOException e) {
            return false;
        }
    }

    private static Path freeSibling(Path dir, String suffix) {
        Path p = dir.resolveSibling(dir.getFileName() + suffix);
        for (int i = 2; Files.exists(p); i++) {
            p = dir.resolveSibling(dir.getFileName() + suffix + "-" + i);
        }
        return p;
    }

    private static boolean isEmptyFolder(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static Instant parseInstant(String text) {
        try {
            return Instant.parse(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("a temporary backup file could not be removed: {}", e.getClass().getName());
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (NoSuchFileException e) {
            // already gone
        } catch (IOException e) {
            LOG.warn("a temporary backup folder could not be removed: {}", e.getClass().getName());
        }
    }
}
