package org.outreachdesk.app;

import java.util.Optional;

import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.SettingKey;

/**
 * Vault-wide settings that people change in the Settings screen. Everyone signed in may read them (the
 * screen lock applies to everyone); only an admin changes them, and every change is audited.
 */
public final class SettingsService {

    /** Minutes without a key press or mouse use before the desktop app locks the vault. */
    public static final int DEFAULT_IDLE_MINUTES = 10;
    public static final int MIN_IDLE_MINUTES = 1;
    public static final int MAX_IDLE_MINUTES = 240;

    private final Workspace ws;

    public SettingsService(Workspace ws) {
        this.ws = ws;
    }

    /** The auto-lock time in minutes (the default when never set or unreadable). */
    public int idleMinutes() {
        Optional<String> v = ws.read(Permission.RECORDS, tx -> tx.settings().get(SettingKey.IDLE_MINUTES));
        try {
            int m = Integer.parseInt(v.orElse("").strip());
            return m >= MIN_IDLE_MINUTES && m <= MAX_IDLE_MINUTES ? m : DEFAULT_IDLE_MINUTES;
        } catch (NumberFormatException e) {
            return DEFAULT_IDLE_MINUTES;
        }
    }

    /**
     * Sets the auto-lock time (admin).
     *
     * @throws AccessDeniedException  for any other role
     * @throws InvalidInputException when outside {@value #MIN_IDLE_MINUTES}–{@value #MAX_IDLE_MINUTES}
     */
    public void setIdleMinutes(int minutes) {
        ws.require(Permission.ADMINISTER);
        if (minutes < MIN_IDLE_MINUTES || minutes > MAX_IDLE_MINUTES) {
            throw new InvalidInputException("the auto-lock time must be " + MIN_IDLE_MINUTES + " to "
                    + MAX_IDLE_MINUTES + " minutes").keyed("settings.autoLock", MIN_IDLE_MINUTES, MAX_IDLE_MINUTES);
        }
        ws.write(Permission.ADMINISTER, AuditAction.SETTING_CHANGED, "setting", SettingKey.IDLE_MINUTES.key(), null, tx -> {
            tx.settings().put(SettingKey.IDLE_MINUTES, Integer.toString(minutes), ws.user().id(), ws.clock().instant());
            return null;
        });
    }
}
