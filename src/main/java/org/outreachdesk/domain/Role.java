package org.outreachdesk.domain;

/** What a user of a vault may do; enforced by the application services, not only by the screens. */
public enum Role implements Coded {
    ADMIN("admin"),
    MANAGER("manager"),
    COORDINATOR("coordinator"),
    OUTREACH_WORKER("outreach-worker");

    private final String code;

    Role(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
