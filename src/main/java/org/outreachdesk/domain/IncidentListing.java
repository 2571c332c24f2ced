package org.outreachdesk.domain;

import java.util.Objects;

/**
 * A safety incident as the incident list shows it: the site's code, the contact's UIC (if one is linked),
 * and the service and destination of the referral made for it (if any, and not voided); {@code voidReason} when the
 * incident was voided (the list is a register: a voided incident stays in it, struck through, and counts for nothing).
 * {@link #toString()} hides the UIC.
 */
public record IncidentListing(Incident incident, String siteCode, Uic contactUic, ServiceType referralService,
                              String referralDestination, VoidReason voidReason) {

    public IncidentListing {
        Objects.requireNonNull(incident, "incident");
    }

    public boolean voided() {
        return voidReason != null;
    }

    @Override
    public String toString() {
        return "IncidentListing[" + incident + "]";
    }
}
