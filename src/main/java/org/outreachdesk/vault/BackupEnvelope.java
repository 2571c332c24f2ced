package org.outreachdesk.vault;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * The backup file format, version 1: one file, whose only clear parts are a format header and the vault's
 * key slots (each already wraps the data key under a password or the recovery key).
 *
 * <pre>
 *   "ODBACKUP"          8 bytes
 *   format              u16 (1)
 *   header length       u32
 *   header              ASCII lines "key=value": format, backup.id, payload.kdf, salt, payload.cipher,
 *                       chunk.size, slots, slot.N.file, slot.N (Base64 of the slot file's bytes)
 *   chunks, to the end: u32 length, then AES-256-GCM ciphertext with its 16-byte tag
 * </pre>
 *
 * The payload key is HKDF-SHA256(data key, salt, "outreach-desk backup v1|" + backup id). Chunk {@code i}
 * (1 MiB of plaintext, the last one shorter, possibly empty) is sealed with the 12-byte nonce
 * {@code i (8 bytes) | 0 0 0 | last ? 1 : 0} and, as associated data, the SHA-256 of everything before the
 * first chunk. So an edited header or slot, a changed, dropped, repeated or reordered chunk, and a file cut
 * off at any point are all refused, and a chunk's plaintext is released only after its tag checked out.
 * The payload key is unique to each backup (fresh salt), so counter nonces never repeat under one key.
 */
final class BackupEnvelope {

    static final byte[] MAGIC = "ODBACKUP".getBytes(StandardCharsets.US_ASCII);
    static final int FORMAT = 1;
    static final int CHUNK_SIZE = 1 << 20;
    private static final int TAG_BYTES = 16;
    private static final int MAX_HEADER = 4 << 20;
    private static final int MAX_CHUNK_SIZE = 16 << 20;

    private BackupEnvelope() {
    }

    /** A key slot file as it lies in the vault's {@code keys/} folder. */
    record SlotFile(String fileName, byte[] bytes) {
        SlotFile {
            if (!fileName.matches("[A-Za-z0-9-]{1,64}\\.slot")) {
                throw new BackupDamagedException("a key slot in the backup has an unexpected name");
            }
        }
    }

    /** What precedes the chunks; {@code prefix} is its exact bytes, which every chunk authenticates. */
    record Header(UUID backupId, byte[] salt, int chunkSize, List<SlotFile> slots, byte[] prefix) {

        static Header create(UUID backupId, List<SlotFile> slots) {
            byte[] salt = Secrets.random(32);
            Map<String, String> lines = new LinkedHashMap<>();
            lines.put("format", Integer.toString(FORMAT));
            lines.put("backup.id", backupId.toString());
            lines.put("payload.kdf", "hkdf-sha256");
            lines.put("salt", Base64.getEncoder().encodeToString(salt));
            lines.put("payload.cipher", "aes-256-gcm");
            lines.put("chunk.size", Integer.toString(CHUNK_SIZE));
            lines.put("slots", Integer.toString(slots.size()));
            for (int i = 0; i < slots.size(); i++) {
                lines.put("slot." + (i + 1) + ".file", slots.get(i).fileName());
                lines.put("slot." + (i + 1), Base64.getEncoder().encodeToString(slots.get(i).bytes()));
            }
            StringBuilder text = new StringBuilder();
            lines.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
            byte[] body = text.toString().getBytes(StandardCharsets.US_ASCII);
            ByteBuffer prefix = ByteBuffer.allocate(MAGIC.length + 2 + 4 + body.length);
            prefix.put(MAGIC).putShort((short) FORMAT).putInt(body.length).put(body);
            return new Header(backupId, salt, CHUNK_SIZE, List.copyOf(slots), prefix.array());
        }

        /**
         * Reads the header from the start of a backup file.
         *
         * @throws BackupDamagedException when the stream is not an Outreach Desk backup of a known format
         */
        static Header read(InputStream in) throws IOException {
            DataInputStream data = new DataInputStream(in);
            byte[] magic = new byte[MAGIC.length];
            int format;
            int length;
            try {
                data.readFully(magic);
                if (!Arrays.equals(magic, MAGIC)) {
                    throw new BackupDamagedException(BackupDamagedException.Kind.NOT_A_BACKUP,
                            "the file is not an Outreach Desk backup");
                }
                format = data.readUnsignedShort();
                length = data.readInt();
            } catch (EOFException e) {
                throw new BackupDamagedException(BackupDamagedException.Kind.NOT_A_BACKUP,
                        "the file is not an Outreach Desk backup");
            }
            if (format != FORMAT) {
                throw new BackupDamagedException(BackupDamagedException.Kind.NEWER_FORMAT,
                        "the backup has format " + format + ", which this version of Outreach Desk cannot read");
            }
            if (length <= 0 || length > MAX_HEADER) {
                throw new BackupDamagedException("the backup's header is damaged");
            }
            byte[] body = data.readNBytes(length);
            if (body.length != length) {
                throw new BackupDamagedException("the backup file is cut off");
            }
            Map<String, String> lines = new LinkedHashMap<>();
            for (String line : new String(body, StandardCharsets.US_ASCII).split("\n")) {
                int eq = line.indexOf('=');
                if (eq <= 0) {
                    throw new BackupDamagedException("the backup's header is damaged");
                }
                lines.put(line.substring(0, eq), line.substring(eq + 1));
            }
            try {
                if (!Integer.toString(FORMAT).equals(lines.get("format")) || !"hkdf-sha256".equals(lines.get("payload.kdf"))
                        || !"aes-256-gcm".equals(lines.get("payload.cipher"))) {
                    throw new BackupDamagedException("the backup's header names an unknown format");
                }
                int chunkSize = Integer.parseInt(lines.get("chunk.size"));
                int count = Integer.parseInt(lines.get("slots"));
                if (chunkSize <= 0 || chunkSize > MAX_CHUNK_SIZE || count < 0 || count > 10_000) {
                    throw new BackupDamagedException("the backup's header is damaged");
                }
                List<SlotFile> slots = new ArrayList<>();
                for (int i = 1; i <= count; i++) {
                    slots.add(new SlotFile(lines.get("slot." + i + ".file"),
                            Base64.getDecoder().decode(lines.get("slot." + i))));
                }
                ByteBuffer prefix = ByteBuffer.allocate(MAGIC.length + 2 + 4 + length);
                prefix.put(MAGIC).putShort((short) format).putInt(length).put(body);
                return new Header(UUID.fromString(lines.get("backup.id")),
                        Base64.getDecoder().decode(lines.get("salt")), chunkSize, List.copyOf(slots), prefix.array());
            } catch (RuntimeException e) {
                if (e instanceof BackupDamagedException b) {
                    throw b;
                }
                throw new BackupDamagedException("the backup's header is damaged");
            }
        }

        /** The payload key for this backup; the caller wipes it. */
        byte[] payloadKey(byte[] dataKey) {
            return BackupEnvelope.payloadKey(dataKey, salt, "outreach-desk backup v1|" + backupId);
        }

        byte[] associatedData() {
            return sha256(prefix);
        }
    }

    /** A 256-bit payload key, HKDF-SHA256(key, salt, info); the caller wipes it. */
    static byte[] payloadKey(byte[] key, byte[] salt, String info) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(key, salt, info.getBytes(StandardCharsets.US_ASCII)));
        byte[] out = new byte[32];
        hkdf.generateBytes(out, 0, out.length);
        return out;
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static byte[] nonce(long index, boolean last) {
        return ByteBuffer.allocate(12).putLong(index).put(new byte[3]).put((byte) (last ? 1 : 0)).array();
    }

    private static Cipher cipher(int mode, byte[] key, long index, boolean last, byte[] aad) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BYTES * 8, nonce(index, last)));
            c.updateAAD(aad);
            return c;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * Seals what is written into chunks on {@code out}. {@link #close()} seals the last chunk and flushes
     * {@code out}, but leaves it open (the caller forces it to disk). The key is copied and wiped on close.
     */
    static final class SealingOutputStream extends OutputStream {
        private final OutputStream out;
        private final byte[] key;
        private final byte[] aad;
        private final byte[] buffer;
        private int filled;
        private long index;
        private boolean closed;

        SealingOutputStream(OutputStream out, Header header, byte[] payloadKey) {
            this(out, header.associatedData(), header.chunkSize(), payloadKey);
        }

        /** The same chunks for another file format (a sync bundle): its header hash as associated data. */
        SealingOutputStream(OutputStream out, byte[] associatedData, int chunkSize, byte[] payloadKey) {
            this.out = out;
            this.key = payloadKey.clone();
            this.aad = associatedData.clone();
            this.buffer = new byte[chunkSize];
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (closed) {
                throw new IOException("closed");
            }
            while (len > 0) {
                if (filled == buffer.length) {
                    seal(false);
                }
                int n = Math.min(len, buffer.length - filled);
                System.arraycopy(b, off, buffer, filled, n);
                filled += n;
                off += n;
                len -= n;
            }
        }

        private void seal(boolean last) throws IOException {
            byte[] sealed;
            try {
                sealed = cipher(Cipher.ENCRYPT_MODE, key, index++, last, aad).doFinal(buffer, 0, filled);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM failed", e);
            }
            out.write(ByteBuffer.allocate(4).putInt(sealed.length).array());
            out.write(sealed);
            Arrays.fill(buffer, (byte) 0);
            filled = 0;
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                seal(true);
                closed = true;
                Arrays.fill(key, (byte) 0);
                out.flush();
            }
        }
    }

    /**
     * Opens the chunks that follow the header. Every chunk's tag is checked before any of its bytes are
     * returned; the end of the payload is reported only after the chunk sealed as the last one.
     *
     * @throws BackupDamagedException (from the read methods) when anything was altered or cut off
     */
    static final class OpeningInputStream extends InputStream {
        private final PushbackInputStream in;
        private final DataInputStream data;
        private final byte[] key;
        private final byte[] aad;
        private final int chunkSize;
        private byte[] plain = new byte[0];
        private int pos;
        private long index;
        private boolean lastSeen;

        OpeningInputStream(InputStream in, Header header, byte[] payloadKey) {
            this(in, header.associatedData(), header.chunkSize(), payloadKey);
        }

        /**
         * The chunks of another file format (a sync bundle); {@code in} must end where the chunks end. Failures are
         * still {@link BackupDamagedException}s, which that format's reader turns into its own.
         */
        OpeningInputStream(InputStream in, byte[] associatedData, int chunkSize, byte[] payloadKey) {
            this.in = new PushbackInputStream(in, 1);
            this.data = new DataInputStream(this.in);
            this.key = payloadKey.clone();
            this.aad = associatedData.clone();
            this.chunkSize = chunkSize;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (pos == plain.length) {
                if (lastSeen) {
                    return -1;
                }
                next();
            }
            int n = Math.min(len, plain.length - pos);
            System.arraycopy(plain, pos, b, off, n);
            pos += n;
            return n;
        }

        private void next() throws IOException {
            int length;
            try {
                length = data.readInt();
            } catch (EOFException e) {
                throw new BackupDamagedException("the backup file is cut off");
            }
            if (length < TAG_BYTES || length > chunkSize + TAG_BYTES) {
                throw new BackupDamagedException("the backup file is damaged");
            }
            byte[] sealed = data.readNBytes(length);
            if (sealed.length != length) {
                throw new BackupDamagedException("the backup file is cut off");
            }
            int ahead = in.read();
            boolean last = ahead < 0;
            if (!last) {
                in.unread(ahead);
            }
            Arrays.fill(plain, (byte) 0);
            try {
                plain = cipher(Cipher.DECRYPT_MODE, key, index++, last, aad).doFinal(sealed);
            } catch (AEADBadTagException e) {
                throw new BackupDamagedException("the backup file is damaged or was altered");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM failed", e);
            }
            pos = 0;
            lastSeen = last;
        }

        @Override
        public void close() throws IOException {
            Arrays.fill(key, (byte) 0);
            Arrays.fill(plain, (byte) 0);
            in.close();
        }
    }

    /** Small key=value text blocks (the manifest inside the payload). */
    static byte[] lines(Map<String, String> values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        values.forEach((k, v) -> out.writeBytes((k + "=" + v.replace("\n", " ") + "\n").getBytes(StandardCharsets.UTF_8)));
        return out.toByteArray();
    }

    static Map<String, String> parseLines(byte[] bytes) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                out.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return out;
    }
}
