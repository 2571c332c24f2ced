package org.outreachdesk.domain;

/** Kinds of service a contact can be referred to. */
public enum ServiceType implements Coded {
    HTS, STI, ART, PEP, PREP, FP, LEGAL, VIOLENCE, TRAFFICKING, CHILD_PROTECTION, LIVELIHOOD, MENTAL_HEALTH, OTHER;

    @Override
    public String code() {
        return name();
    }
}
