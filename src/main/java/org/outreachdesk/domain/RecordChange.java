package org.outreachdesk.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One correction, void or merge of one record: which record, from which version to which, what changed (every
 * field with its old and new value), why (for a void), when, by whom and on which laptop. Kept in the vault
 * (schema V9 {@code record_change}); the audit trail only names the record and the field names.
 *
 * @param byName the author's user name as it was then, so the history reads the same on every laptop
 */
public record RecordChange(UUID id, RecordType recordType, UUID recordId, ChangeKind kind, int baseVersion,
                           int newVersion, VoidReason reason, Instant at, UUID by, String byName,
                           UUID originDevice, List<FieldChange> fields) {

    public RecordChange {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(byName, "byName");
        Objects.requireNonNull(originDevice, "originDevice");
        fields = List.copyOf(fields);
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("a change changes at least one field");
        }
        if (newVersion <= baseVersion) {
            throw new IllegalArgumentException("a change makes a newer version");
        }
        if ((kind == ChangeKind.VOID) != (reason != null)) {
            throw new IllegalArgumentException("a void, and only a void, has a reason");
        }
    }

    /** The names of the fields this change touched, comma-separated (what the audit entry may say). */
    public String fieldNames() {
        return String.join(",", fields.stream().map(FieldChange::field).toList());
    }
}
