package org.outreachdesk.app;

import java.util.List;

import org.outreachdesk.domain.ContactListing;

/**
 * A new contact's UIC is one edit away from existing contacts with the same birth date: probably the same
 * person with a typo. The user decides (use the existing contact, or confirm a new one); nothing was stored.
 * The message names no code.
 */
public final class NearDuplicateException extends InvalidInputException {

    private final transient List<ContactListing> candidates;

    public NearDuplicateException(List<ContactListing> candidates) {
        super("the UIC is one character away from " + candidates.size()
                + " existing contact(s) with the same birth date; is it the same person?");
        this.candidates = List.copyOf(candidates);
    }

    public List<ContactListing> candidates() {
        return candidates;
    }
}
