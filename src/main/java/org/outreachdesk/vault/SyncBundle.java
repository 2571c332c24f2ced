package org.outreachdesk.vault;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sync bundle file, format 1 (issue 15, ADR 14 points 6 and 7): what one laptop of a team writes for another.
 *
 * <pre>
 *   "ODBUNDLE"          8 bytes
 *   format              u16 (1)
 *   header length       u32
 *   header              ASCII lines "key=value": format, program.version, team.id, sender, sender.vault,
 *                       receiver, bundle.number, created.at, vector (Base64, the sender's version vector, opaque
 *                       here), salt, payload.kdf, payload.cipher, payload.compression, chunk.size, signature
 *   chunks              the backup envelope's chunks ({@link BackupEnvelope}): u32 length, AES-256-GCM ciphertext
 *                       and tag; counter nonces with a last-chunk flag; the SHA-256 of the header as associated data
 *   signature           64 bytes, Ed25519 by the sender over "outreach-desk bundle v1|", SHA-256(header),
 *                       SHA-256(all chunk bytes, which end with the last chunk's tag)
 * </pre>
 *
 * The payload key is HKDF-SHA256(team key, salt, "outreach-desk bundle v1|team|sender|receiver|number"), fresh for
 * every bundle (fresh salt), so counter nonces never repeat under one key. The payload is the caller's bytes, deflated
 * before they are sealed. The signature covers every chunk's bytes, not only the last tag: every laptop of the team
 * holds the team key, and with the key GCM tags can be forged; a signature over all ciphertext cannot.
 *
 * <p>Writing goes to a hidden temporary name in the target folder, forced to disk, then renamed: a pulled USB
 * stick leaves either the old file or the whole new one. Reading is in two passes, both streaming (never the whole
 * bundle in the heap): {@link Reader#verify} checks every tag and the signature; only then does
 * {@link Reader#payload} hand out the plaintext.
 */
public final class SyncBundle {

    private static final Logger LOG = LoggerFactory.getLogger(SyncBundle.class);
    static final byte[] MAGIC = "ODBUNDLE".getBytes(StandardCharsets.US_ASCII);
    public static final int FORMAT = 1;
    static final int SIGNATURE_BYTES = 64;
    private static final int MAX_HEADER = 16 << 20;
    private static final int MAX_CHUNK_SIZE = 16 << 20;
    private static final String LABEL = "outreach-desk bundle v1|";
    private static final String PARTIAL_SUFFIX = ".partial";

    private SyncBundle() {
    }

    /**
     * The clear header. {@code number} grows with every bundle its sender writes; {@code vector} is the sender's
     * version vector as the change log encodes it (this layer neither reads nor changes it).
     */
    public record Header(String programVersion, UUID teamId, UUID sender, UUID senderVault, UUID receiver,
                         long number, Instant createdAt, byte[] vector) {
    }

    /** Writes a bundle's payload; the stream is not to be closed by it (closing is harmless, though). */
    @FunctionalInterface
    public interface PayloadWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    private record Prefix(Header header, byte[] salt, int chunkSize, byte[] bytes) {

        static Prefix create(Header h, int chunkSize) {
            byte[] salt = Secrets.random(32);
            Map<String, String> lines = new LinkedHashMap<>();
            lines.put("format", Integer.toString(FORMAT));
            lines.put("program.version", h.programVersion());
            lines.put("team.id", h.teamId().toString());
            lines.put("sender", h.sender().toString());
            lines.put("sender.vault", h.senderVault().toString());
            lines.put("receiver", h.receiver().toString());
            lines.put("bundle.number", Long.toString(h.number()));
            lines.put("created.at", h.createdAt().toString());
            lines.put("vector", Base64.getEncoder().encodeToString(h.vector()));
            lines.put("salt", Base64.getEncoder().encodeToString(salt));
            lines.put("payload.kdf", "hkdf-sha256");
            lines.put("payload.cipher", "aes-256-gcm");
            lines.put("payload.compression", "deflate");
            lines.put("chunk.size", Integer.toString(chunkSize));
            lines.put("signature", "ed25519");
            StringBuilder text = new StringBuilder();
            lines.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
            byte[] body = text.toString().getBytes(StandardCharsets.US_ASCII);
            ByteBuffer prefix = ByteBuffer.allocate(MAGIC.length + 2 + 4 + body.length);
            prefix.put(MAGIC).putShort((short) FORMAT).putInt(body.length).put(body);
            return new Prefix(h, salt, chunkSize, prefix.array());
        }

        byte[] payloadKey(byte[] teamKey) {
            return BackupEnvelope.payloadKey(teamKey, salt, LABEL + header.teamId() + "|" + header.sender() + "|"
                    + header.receiver() + "|" + header.number());
        }

        byte[] hash() {
            return BackupEnvelope.sha256(bytes);
        }
    }

    /**
     * Writes a bundle to {@code target}, replacing a file of that name only once the new one is complete and on
     * disk. Returns the file's size in bytes.
     *
     * @throws VaultException keyed {@code bundle.noFolder} or {@code bundle.notWritten}
     */
    public static long write(Path target, Header header, byte[] teamKey, byte[] signingPrivate, PayloadWriter payload) {
        return write(target, header, teamKey, signingPrivate, payload, BackupEnvelope.CHUNK_SIZE);
    }

    static long write(Path target, Header header, byte[] teamKey, byte[] signingPrivate, PayloadWriter payload,
                      int chunkSize) {
        Path file = target.toAbsolutePath().normalize();
        Path parent = file.getParent();
        if (parent == null || !Files.isDirectory(parent) || Files.isDirectory(file)) {
            throw new VaultException("the folder for the bundle does not exist, or the name is a folder: " + parent)
                    .keyed("bundle.noFolder", String.valueOf(parent));
        }
        removeAbandoned(parent, "." + file.getFileName() + ".*" + PARTIAL_SUFFIX);
        Path partial = parent.resolve("." + file.getFileName() + "." + UUID.randomUUID() + PARTIAL_SUFFIX);
        Prefix prefix = Prefix.create(header, chunkSize);
        byte[] key = prefix.payloadKey(teamKey);
        try {
            try (FileChannel ch = FileChannel.open(partial, Set.of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), VaultFolder.ownerOnlyFile())) {
                OutputStream buffered = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
                buffered.write(prefix.bytes());
                MessageDigest chunks = sha256();
                DigestOutputStream hashed = new DigestOutputStream(buffered, chunks);
                BackupEnvelope.SealingOutputStream sealed = new BackupEnvelope.SealingOutputStream(hashed,
                        prefix.hash(), chunkSize, key);
                Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
                try {
                    DeflaterOutputStream deflated = new DeflaterOutputStream(sealed, deflater, 1 << 16);
                    payload.writeTo(new Unclosable(deflated));
                    deflated.finish();
                } finally {
                    deflater.end();
                }
                sealed.close();
                buffered.write(TeamKeys.sign(signingPrivate, signed(prefix.hash(), chunks.digest())));
                buffered.flush();
                ch.force(true);
            }
            try {
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            }
            VaultFolder.syncDirectory(parent);
            return Files.size(file);
        } catch (IOException e) {
            LOG.warn("a bundle could not be written ({})", e.getClass().getName());
            throw new VaultException("the bundle could not be written (" + e.getClass().getSimpleName() + ")", e)
                    .keyed("bundle.notWritten", e.getClass().getSimpleName());
        } finally {
            Arrays.fill(key, (byte) 0);
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                LOG.warn("a bundle's temporary file could not be removed ({})", e.getClass().getName());
            }
        }
    }

    /** Removes what a writer killed half-way left beside the target (sealed chunks only, but not to be left). */
    private static void removeAbandoned(Path folder, String glob) {
        try (DirectoryStream<Path> left = Files.newDirectoryStream(folder, glob)) {
            for (Path p : left) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            LOG.warn("unfinished bundles could not be removed ({})", e.getClass().getName());
        }
    }

    private static byte[] signed(byte[] headerHash, byte[] chunksHash) {
        return ByteBuffer.allocate(LABEL.length() + headerHash.length + chunksHash.length)
                .put(LABEL.getBytes(StandardCharsets.US_ASCII)).put(headerHash).put(chunksHash).array();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * Reads a bundle's clear header (nothing verified yet: the caller checks team, sender and receiver against its
     * vault, then calls {@link Reader#verify} with the sender's public key).
     *
     * @param programVersion this program's version: a bundle written by a newer one is refused
     * @throws BundleDamagedException when the file is not a bundle, is cut off before its chunks, or is newer
     */
    public static Reader open(Path file, String programVersion) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS))) {
            long size = Files.size(file);
            DataInputStream data = new DataInputStream(in);
            byte[] magic = new byte[MAGIC.length];
            int format;
            int length;
            try {
                data.readFully(magic);
                if (!Arrays.equals(magic, MAGIC)) {
                    throw notABundle();
                }
                format = data.readUnsignedShort();
                length = data.readInt();
            } catch (EOFException e) {
                throw notABundle();
            }
            if (length <= 0 || length > MAX_HEADER) {
                throw damaged();
            }
            byte[] body = data.readNBytes(length);
            if (body.length != length) {
                throw damaged();
            }
            Map<String, String> lines = BackupEnvelope.parseLines(body);
            String version = lines.getOrDefault("program.version", "");
            if (format > FORMAT || (!version.isEmpty() && compareVersions(version, programVersion) > 0)) {
                String needed = version.isEmpty() ? "a newer version" : "version " + version + " or newer";
                throw new BundleDamagedException(BundleDamagedException.Kind.NEWER_VERSION, "the bundle was written by "
                        + "a newer version of Outreach Desk (" + (version.isEmpty() ? "format " + format : version)
                        + "); reading it needs Outreach Desk " + needed).keyed("bundle.newer",
                        version.isEmpty() ? "format " + format : version);
            }
            if (format != FORMAT) {
                throw damaged();
            }
            ByteBuffer prefix = ByteBuffer.allocate(MAGIC.length + 2 + 4 + length);
            prefix.put(MAGIC).putShort((short) format).putInt(length).put(body);
            Prefix p = parse(lines, prefix.array());
            if (size < p.bytes().length + SIGNATURE_BYTES + 4 + 16) {
                throw damaged();
            }
            return new Reader(file, p, size);
        } catch (IOException e) {
            throw new VaultException("the bundle could not be read (" + e.getClass().getSimpleName() + ")", e)
                    .keyed("bundle.unreadable", e.getClass().getSimpleName());
        }
    }

    private static Prefix parse(Map<String, String> lines, byte[] bytes) {
        try {
            if (!"hkdf-sha256".equals(lines.get("payload.kdf")) || !"aes-256-gcm".equals(lines.get("payload.cipher"))
                    || !"deflate".equals(lines.get("payload.compression")) || !"ed25519".equals(lines.get("signature"))) {
                throw damaged();
            }
            int chunkSize = Integer.parseInt(lines.get("chunk.size"));
            byte[] salt = Base64.getDecoder().decode(lines.get("salt"));
            if (chunkSize <= 0 || chunkSize > MAX_CHUNK_SIZE || salt.length != 32) {
                throw damaged();
            }
            Header h = new Header(lines.get("program.version"), UUID.fromString(lines.get("team.id")),
                    UUID.fromString(lines.get("sender")), UUID.fromString(lines.get("sender.vault")),
                    UUID.fromString(lines.get("receiver")), Long.parseLong(lines.get("bundle.number")),
                    Instant.parse(lines.get("created.at")), Base64.getDecoder().decode(lines.get("vector")));
            return new Prefix(h, salt, chunkSize, bytes);
        } catch (BundleDamagedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw damaged();
        }
    }

    /**
     * Compares dotted versions number by number ({@code 0.10.0 > 0.9.3}); a suffix such as {@code -SNAPSHOT} is
     * ignored, as is anything not a number.
     */
    static int compareVersions(String a, String b) {
        String[] x = a.split("-", 2)[0].split("\\.");
        String[] y = b.split("-", 2)[0].split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Long.compare(number(x, i), number(y, i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static long number(String[] parts, int i) {
        try {
            return i < parts.length ? Long.parseLong(parts[i]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static BundleDamagedException notABundle() {
        return (BundleDamagedException) new BundleDamagedException(BundleDamagedException.Kind.NOT_A_BUNDLE,
                "the file is not an Outreach Desk sync bundle").keyed("bundle.notABundle");
    }

    private static BundleDamagedException damaged() {
        return (BundleDamagedException) new BundleDamagedException(BundleDamagedException.Kind.DAMAGED,
                "the bundle is damaged, cut off or was altered; nothing was changed").keyed("bundle.damaged");
    }

    /** A bundle file whose header was read. */
    public static final class Reader {
        private final Path file;
        private final Prefix prefix;
        private final long size;
        private boolean verified;

        private Reader(Path file, Prefix prefix, long size) {
            this.file = file;
            this.prefix = prefix;
            this.size = size;
        }

        public Header header() {
            return prefix.header();
        }

        /**
         * Reads the whole file once: every chunk's tag under the team key, then the sender's signature over the
         * header and all chunks. Nothing is handed out.
         *
         * @throws BundleDamagedException (kind DAMAGED) when any byte was changed, the file was cut off or extended,
         *                                or the signature is not {@code senderPublicKey}'s
         */
        public void verify(byte[] teamKey, byte[] senderPublicKey) {
            MessageDigest digest = sha256();
            byte[] signature;
            try (InputStream in = chunks(digest, teamKey)) {
                byte[] skip = new byte[1 << 16];
                while (in.read(skip) >= 0) {
                    // the tags are the check; the plaintext is dropped
                }
                signature = readSignature();
            } catch (BackupDamagedException e) {
                throw damaged();
            } catch (IOException e) {
                throw new VaultException("the bundle could not be read (" + e.getClass().getSimpleName() + ")", e)
                        .keyed("bundle.unreadable", e.getClass().getSimpleName());
            }
            if (!TeamKeys.verify(senderPublicKey, signed(prefix.hash(), digest.digest()), signature)) {
                throw damaged();
            }
            verified = true;
        }

        /**
         * The payload, inflated, read from the file again (every tag is checked again as it is read). Only after
         * {@link #verify}. The caller closes it. A read failure is a {@link BundleDamagedException} (unchecked).
         */
        public InputStream payload(byte[] teamKey) throws IOException {
            if (!verified) {
                throw new IllegalStateException("the bundle was not verified");
            }
            InputStream chunks = chunks(sha256(), teamKey);
            Inflater inflater = new Inflater();
            return new InflaterInputStream(chunks, inflater, 1 << 16) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        inflater.end();
                    }
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    try {
                        return super.read(b, off, len);
                    } catch (BackupDamagedException | ZipException e) {
                        throw damaged();
                    }
                }
            };
        }

        private InputStream chunks(MessageDigest digest, byte[] teamKey) throws IOException {
            InputStream in = new BufferedInputStream(Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS), 1 << 16);
            try {
                byte[] again = in.readNBytes(prefix.bytes().length);
                if (!Arrays.equals(again, prefix.bytes())) {
                    throw damaged();
                }
            } catch (IOException | RuntimeException e) {
                in.close();
                throw e;
            }
            long region = size - prefix.bytes().length - SIGNATURE_BYTES;
            byte[] key = prefix.payloadKey(teamKey);
            try {
                return new BackupEnvelope.OpeningInputStream(new DigestInputStream(new Limited(in, region), digest),
                        prefix.hash(), prefix.chunkSize(), key);
            } finally {
                Arrays.fill(key, (byte) 0);
            }
        }

        private byte[] readSignature() throws IOException {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                if (ch.size() != size) {
                    throw damaged();
                }
                ByteBuffer sig = ByteBuffer.allocate(SIGNATURE_BYTES);
                ch.position(size - SIGNATURE_BYTES);
                while (sig.hasRemaining() && ch.read(sig) >= 0) {
                    // fill
                }
                return sig.array();
            }
        }
    }

    /** The payload stream as its writer sees it: closing it only flushes (the bundle is finished by this class). */
    private static final class Unclosable extends FilterOutputStream {
        Unclosable(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    /** The first {@code limit} bytes of a stream (the chunks, before the signature). */
    private static final class Limited extends FilterInputStream {
        private long left;

        Limited(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}
