package org.outreachdesk.ui.common;

import java.util.Locale;

import org.outreachdesk.domain.Role;

/** Roles in words. */
public final class Roles {

    private Roles() {
    }

    public static String label(Role role, Messages messages) {
        return messages.get("role." + role.name().toLowerCase(Locale.ROOT));
    }
}
