package org.outreachdesk.domain;

import java.util.Objects;

/**
 * A safety incident as the incident list shows it: the site's code, the contact's UIC (if one is linked),
 * and the service and destination of the referral made for it (if any). {@link #toString()} hides the UIC.
 */
public record IncidentListing(Incident incident, String siteCode, Uic contactUic, ServiceType referralService,
                              String referralDestination) {

    public IncidentListing {
        Objects.requireNonNull(incident, "incident");
    }

    @Override
    public String toString() {
        return "IncidentListing[" + incident + "]";
    }
}
