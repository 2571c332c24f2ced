package org.outreachdesk.domain;

/** Where a contact stands with the programme. */
public enum ContactStatus implements Coded {
    ACTIVE, MOVED_AWAY, LOST_TO_FOLLOW_UP, DECEASED;

    @Override
    public String code() {
        return name();
    }
}
