package org.outreachdesk.app;

/** The signed-in user's role does not allow what was asked. */
public final class AccessDeniedException extends AppException {
    public AccessDeniedException(Permission needed) {
        super("your role does not allow this (" + needed.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")");
        keyed("denied");
    }
}
