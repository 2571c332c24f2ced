package org.outreachdesk.domain;

/** The kinds of record that can be corrected, voided or merged, as the history names them. */
public enum RecordType implements Coded {
    CONTACT, ENCOUNTER, REFERRAL, INCIDENT, MOVEMENT;

    @Override
    public String code() {
        return name();
    }
}
