package org.outreachdesk.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** A contact sent to a service. Closed (with a date) once completed, declined or lost. */
public record Referral(RecordMeta meta, UUID contactId, UUID encounterId, ServiceType serviceType,
                       UUID directoryEntryId, LocalDate madeDate, LocalDate dueDate, ReferralStatus status,
                       LocalDate closedDate, String note) {

    public Referral {
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(serviceType, "serviceType");
        Objects.requireNonNull(madeDate, "madeDate");
        Objects.requireNonNull(status, "status");
        if (status.isClosed() != (closedDate != null)) {
            throw new IllegalArgumentException("a referral has a closed date exactly when it is closed");
        }
    }

    public UUID id() {
        return meta.id();
    }

    @Override
    public String toString() {
        return "Referral[id=" + meta.id() + ", " + serviceType + ", " + status + "]";
    }
}
