package org.outreachdesk.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * One line of the commodity ledger. {@code quantity} is signed: receipts add to stock, issues and hand-outs
 * take from it (negative). Hand-outs point at the encounter they were given at.
 */
public record CommodityMovement(RecordMeta meta, LocalDate date, Commodity commodity, MovementKind kind,
                                int quantity, String team, UUID encounterId, String note) {

    public CommodityMovement {
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(commodity, "commodity");
        Objects.requireNonNull(kind, "kind");
        if (kind == MovementKind.RECEIPT && quantity <= 0) {
            throw new IllegalArgumentException("a receipt adds a positive quantity");
        }
        if ((kind == MovementKind.ISSUE || kind == MovementKind.HANDOUT) && quantity >= 0) {
            throw new IllegalArgumentException("issues and hand-outs take a negative quantity");
        }
    }
}
