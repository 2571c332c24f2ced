package org.outreachdesk.domain;

/** The kinds of record that can be corrected, voided or merged, as the history names them. */
public enum RecordType implements Coded {
    CONTACT, ENCOUNTER, REFERRAL, INCIDENT, MOVEMENT,
    /** A safeguarding screen (moved with its contact by a merge; schema V11). */
    SAFEGUARDING;

    @Override
    public String code() {
        return name();
    }
}
