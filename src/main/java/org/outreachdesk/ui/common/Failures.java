package org.outreachdesk.ui.common;

import java.util.Locale;

import org.outreachdesk.app.AccessDeniedException;
import org.outreachdesk.app.AppException;
import org.outreachdesk.app.BackupUnreadableException;
import org.outreachdesk.app.BundleRefusedException;
import org.outreachdesk.app.VaultBusyException;
import org.outreachdesk.app.WrongPasswordException;

/**
 * What to tell a person when background work fails. {@link AppException} messages are written to be shown
 * (they never hold record content or secrets); anything else is named by its type only.
 */
public final class Failures {

    private Failures() {
    }

    public static String describe(Throwable t, Messages messages) {
        if (t instanceof WrongPasswordException) {
            return messages.get("unlock.wrong");
        }
        if (t instanceof VaultBusyException) {
            return messages.get("unlock.vaultBusy");
        }
        if (t instanceof BackupUnreadableException b) {
            return messages.get(switch (b.reason()) {
                case NOT_A_BACKUP -> "restore.error.notABackup";
                case NEWER_FORMAT -> "restore.error.newerFormat";
                case DAMAGED -> "restore.error.damaged";
            });
        }
        if (t instanceof BundleRefusedException b) {
            return messages.get("sync.refused." + b.reason().name().toLowerCase(Locale.ROOT));
        }
        if (t instanceof AccessDeniedException) {
            return messages.get("error.denied");
        }
        if (t instanceof AppException a && a.key() != null) {
            return messages.of(a);
        }
        if (t instanceof AppException && t.getMessage() != null) {
            String m = t.getMessage();
            return Character.toUpperCase(m.charAt(0)) + m.substring(1) + (m.endsWith(".") ? "" : ".");
        }
        return messages.get("error.unexpected", t.getClass().getSimpleName());
    }
}
