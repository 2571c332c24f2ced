package org.outreachdesk.ui.common;


import java.util.Locale;

/** The places the main window navigates between, in the order of the navigation bar. */
public enum Section {
    DASHBOARD, ENCOUNTERS, CONTACTS, REFERRALS, INCIDENTS, REPORTS, STOCK, IMPORT, DIRECTORY, SETTINGS,
    /** Possible duplicate contacts, to merge or keep apart (coordinators and above; no Ctrl+digit shortcut). */
    DUPLICATES,
    /** Saved encounters by date, site and worker, to correct or void one (no Ctrl+digit shortcut). */
    ENCOUNTER_LIST,
    /** Bundles to and from the team's other laptops (issue 15; everyone; no Ctrl+digit shortcut). */
    SYNC,
    /** Team sync's open conflicts, to choose a value (coordinators and above; no Ctrl+digit shortcut; ADR 20). */
    CONFLICTS;

    /** Bundle key of the section's name. */
    public String titleKey() {
        return "nav." + name().toLowerCase(Locale.ROOT);
    }
}
