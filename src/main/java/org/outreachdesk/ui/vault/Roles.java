package org.outreachdesk.ui.vault;

import java.util.Locale;

import org.outreachdesk.domain.Role;
import org.outreachdesk.ui.Messages;

/** Roles in words. */
public final class Roles {

    private Roles() {
    }

    public static String label(Role role, Messages messages) {
        return messages.get("role." + role.name().toLowerCase(Locale.ROOT));
    }
}
