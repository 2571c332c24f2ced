package org.outreachdesk.domain;

/** What a staff member does in the programme. */
public enum StaffKind implements Coded {
    OUTREACH_WORKER, PEER_EDUCATOR, COORDINATOR, OTHER;

    @Override
    public String code() {
        return name();
    }
}
