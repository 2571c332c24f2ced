package org.outreachdesk.domain;

/** HIV testing status at one encounter (sensitive: lives with the encounter, never on the contact row). */
public enum HivStatus implements Coded {
    KNOWN_POSITIVE("known_positive"),
    TESTED("tested"),
    REFERRED_FOR_TEST("referred_for_test"),
    DECLINED("declined"),
    NOT_REQUIRED("not_required");

    private final String code;

    HivStatus(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
