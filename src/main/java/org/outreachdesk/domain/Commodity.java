package org.outreachdesk.domain;

/** Prevention commodities handed out and kept in stock. */
public enum Commodity implements Coded {
    MALE_CONDOM, FEMALE_CONDOM, LUBRICANT, HIV_SELF_TEST;

    @Override
    public String code() {
        return name();
    }
}
