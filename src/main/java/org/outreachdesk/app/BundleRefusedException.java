package org.outreachdesk.app;

/** A sync bundle this vault will not read; nothing was changed (the command line's exit code 2). */
public final class BundleRefusedException extends InvalidInputException {

    /** Why. */
    public enum Reason {
        NOT_IN_A_TEAM, NOT_A_BUNDLE, NEWER_VERSION, DAMAGED, OTHER_TEAM, NOT_FROM_HUB, NOT_FOR_THIS_LAPTOP,
        OWN_BUNDLE, UNKNOWN_SENDER, REVOKED_SENDER, JOIN_FILE_USED_ELSEWHERE
    }

    private final Reason reason;

    BundleRefusedException(Reason reason, String message) {
        super(message + "; nothing was changed");
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
