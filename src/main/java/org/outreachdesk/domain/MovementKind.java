package org.outreachdesk.domain;

/** Why stock moved: received into stock, issued out (to a team, another site), handed out at an encounter, or corrected. */
public enum MovementKind implements Coded {
    RECEIPT, ISSUE, HANDOUT, ADJUSTMENT;

    @Override
    public String code() {
        return name();
    }
}
