package org.outreachdesk.vault;

import org.outreachdesk.domain.SettingKey;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.outreachdesk.domain.AuditEntry;
import org.outreachdesk.store.Tx;

/**
 * How far the audit chain had got, kept outside the database in {@code audit.head} (ADR 9). The database's own
 * head setting lives in the same file as the chain, so a database file cut short, or swapped for an older copy,
 * carries a consistent older head and its chain verifies. This small file, rewritten atomically after every
 * audited commit, remembers the newest entry's sequence number and a MAC over it and that entry's chain MAC,
 * under a key derived from the data key: without the key it can be deleted or replaced by an older copy of itself
 * but not forged or moved forward. Nothing in it is record content.
 *
 * <p>The file is written after the commit, so a crash in between leaves it one entry behind the database; that is
 * accepted (the recorded entry is still in the chain). A database that lacks the recorded entry, or holds a
 * different one under its number, is older than its last recorded state.
 */
final class AuditHead {

    static final String FILE = "audit.head";
    /** Set in the database once a head file has been written: from then on a missing file is a problem. */
    static final SettingKey REQUIRED_SETTING = SettingKey.AUDIT_HEAD_FILE_REQUIRED;

    /** What is wrong between the database and its recorded head. */
    enum Problem {
        /** The database lacks the recorded newest entry, or holds another entry under its number. */
        OLDER,
        /** The head file is missing although one was written, or it is damaged or from another vault. */
        UNCHECKABLE
    }

    record Recorded(long seq, String mac) {
    }

    private final Path file;
    private final byte[] key;

    AuditHead(Path vaultDir, byte[] dataKey) {
        this.file = vaultDir.resolve(FILE);
        this.key = hmac(dataKey, "outreach-desk audit head v1");
    }

    /** Records {@code entry} as the chain's newest (temp file, fsync, rename, fsync of the folder). */
    void record(AuditEntry entry) throws IOException {
        VaultFolder.writeAtomically(file, "# Outreach Desk: how far the audit chain had got (no record content)\n"
                + "format=1\nseq=" + entry.seq() + "\nmac=" + macOf(entry.seq(), entry.mac()) + "\n");
    }

    /** The recorded head; empty when there is no file. */
    Optional<Recorded> read() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try {
            p.load(new StringReader(new String(bytes, StandardCharsets.ISO_8859_1)));
            if (!"1".equals(p.getProperty("format")) || p.getProperty("mac") == null) {
                throw new IOException("not an audit head file");
            }
            return Optional.of(new Recorded(Long.parseLong(p.getProperty("seq").strip()), p.getProperty("mac").strip()));
        } catch (RuntimeException e) {
            throw new IOException("damaged audit head file", e);
        }
    }

    /** Compares the database in {@code tx} with the recorded head: empty when it is at or beyond it. */
    Optional<Problem> check(Tx tx) {
        Optional<Recorded> recorded;
        try {
            recorded = read();
        } catch (IOException e) {
            return Optional.of(Problem.UNCHECKABLE);
        }
        if (recorded.isEmpty()) {
            // a vault from before this file existed has none until its first audited commit
            return tx.settings().get(REQUIRED_SETTING).isPresent() ? Optional.of(Problem.UNCHECKABLE) : Optional.empty();
        }
        Recorded r = recorded.get();
        Optional<AuditEntry> entry = tx.audit().at(r.seq());
        if (entry.isEmpty()) {
            return Optional.of(Problem.OLDER);
        }
        if (!MessageDigest.isEqual(macOf(r.seq(), entry.get().mac()).getBytes(StandardCharsets.US_ASCII),
                r.mac().getBytes(StandardCharsets.US_ASCII))) {
            // another entry under the recorded number: an older copy that went on differently, or another vault's file
            return Optional.of(Problem.OLDER);
        }
        return Optional.empty();
    }

    private String macOf(long seq, String entryMac) {
        return HexFormat.of().formatHex(hmac(key, "outreach-desk audit head v1|" + seq + "|" + entryMac));
    }

    void wipe() {
        Arrays.fill(key, (byte) 0);
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
