package org.outreachdesk.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Bookkeeping every record carries so that laptops can later exchange data: a UUID made where the
 * record was created, when and by whom it was created and last changed, the device it came from and
 * a version that grows with every change.
 */
public record RecordMeta(UUID id, Instant createdAt, Instant updatedAt, UUID createdBy, UUID updatedBy,
                         UUID originDevice, int version) {

    public RecordMeta {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(updatedBy, "updatedBy");
        Objects.requireNonNull(originDevice, "originDevice");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1");
        }
    }

    /** Metadata of a record created now by {@code author} on {@code device}. */
    public static RecordMeta create(Author author, Instant now) {
        return new RecordMeta(UUID.randomUUID(), now, now, author.userId(), author.userId(), author.deviceId(), 1);
    }

    /** The metadata after {@code author} changed the record at {@code now}. */
    public RecordMeta touch(Author author, Instant now) {
        return new RecordMeta(id, createdAt, now, createdBy, author.userId(), originDevice, version + 1);
    }

    /** Who writes a record, from where. */
    public record Author(UUID userId, UUID deviceId) {
        public Author {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(deviceId, "deviceId");
        }
    }
}
