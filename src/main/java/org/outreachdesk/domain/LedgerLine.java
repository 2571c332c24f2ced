package org.outreachdesk.domain;

import java.util.Objects;

/**
 * One line of the stock ledger as the register shows it: the movement and, when it was voided, why (a voided line
 * stays in the register, struck through, and counts for nothing).
 */
public record LedgerLine(CommodityMovement movement, VoidReason voidReason) {

    public LedgerLine {
        Objects.requireNonNull(movement, "movement");
    }

    public boolean voided() {
        return voidReason != null;
    }
}
