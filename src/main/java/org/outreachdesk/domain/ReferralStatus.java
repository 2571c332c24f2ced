package org.outreachdesk.domain;

/** Outcome of a referral; every status but PENDING closes it. */
public enum ReferralStatus implements Coded {
    PENDING, COMPLETED, DECLINED, LOST;

    @Override
    public String code() {
        return name();
    }

    public boolean isClosed() {
        return this != PENDING;
    }
}
