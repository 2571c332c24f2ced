package org.outreachdesk.domain;

import java.util.Objects;

/**
 * A referral on the coordinators' follow-up list, with what the list shows beside it: the contact's UIC
 * (never anything else about the person), the code of the contact's assigned worker and the name of the
 * destination organisation (both may be null). {@link #toString()} hides the UIC. {@code voidReason} is null for a
 * live referral; a voided one is listed only among the closed referrals, to reach its history (issue 14).
 */
public record PendingReferral(Referral referral, Uic uic, String workerCode, String destinationName,
                              VoidReason voidReason) {

    public PendingReferral {
        Objects.requireNonNull(referral, "referral");
        Objects.requireNonNull(uic, "uic");
    }

    /** A live (not voided) referral on the list. */
    public PendingReferral(Referral referral, Uic uic, String workerCode, String destinationName) {
        this(referral, uic, workerCode, destinationName, null);
    }

    /** Whether the referral was voided (kept, shown struck through, never changed again). */
    public boolean voided() {
        return voidReason != null;
    }

    @Override
    public String toString() {
        return "PendingReferral[" + referral + (voided() ? ", voided" : "") + "]";
    }
}
