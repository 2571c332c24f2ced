package org.outreachdesk.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A contact as the register and the encounter desk list it: the record, the codes of its home site and
 * assigned worker (null when none), and the date of its latest encounter (null when never met).
 * {@link #toString()} hides the UIC and the note.
 */
public record ContactListing(Contact contact, String homeSiteCode, String staffCode, LocalDate lastEncounter) {

    public ContactListing {
        Objects.requireNonNull(contact, "contact");
    }

    @Override
    public String toString() {
        return "ContactListing[id=" + contact.id() + "]";
    }
}
