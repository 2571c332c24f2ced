package org.outreachdesk.domain;

import java.util.Objects;

/** An outreach worker, peer educator or other staff member, known by code. */
public record Staff(RecordMeta meta, String code, StaffKind kind, String team, boolean active) {

    public Staff {
        Objects.requireNonNull(meta, "meta");
        code = Codes.requireCode(code, "staff code");
        Objects.requireNonNull(kind, "kind");
    }
}
