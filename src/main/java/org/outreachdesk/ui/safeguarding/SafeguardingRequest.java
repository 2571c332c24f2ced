package org.outreachdesk.ui.safeguarding;

import java.time.LocalDate;
import java.util.UUID;

import org.outreachdesk.app.ContactService;
import org.outreachdesk.domain.ContactListing;

/**
 * Who the safeguarding screen is about and where: an existing contact, a person not yet recorded (only the
 * code and what the UIC builder asked, never the name letters), or nobody identified. {@code under18} when the
 * recorded birth date already says so.
 */
public record SafeguardingRequest(LocalDate date, ContactListing contact, ContactService.NewContact newPerson,
                                  UUID siteId, UUID staffId, boolean under18) {

    @Override
    public String toString() {
        return "SafeguardingRequest[" + date + "]";
    }
}
