package org.outreachdesk.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * One person, anonymised: identified only by a UIC. Sensitive flags (HIV status) live with encounters,
 * not here. {@link #toString()} hides the UIC and the note.
 */
public record Contact(RecordMeta meta, Uic uic, Integer birthYear, Gender gender, KpType kpType,
                      LocalDate firstContactDate, UUID homeSiteId, UUID assignedStaffId,
                      ContactStatus status, LocalDate statusDate, String note) {

    public Contact {
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(uic, "uic");
        Objects.requireNonNull(gender, "gender");
        Objects.requireNonNull(kpType, "kpType");
        Objects.requireNonNull(firstContactDate, "firstContactDate");
        Objects.requireNonNull(status, "status");
    }

    public UUID id() {
        return meta.id();
    }

    @Override
    public String toString() {
        return "Contact[id=" + meta.id() + "]";
    }
}
