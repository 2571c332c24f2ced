package org.outreachdesk.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One line of the audit trail: who did what to which record, when. {@code detail} holds identifiers or
 * counts only (a period, a file hash), never record content. {@code prevMac}/{@code mac} chain the entries.
 */
public record AuditEntry(long seq, UUID id, Instant at, UUID userId, String userName, AuditAction action,
                         String recordType, String recordId, String detail, UUID originDevice,
                         String prevMac, String mac) {

    public AuditEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(originDevice, "originDevice");
        Objects.requireNonNull(prevMac, "prevMac");
        Objects.requireNonNull(mac, "mac");
    }

    /** The text the MAC covers: every field but the MAC itself, unambiguously separated. */
    public String macInput() {
        return String.join("\u001f", Long.toString(seq), id.toString(), at.toString(), String.valueOf(userId),
                String.valueOf(userName), action.name(), String.valueOf(recordType), String.valueOf(recordId),
                String.valueOf(detail), originDevice.toString(), prevMac);
    }
}
