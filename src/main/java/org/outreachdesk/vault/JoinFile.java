package org.outreachdesk.vault;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The join file a hub writes for one new member laptop (issue 15, ADR 14 point 6), format 1. In clear only a
 * format line and the Argon2id parameters, salt and nonce; sealed with AES-256-GCM under Argon2id(join code, salt)
 * (the key slots' derivation, {@link KdfParams}), with the clear lines as associated data: the team's id, name and
 * key, the hub's id, name and public key, and the new laptop's id, name and Ed25519 key pair (made by the hub, so it
 * knows the laptop's public key from the start; it keeps no copy of the private key).
 *
 * <p>The join code (20 Base32 characters, 100 random bits, {@code ABCD-EFGH-JKLM-NPQR-STUV}) is made for this file
 * alone and shown once; it is stored nowhere.
 */
public final class JoinFile {

    static final String MAGIC_LINE = "outreach-desk join file";
    private static final int FORMAT = 1;
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final int CODE_CHARS = 20;
    private static final int MAX_FILE = 64 * 1024;

    private JoinFile() {
    }

    /** What the file carries; the caller wipes {@code teamKey} and {@code devicePrivateKey}. */
    public record Contents(UUID teamId, String teamName, UUID hubDevice, String hubName, byte[] hubPublicKey,
                           byte[] teamKey, UUID device, String deviceName, byte[] devicePublicKey,
                           byte[] devicePrivateKey) {
    }

    /**
     * Writes the join file (to a temporary name, forced, renamed) and returns its one-time code, which the caller
     * shows once and wipes. The Argon2id cost is {@code vault}'s, as for its key slots.
     *
     * @throws VaultException keyed {@code join.notWritten} when the file cannot be written
     */
    public static char[] write(Vault vault, Path target, Contents c) {
        char[] code = newCode();
        KdfParams kdf = vault.kdf();
        byte[] salt = Secrets.random(16);
        byte[] nonce = Secrets.random(12);
        Map<String, String> clear = new LinkedHashMap<>();
        clear.put("format", Integer.toString(FORMAT));
        clear.put("kdf", "argon2id");
        clear.put("kdf.memoryKiB", Integer.toString(kdf.memoryKiB()));
        clear.put("kdf.iterations", Integer.toString(kdf.iterations()));
        clear.put("kdf.parallelism", Integer.toString(kdf.parallelism()));
        clear.put("salt", Base64.getEncoder().encodeToString(salt));
        clear.put("nonce", Base64.getEncoder().encodeToString(nonce));
        byte[] head = head(clear);
        Base64.Encoder b64 = Base64.getEncoder();
        Map<String, String> inner = new LinkedHashMap<>();
        inner.put("team.id", c.teamId().toString());
        inner.put("team.name", c.teamName());
        inner.put("hub.device", c.hubDevice().toString());
        inner.put("hub.name", c.hubName());
        inner.put("hub.public", b64.encodeToString(c.hubPublicKey()));
        inner.put("team.key", b64.encodeToString(c.teamKey()));
        inner.put("device.id", c.device().toString());
        inner.put("device.name", c.deviceName());
        inner.put("device.public", b64.encodeToString(c.devicePublicKey()));
        inner.put("device.private", b64.encodeToString(c.devicePrivateKey()));
        byte[] plain = BackupEnvelope.lines(inner);
        byte[] key = kdf.derive(code, salt);
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, key, nonce, head).doFinal(plain);
            String text = new String(head, StandardCharsets.US_ASCII) + "sealed=" + b64.encodeToString(sealed) + "\n";
            VaultFolder.writeAtomically(target.toAbsolutePath().normalize(), text);
            return code;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        } catch (IOException e) {
            Arrays.fill(code, '\0');
            throw new VaultException("the join file could not be written (" + e.getClass().getSimpleName() + ")", e)
                    .keyed("join.notWritten", e.getClass().getSimpleName());
        } finally {
            Arrays.fill(key, (byte) 0);
            Arrays.fill(plain, (byte) 0);
        }
    }

    /**
     * Opens a join file with its code (case, blanks and dashes ignored).
     *
     * @throws WrongJoinCodeException when the code does not open it (or the file was altered)
     * @throws VaultException         keyed {@code join.damaged} when it is not a join file this version can read
     */
    public static Contents read(Path file, char[] code) {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_FILE) {
                throw damaged();
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new VaultException("the join file could not be read (" + e.getClass().getSimpleName() + ")", e)
                    .keyed("join.unreadable", e.getClass().getSimpleName());
        }
        String text = new String(bytes, StandardCharsets.US_ASCII);
        int sealedAt = text.indexOf("\nsealed=");
        if (!text.startsWith(MAGIC_LINE + "\n") || sealedAt < 0) {
            throw damaged();
        }
        byte[] head = text.substring(0, sealedAt + 1).getBytes(StandardCharsets.US_ASCII);
        Map<String, String> clear = BackupEnvelope.parseLines(head);
        byte[] key = null;
        byte[] plain = null;
        char[] typed = RecoveryKey.normalise(code);
        try {
            if (!Integer.toString(FORMAT).equals(clear.get("format")) || !"argon2id".equals(clear.get("kdf"))) {
                throw damaged();
            }
            int memory = Integer.parseInt(clear.get("kdf.memoryKiB"));
            int iterations = Integer.parseInt(clear.get("kdf.iterations"));
            int parallelism = Integer.parseInt(clear.get("kdf.parallelism"));
            if (memory > KeySlot.MAX_MEMORY_KIB || iterations > 64 || parallelism > 16) {
                throw damaged();
            }
            KdfParams kdf = new KdfParams(memory, iterations, parallelism);
            byte[] salt = Base64.getDecoder().decode(clear.get("salt"));
            byte[] nonce = Base64.getDecoder().decode(clear.get("nonce"));
            byte[] sealed = Base64.getDecoder().decode(text.substring(sealedAt + "\nsealed=".length()).strip());
            if (salt.length != 16 || nonce.length != 12) {
                throw damaged();
            }
            key = kdf.derive(typed, salt);
            try {
                plain = cipher(Cipher.DECRYPT_MODE, key, nonce, head).doFinal(sealed);
            } catch (AEADBadTagException e) {
                throw new WrongJoinCodeException();
            }
            Map<String, String> in = BackupEnvelope.parseLines(plain);
            Base64.Decoder b64 = Base64.getDecoder();
            return new Contents(UUID.fromString(in.get("team.id")), in.get("team.name"),
                    UUID.fromString(in.get("hub.device")), in.get("hub.name"), b64.decode(in.get("hub.public")),
                    b64.decode(in.get("team.key")), UUID.fromString(in.get("device.id")), in.get("device.name"),
                    b64.decode(in.get("device.public")), b64.decode(in.get("device.private")));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        } catch (VaultException e) {
            throw e;
        } catch (RuntimeException e) {
            throw damaged();
        } finally {
            Arrays.fill(typed, '\0');
            if (key != null) {
                Arrays.fill(key, (byte) 0);
            }
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    private static byte[] head(Map<String, String> clear) {
        StringBuilder text = new StringBuilder(MAGIC_LINE).append('\n');
        clear.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static Cipher cipher(int mode, byte[] key, byte[] nonce, byte[] aad) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        c.updateAAD(aad);
        return c;
    }

    /** A fresh code: 20 characters of the recovery key's alphabet in groups of four. */
    static char[] newCode() {
        char[] out = new char[CODE_CHARS + CODE_CHARS / 4 - 1];
        int o = 0;
        for (int i = 0; i < CODE_CHARS; i++) {
            if (i > 0 && i % 4 == 0) {
                out[o++] = '-';
            }
            out[o++] = ALPHABET[Secrets.RANDOM.nextInt(ALPHABET.length)];
        }
        return out;
    }

    private static VaultException damaged() {
        return new VaultException("the file is not a join file this version of Outreach Desk can read, or it is "
                + "damaged").keyed("join.damaged");
    }
}
