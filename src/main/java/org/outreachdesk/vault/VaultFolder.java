package org.outreachdesk.vault;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The files of a vault folder: {@code vault.properties} (format marker, nothing secret), the encrypted
 * database {@code outreach.mv.db}, and {@code keys/} with one key slot per user plus the recovery slot.
 * Slots are written atomically: temp file, fsync, rename, fsync of the folder.
 */
public final class VaultFolder {

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
        return keys().resolve(slot.isRecovery() ? RECOVERY_SLOT : slot.userId() + ".slot");
    }

    /** The slot of the user with this name (or the recovery slot for {@code recovery}). */
    Optional<KeySlot> findSlot(String userName) throws IOException {
        for (KeySlot s : slots()) {
            if (s.userName().equals(userName)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    List<KeySlot> slots() throws IOException {
        List<KeySlot> out = new ArrayList<>();
        if (!Files.isDirectory(keys())) {
            return out;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(keys(), "*.slot")) {
            for (Path f : files) {
                out.add(KeySlot.read(f));
            }
        }
        return out;
    }

    static void writeAtomically(Path target, String text) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
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

    /** Makes a rename durable (where the platform allows opening a folder; Windows does not). */
    static void syncDirectory(Path folder) {
        try (FileChannel ch = FileChannel.open(folder, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // not supported on this platform: the rename is still atomic, only its durability is the OS's
        }
    }
}
