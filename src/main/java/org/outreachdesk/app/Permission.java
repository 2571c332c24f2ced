package org.outreachdesk.app;

import java.util.EnumSet;
import java.util.Set;

import org.outreachdesk.domain.Role;

/**
 * What the services allow, by role. The screens hide what a role cannot do, but these checks are what
 * holds: every service method asks for its permission before touching the vault.
 */
public enum Permission {
    /** Enter and view encounters, contacts, referrals and incidents. */
    RECORDS(Role.ADMIN, Role.MANAGER, Role.COORDINATOR, Role.OUTREACH_WORKER),
    /**
     * Correct, void or merge any record. Without it a user may correct or void only what they entered themselves
     * in the last {@link Corrections#OWN_ENTRY_DAYS} days (see {@link Corrections#requireMayChange}).
     */
    CORRECT_ANY(Role.ADMIN, Role.MANAGER, Role.COORDINATOR),
    /** Keep the service directory, sites, staff and commodity stock; follow up referrals. */
    COORDINATE(Role.ADMIN, Role.MANAGER, Role.COORDINATOR),
    /** Import a register. */
    IMPORT(Role.ADMIN, Role.MANAGER, Role.COORDINATOR),
    /** Donor reports (small cells suppressed) and the dashboard. */
    DONOR_REPORT(Role.ADMIN, Role.MANAGER, Role.COORDINATOR),
    /** Internal reports with exact counts. */
    INTERNAL_REPORT(Role.ADMIN, Role.MANAGER),
    /** Users, backups, restore, settings, the audit trail. */
    ADMINISTER(Role.ADMIN);

    private final Set<Role> roles;

    Permission(Role first, Role... rest) {
        this.roles = EnumSet.of(first, rest);
    }

    public boolean allows(Role role) {
        return roles.contains(role);
    }
}
