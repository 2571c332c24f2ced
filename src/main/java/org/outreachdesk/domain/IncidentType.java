package org.outreachdesk.domain;

/** Kinds of harm recorded as safety incidents. */
public enum IncidentType implements Coded {
    PHYSICAL_VIOLENCE, SEXUAL_VIOLENCE, THEFT, POLICE_HARASSMENT, EXTORTION, ARREST, STIGMA, OTHER;

    @Override
    public String code() {
        return name();
    }
}
