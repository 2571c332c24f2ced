package org.outreachdesk.app;

import java.util.UUID;

/**
 * The record would show a person under 18 as a sex worker, which is never allowed: it is exploitation and a
 * child-protection case. The screen switches to the safeguarding protocol; nothing was stored.
 */
public final class SafeguardingRequiredException extends InvalidInputException {

    private final UUID contactId;

    /** @param contactId the existing contact concerned, or null for a person not yet recorded */
    public SafeguardingRequiredException(UUID contactId) {
        super("a person under 18 is never recorded as a sex worker: follow the safeguarding protocol instead");
        this.contactId = contactId;
    }

    public UUID contactId() {
        return contactId;
    }
}
