package org.outreachdesk.ui.settings;

import org.outreachdesk.domain.Role;

/** One line of the users table. */
public record UserRow(String name, Role role, boolean active, boolean self) {
}
