package org.outreachdesk.domain;

/** How a contact was met. */
public enum EncounterType implements Coded {
    INDIVIDUAL, SMALL_GROUP, REMOTE;

    @Override
    public String code() {
        return name();
    }
}
