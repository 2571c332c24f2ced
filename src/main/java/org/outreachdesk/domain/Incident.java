package org.outreachdesk.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** An anonymised record of harm. The contact is optional; {@link #toString()} hides the support note. */
public record Incident(RecordMeta meta, LocalDate date, UUID siteId, UUID contactId, IncidentType type,
                       Perpetrator perpetrator, boolean supportGiven, String supportNote, UUID referralId) {

    public Incident {
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(perpetrator, "perpetrator");
    }

    @Override
    public String toString() {
        return "Incident[id=" + meta.id() + ", " + type + "]";
    }
}
