package org.outreachdesk.domain;

/** Why a record was voided (kept, flagged, left out of every count and list). */
public enum VoidReason implements Coded {
    /** The same encounter, referral, incident or movement was entered twice. */
    ENTERED_TWICE,
    /** It was recorded against the wrong person. */
    WRONG_PERSON,
    /** Its details were wrong in a way a correction cannot fix (it did not happen as recorded). */
    WRONG_DETAILS,
    OTHER;

    @Override
    public String code() {
        return name();
    }
}
