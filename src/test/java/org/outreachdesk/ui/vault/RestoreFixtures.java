package org.outreachdesk.ui.vault;

import java.nio.file.Path;
import java.util.Optional;

import org.outreachdesk.app.BackupService;
import org.outreachdesk.app.ContactService;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.ContactListing;
import org.outreachdesk.domain.Gender;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.Uic;

/** Real vaults and backups for the restore tests (cheapest accepted key derivation). */
final class RestoreFixtures {

    /** The contact in the backed-up vault. */
    static final String BACKED_UP_UIC = "NAVI2050395";
    /** A contact only in the vault that a restore replaces. */
    static final String LATER_UIC = "SOCA2150398";

    private RestoreFixtures() {
    }

    /** A vault in {@code vaultDir} with one contact, backed up to {@code backupFile}, then locked. */
    static BackupService.Backup backupWithAContact(Path vaultDir, Path backupFile) {
        try (Workspace ws = TestWorkspaces.admin(vaultDir)) {
            addContact(ws, BACKED_UP_UIC);
            return new BackupService(ws).backup(backupFile);
        }
    }

    /** A different vault in {@code vaultDir} (the one a restore would replace), with its own contact, locked. */
    static void otherVault(Path vaultDir) {
        try (Workspace ws = TestWorkspaces.admin(vaultDir)) {
            addContact(ws, LATER_UIC);
        }
    }

    static void addContact(Workspace ws, String uic) {
        new ContactService(ws).create(new ContactService.NewContact(Uic.parse(uic), Gender.F, KpType.FSW, null,
                ws.today(), null, null, null), false);
    }

    /** Unlocks the vault in {@code vaultDir} as "admin" and looks a contact up by its UIC. */
    static Optional<ContactListing> contact(Path vaultDir, String uic) {
        try (Workspace ws = TestWorkspaces.vaults().unlock(vaultDir, "admin", TestWorkspaces.PASSWORD.toCharArray())) {
            return new ContactService(ws).lookup(uic);
        }
    }
}
