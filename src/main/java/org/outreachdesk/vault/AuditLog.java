package org.outreachdesk.vault;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.AuditEntry;
import org.outreachdesk.domain.AuditVerification;
import org.outreachdesk.domain.SettingKey;
import org.outreachdesk.store.Tx;

/**
 * The audit trail as a hash chain: each entry's HMAC-SHA256 (under a key derived from the vault's data key)
 * covers the entry and the previous entry's MAC, and the chain's head is kept in the settings. An edited,
 * deleted, inserted or reordered entry — or a cut-off tail — breaks the chain, and {@link #verify} says where.
 */
public final class AuditLog {

    static final String GENESIS = "0".repeat(64);

    private final byte[] macKey;
    private final UUID deviceId;
    private final AuditHead head;

    AuditLog(byte[] dataKey, UUID deviceId) {
        this(dataKey, deviceId, null);
    }

    /** With the head kept outside the database ({@code head} null: a database checked on its own, as in a restore). */
    AuditLog(byte[] dataKey, UUID deviceId, AuditHead head) {
        this.macKey = hmac(dataKey, "outreach-desk audit chain v1".getBytes(StandardCharsets.UTF_8));
        this.deviceId = deviceId;
        this.head = head;
    }

    /** Appends one entry inside the caller's transaction, so it is stored exactly when the change is. */
    public synchronized AuditEntry append(Tx tx, Instant when, UUID userId, String userName, AuditAction action,
                                          String recordType, String recordId, String detail) {
        // the MAC must cover the time as it is stored: the column keeps microseconds, a clock may give nanoseconds
        Instant at = when.truncatedTo(ChronoUnit.MICROS);
        // the recorded head, not the newest row, is what the next entry chains to: entries removed from the
        // end stay visible as a break even after more entries are appended
        String head = tx.settings().get(SettingKey.AUDIT_HEAD)
                .orElseGet(() -> tx.audit().last().map(e -> e.seq() + ":" + e.mac()).orElse("0:" + GENESIS));
        int colon = head.indexOf(':');
        long seq = Long.parseLong(head.substring(0, colon)) + 1;
        String prev = head.substring(colon + 1);
        AuditEntry draft = new AuditEntry(seq, UUID.randomUUID(), at, userId, userName, action, recordType,
                recordId, detail, deviceId, prev, GENESIS);
        AuditEntry entry = new AuditEntry(seq, draft.id(), at, userId, userName, action, recordType, recordId,
                detail, deviceId, prev, macOf(draft));
        tx.audit().insert(entry);
        tx.settings().put(SettingKey.AUDIT_HEAD, seq + ":" + entry.mac(), userId, at);
        return entry;
    }

    /** Checks the whole chain. */
    public AuditVerification verify(Tx tx) {
        long[] expectedSeq = {1};
        String[] prev = {GENESIS};
        long[] count = {0};
        AuditVerification[] failure = {null};
        tx.audit().forEachInOrder(e -> {
            if (failure[0] != null) {
                return;
            }
            count[0]++;
            if (!macOf(e).equals(e.mac())) {
                failure[0] = AuditVerification.broken(count[0], e.seq(), "entry " + e.seq() + " was altered");
            } else if (!e.prevMac().equals(prev[0])) {
                failure[0] = AuditVerification.broken(count[0], e.seq(),
                        "the chain breaks before entry " + e.seq() + " (an entry was removed, inserted or moved)");
            } else if (e.seq() != expectedSeq[0]) {
                failure[0] = AuditVerification.broken(count[0], e.seq(),
                        "entry " + e.seq() + " follows entry " + (expectedSeq[0] - 1) + " (entries are missing)");
            }
            expectedSeq[0] = e.seq() + 1;
            prev[0] = e.mac();
        });
        if (failure[0] != null) {
            return failure[0];
        }
        String head = tx.settings().get(SettingKey.AUDIT_HEAD).orElse("0:" + GENESIS);
        String actual = (expectedSeq[0] - 1) + ":" + prev[0];
        if (!head.equals(actual)) {
            return AuditVerification.broken(count[0], expectedSeq[0] - 1,
                    "the newest entries are missing (the chain ends before its recorded head)");
        }
        if (this.head != null) {
            var problem = this.head.check(tx);
            if (problem.isPresent()) {
                return AuditVerification.broken(count[0], expectedSeq[0] - 1,
                        problem.get() == AuditHead.Problem.OLDER ? Vault.OLDER_MESSAGE : Vault.UNCHECKABLE_MESSAGE);
            }
        }
        return AuditVerification.intact(count[0]);
    }

    private String macOf(AuditEntry e) {
        return HexFormat.of().formatHex(hmac(macKey, e.macInput().getBytes(StandardCharsets.UTF_8)));
    }

    void wipe() {
        Arrays.fill(macKey, (byte) 0);
        if (head != null) {
            head.wipe();
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
