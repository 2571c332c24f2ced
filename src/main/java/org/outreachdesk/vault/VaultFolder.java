package org.outreachdesk.vault;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.LinkOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.stream.Stream;

/**
 * The files of a vault folder: {@code vault.properties} (format marker, nothing secret), the encrypted
 * database {@code outreach.mv.db}, and {@code keys/} with one key slot per user plus the recovery slot.
 * Slots are written atomically: temp file, fsync, rename, fsync of the folder.
 */
public final class VaultFolder {

    private static final Logger LOG = LoggerFactory.getLogger(VaultFolder.class);

    static final String MARKER = "vault.properties";
    static final String KEYS = "keys";
    static final String RECOVERY_SLOT = "recovery.slot";

    private final Path dir;

    public VaultFolder(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    public Path dir() {
        return dir;
    }

    /** Whether a vault has been created here. */
    public boolean exists() {
        return Files.isRegularFile(dir.resolve(MARKER));
    }

    Path keys() {
        return dir.resolve(KEYS);
    }

    void writeMarker() throws IOException {
        Files.createDirectories(keys());
        writeAtomically(dir.resolve(MARKER), "# Outreach Desk vault. Everything in this folder is encrypted.\nformat=1\n");
    }

    void writeSlot(KeySlot slot) throws IOException {
        Files.createDirectories(keys());
        writeAtomically(slotFile(slot), slot.encode());
    }

    void removeSlot(UUID userId) throws IOException {
        if (Files.deleteIfExists(keys().resolve(userId + ".slot"))) {
            syncDirectory(keys());
        }
    }

    private Path slotFile(KeySlot slot) {
        return keys().resolve(slot.fileName());
    }

    /**
     * The slot of the user with this name (or the recovery slot for {@code recovery}). Slots that cannot be read
     * are skipped (see {@link #slots()}), so one damaged file locks nobody else out.
     *
     * @throws VaultException when two readable slots claim this user name (which one is theirs cannot be told)
     */
    Optional<KeySlot> findSlot(String userName) throws IOException {
        return pick(slots(), userName);
    }

    /** The one slot in {@code slots} that claims {@code userName}; refused when more than one does. */
    static Optional<KeySlot> pick(List<KeySlot> slots, String userName) {
        List<KeySlot> claims = slots.stream().filter(s -> s.userName().equals(userName)).toList();
        if (claims.size() > 1) {
            String files = claims.stream().map(KeySlot::fileName).sorted().collect(Collectors.joining(", "));
            LOG.warn("key slots {} claim the same user name; that login is refused", files);
            throw new VaultException("two key slots (" + files + ") claim this user name, so neither is used; an admin "
                    + "must remove the one that is not theirs from the vault's keys folder").keyed("vault.slotClash", files);
        }
        return claims.stream().findFirst();
    }

    /**
     * Every readable slot. A slot file that cannot be read, is damaged, or is not named after the user it claims
     * ({@code <user id>.slot}, {@code recovery.slot}) is skipped and named in the log by its file name only.
     */
    List<KeySlot> slots() throws IOException {
        List<KeySlot> out = new ArrayList<>();
        if (!Files.isDirectory(keys())) {
            return out;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(keys(), "*.slot")) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                byte[] bytes;
                try {
                    bytes = Files.readAllBytes(f);
                } catch (IOException e) {
                    LOG.warn("key slot {} skipped: it cannot be read ({})", name, e.getClass().getSimpleName());
                    continue;
                }
                readable(name, bytes).ifPresent(out::add);
            }
        }
        return out;
    }

    /** The slot in a slot file's bytes, or nothing (logged by file name) when it is damaged or misnamed. */
    static Optional<KeySlot> readable(String fileName, byte[] bytes) {
        KeySlot slot;
        try {
            slot = KeySlot.decode(bytes, fileName);
        } catch (IOException e) {
            LOG.warn("key slot {} skipped: it is damaged or not a key slot", fileName);
            return Optional.empty();
        }
        if (!slot.fileName().equals(fileName)) {
            LOG.warn("key slot {} skipped: its file name does not match the user it claims", fileName);
            return Optional.empty();
        }
        return Optional.of(slot);
    }

    static void writeAtomically(Path target, String text) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try (FileChannel ch = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                ownerOnlyFile())) {
            ch.write(StandardCharsets.UTF_8.encode(text));
            ch.force(true);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        syncDirectory(target.getParent());
    }

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> FOLDER_MODE = PosixFilePermissions.fromString("rwx------");

    /** The attribute that creates a file readable by its owner only (0600) on POSIX systems; none elsewhere. */
    public static FileAttribute<?>[] ownerOnlyFile() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE_MODE)} : new FileAttribute<?>[0];
    }

    /**
     * Gives {@code folder} mode 0700 and everything in it 0600 (folders 0700), on POSIX systems (elsewhere the
     * per-user data folder's own access rules apply). Files other programs create here (H2's database, its
     * compacted copy) come with the process's umask; this is run after they may have appeared.
     */
    public static void ownerOnly(Path folder) {
        if (!POSIX || !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.toList()) {
                if (Files.isSymbolicLink(p)) {
                    continue;
                }
                Files.setPosixFilePermissions(p, Files.isDirectory(p) ? FOLDER_MODE : FILE_MODE);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("file modes of a vault folder could not be set ({})", e.getClass().getSimpleName());
        }
    }

    /** Makes a rename durable (where the platform allows opening a folder; Windows does not). */
    static void syncDirectory(Path folder) {
        try (FileChannel ch = FileChannel.open(folder, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // not supported on this platform: the rename is still atomic, only its durability is the OS's
        }
    }
}
