package org.outreachdesk.domain;

import java.util.Objects;

/**
 * A referral on the coordinators' follow-up list, with what the list shows beside it: the contact's UIC
 * (never anything else about the person), the code of the contact's assigned worker and the name of the
 * destination organisation (both may be null). {@link #toString()} hides the UIC.
 */
public record PendingReferral(Referral referral, Uic uic, String workerCode, String destinationName) {

    public PendingReferral {
        Objects.requireNonNull(referral, "referral");
        Objects.requireNonNull(uic, "uic");
    }

    @Override
    public String toString() {
        return "PendingReferral[" + referral + "]";
    }
}
