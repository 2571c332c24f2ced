package org.outreachdesk.app;

import java.util.List;

import org.outreachdesk.domain.AppUser;
import org.outreachdesk.domain.Role;
import org.outreachdesk.vault.VaultException;

/** Accounts: admins add, disable and reset; everyone changes their own password. */
public final class UserService {

    private final Workspace ws;

    public UserService(Workspace ws) {
        this.ws = ws;
    }

    public AppUser add(String name, Role role, char[] password) {
        ws.require(Permission.ADMINISTER);
        try {
            return ws.vault().addUser(name, role, password);
        } catch (IllegalArgumentException | VaultException e) {
            throw InvalidInputException.of(e);
        }
    }

    public List<AppUser> list() {
        ws.require(Permission.ADMINISTER);
        return ws.vault().users();
    }

    public void disable(String name) {
        ws.require(Permission.ADMINISTER);
        try {
            ws.vault().disableUser(name);
        } catch (VaultException e) {
            throw InvalidInputException.of(e);
        }
    }

    /** Changes the signed-in user's interface language, {@code en} or {@code km} (any role). */
    public void setOwnLanguage(String language) {
        try {
            ws.vault().setOwnLanguage(language);
        } catch (VaultException e) {
            throw InvalidInputException.of(e);
        }
    }

    /** Changes the signed-in user's own password (any role). */
    public void changeOwnPassword(char[] newPassword) {
        if (ws.user().name().equals("recovery-key")) {
            throw new InvalidInputException("the recovery key has no password; name the user whose password to reset")
                    .keyed("user.recoveryNoPassword");
        }
        setPassword(ws.user().name(), newPassword);
    }

    /** Sets another user's password (admin only); for oneself, {@link #changeOwnPassword}. */
    public void resetPassword(String name, char[] newPassword) {
        if (!name.equals(ws.user().name())) {
            ws.require(Permission.ADMINISTER);
        }
        setPassword(name, newPassword);
    }

    private void setPassword(String name, char[] newPassword) {
        try {
            ws.vault().setPassword(name, newPassword);
        } catch (VaultException e) {
            throw InvalidInputException.of(e);
        }
    }
}
