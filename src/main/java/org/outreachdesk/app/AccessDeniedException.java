package org.outreachdesk.app;

import java.util.Locale;

/** The signed-in user's role does not allow what was asked. */
public final class AccessDeniedException extends AppException {
    public AccessDeniedException(Permission needed) {
        super("your role does not allow this (" + needed.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")");
        keyed("denied");
    }
}
