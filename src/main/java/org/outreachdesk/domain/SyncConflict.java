package org.outreachdesk.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A field changed differently on two laptops of a team and not resolved yet (ADR 14): every value it has (the changes
 * no other change replaced), and the provisional one every laptop shows, the greatest (clock, device).
 *
 * @param recordType the record's table name (e.g. {@code contact})
 * @param recordId   the record's key as text (a UUID for most records)
 * @param field      the column name (e.g. {@code note})
 */
public record SyncConflict(String recordType, String recordId, String field, List<Head> heads) {

    /** One value of the field: the change that set it (device, sequence, hybrid logical clock) and the value as text. */
    public record Head(UUID device, long seq, long hlc, String value) {
    }

    /** The provisional winner among heads: the greater (hlc, device as text); the same on every vault. */
    public static final Comparator<Head> WINNER = Comparator.comparingLong(Head::hlc)
            .thenComparing(h -> h.device().toString());

    public SyncConflict {
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(field, "field");
        heads = List.copyOf(heads);
    }

    /** The value every laptop shows until a coordinator chooses. */
    public Head provisional() {
        return heads.stream().max(WINNER).orElseThrow();
    }
}
