package org.outreachdesk.vault;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One way into a vault: the data key wrapped with AES-256-GCM under a key derived from a user's password
 * (or the recovery key) with Argon2id. The slot file holds the user name, the salt, the Argon2id
 * parameters, the nonce and the wrapped key; nothing in it opens the vault without the password.
 */
public final class KeySlot {

    private static final int FORMAT = 1;
    private static final String RECOVERY = "recovery";

    private final UUID userId;
    private final String userName;
    private final KdfParams kdf;
    private final byte[] salt;
    private final byte[] nonce;
    private final byte[] wrapped;

    private KeySlot(UUID userId, String userName, KdfParams kdf, byte[] salt, byte[] nonce, byte[] wrapped) {
        this.userId = userId;
        this.userName = userName;
        this.kdf = kdf;
        this.salt = salt;
        this.nonce = nonce;
        this.wrapped = wrapped;
    }

    /** Wraps {@code dataKey} for {@code userName} under {@code password}. */
    public static KeySlot seal(UUID userId, String userName, char[] password, byte[] dataKey, KdfParams kdf) {
        byte[] salt = Secrets.random(16);
        byte[] nonce = Secrets.random(12);
        byte[] kek = kdf.derive(password, salt);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(128, nonce));
            c.updateAAD(aad(userId, userName));
            return new KeySlot(userId, userName, kdf, salt, nonce, c.doFinal(dataKey));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    /** The recovery slot: the same wrapping, under the recovery key. */
    public static KeySlot sealRecovery(char[] recoveryKey, byte[] dataKey, KdfParams kdf) {
        return seal(new UUID(0, 0), RECOVERY, recoveryKey, dataKey, kdf);
    }

    /**
     * Unwraps the data key with {@code password}.
     *
     * @throws WrongPasswordException when the password does not open this slot (or the slot was altered)
     */
    public byte[] open(char[] password) {
        byte[] kek = kdf.derive(password, salt);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(128, nonce));
            c.updateAAD(aad(userId, userName));
            return c.doFinal(wrapped);
        } catch (AEADBadTagException e) {
            throw new WrongPasswordException();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    private static byte[] aad(UUID userId, String userName) {
        return ("outreach-desk-slot-v" + FORMAT + "|" + userId + "|" + userName).getBytes(StandardCharsets.UTF_8);
    }

    public UUID userId() {
        return userId;
    }

    public String userName() {
        return userName;
    }

    public boolean isRecovery() {
        return RECOVERY.equals(userName) && userId.equals(new UUID(0, 0));
    }

    /** The slot as the text of its file. */
    String encode() {
        Properties p = new Properties();
        Base64.Encoder b64 = Base64.getEncoder();
        p.setProperty("format", Integer.toString(FORMAT));
        p.setProperty("user.id", userId.toString());
        p.setProperty("user.name", userName);
        p.setProperty("kdf", "argon2id");
        p.setProperty("kdf.memoryKiB", Integer.toString(kdf.memoryKiB()));
        p.setProperty("kdf.iterations", Integer.toString(kdf.iterations()));
        p.setProperty("kdf.parallelism", Integer.toString(kdf.parallelism()));
        p.setProperty("salt", b64.encodeToString(salt));
        p.setProperty("nonce", b64.encodeToString(nonce));
        p.setProperty("wrapped", b64.encodeToString(wrapped));
        StringWriter w = new StringWriter();
        try {
            p.store(w, "Outreach Desk key slot: the vault's data key, wrapped (AES-256-GCM, Argon2id)");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w.toString();
    }

    static KeySlot read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return decode(in.readAllBytes(), file.getFileName().toString());
        }
    }

    /** The most memory a slot may ask Argon2id for (4 GiB would exhaust a laptop at every login). */
    static final int MAX_MEMORY_KIB = 1024 * 1024;
    private static final int MAX_ITERATIONS = 64;
    private static final int MAX_PARALLELISM = 16;

    /**
     * A slot from the bytes of its file ({@code name}, the file name, only names it in errors). Every field is
     * checked here (format, names, lengths, Argon2id costs within bounds), so a damaged slot is refused as a whole
     * when it is read, never half-way through someone's login.
     */
    static KeySlot decode(byte[] fileBytes, String name) throws IOException {
        Properties p = new Properties();
        try {
            p.load(new StringReader(new String(fileBytes, StandardCharsets.ISO_8859_1)));
        } catch (IllegalArgumentException e) {
            throw new IOException("damaged key slot: " + name);
        }
        try {
            if (!Integer.toString(FORMAT).equals(p.getProperty("format")) || !"argon2id".equals(p.getProperty("kdf"))) {
                throw new IOException("unsupported key slot format: " + name);
            }
            Base64.Decoder b64 = Base64.getDecoder();
            String userName = Objects.requireNonNull(p.getProperty("user.name"));
            int memory = Integer.parseInt(p.getProperty("kdf.memoryKiB"));
            int iterations = Integer.parseInt(p.getProperty("kdf.iterations"));
            int parallelism = Integer.parseInt(p.getProperty("kdf.parallelism"));
            if (memory > MAX_MEMORY_KIB || iterations > MAX_ITERATIONS || parallelism > MAX_PARALLELISM) {
                throw new IllegalArgumentException("Argon2id parameters out of bounds");
            }
            byte[] salt = b64.decode(p.getProperty("salt"));
            byte[] nonce = b64.decode(p.getProperty("nonce"));
            byte[] wrapped = b64.decode(p.getProperty("wrapped"));
            if (userName.isBlank() || salt.length != 16 || nonce.length != 12 || wrapped.length != 32 + 16) {
                throw new IllegalArgumentException("a field has the wrong length");
            }
            return new KeySlot(UUID.fromString(p.getProperty("user.id")), userName,
                    new KdfParams(memory, iterations, parallelism), salt, nonce, wrapped);
        } catch (RuntimeException e) {
            throw new IOException("damaged key slot: " + name, e);
        }
    }

    /** The file name this slot is written under ({@code <user id>.slot}, or {@code recovery.slot}). */
    String fileName() {
        return isRecovery() ? VaultFolder.RECOVERY_SLOT : userId + ".slot";
    }
}
