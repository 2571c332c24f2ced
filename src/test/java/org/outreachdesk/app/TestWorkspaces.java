package org.outreachdesk.app;

import java.nio.file.Path;

import org.outreachdesk.domain.Role;
import org.outreachdesk.vault.TestVaults;

/** Real vaults in temp folders for service, UI and CLI tests (cheapest accepted Argon2id cost). */
public final class TestWorkspaces {

    public static final String PASSWORD = TestVaults.ADMIN_PASSWORD;

    private TestWorkspaces() {
    }

    public static VaultService vaults() {
        return new VaultService(TestVaults.CLOCK, TestVaults.FAST_KDF);
    }

    /** A new vault in {@code dir}, unlocked by its admin ("admin"). */
    public static Workspace admin(Path dir) {
        return vaults().create(dir, "Test Outreach", "admin", PASSWORD.toCharArray()).workspace();
    }

    /**
     * A new vault in {@code dir} with a user of {@code role} named after it (e.g. "outreach-worker"),
     * unlocked by that user.
     */
    public static Workspace as(Role role, Path dir) {
        if (role == Role.ADMIN) {
            return admin(dir);
        }
        try (Workspace admin = admin(dir)) {
            new UserService(admin).add(role.code(), role, PASSWORD.toCharArray());
        }
        return vaults().unlock(dir, role.code(), PASSWORD.toCharArray());
    }
}
