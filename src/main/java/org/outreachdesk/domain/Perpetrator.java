package org.outreachdesk.domain;

/** Who caused a safety incident, by category only. */
public enum Perpetrator implements Coded {
    CLIENT, VENUE_MANAGER, INTIMATE_PARTNER, POLICE, OTHER;

    @Override
    public String code() {
        return name();
    }
}
