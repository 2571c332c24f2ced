package org.outreachdesk.app;

import java.util.Optional;

import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.SettingKey;
import org.outreachdesk.store.Tx;

/**
 * Vault-wide settings that people change in the Settings screen. Everyone signed in may read them (the
 * screen lock applies to everyone); only an admin changes them, and every change is audited.
 */
public final class SettingsService {

    /** Minutes without a key press or mouse use before the desktop app locks the vault. */
    public static final int DEFAULT_IDLE_MINUTES = 10;
    public static final int MIN_IDLE_MINUTES = 1;
    public static final int MAX_IDLE_MINUTES = 240;

    /**
     * Whether donor workbooks name sites ({@value #SITES_BY_NAME}) or give their code only ({@value #SITES_BY_CODE},
     * the default: a venue name can point at a place where identifiable people work). Internal workbooks always
     * name sites.
     */
    public static final SettingKey DONOR_SITE_NAMES =
            SettingKey.DONOR_SITE_NAMES;
    public static final String SITES_BY_NAME = "name";
    public static final String SITES_BY_CODE = "code";

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

    /** Whether donor workbooks name sites (false: by code only, the default). */
    public boolean donorSiteNames() {
        return ws.read(Permission.RECORDS, SettingsService::donorSiteNames);
    }

    /**
     * Chooses whether donor workbooks name sites (managers and admins; audited).
     *
     * @throws AccessDeniedException for coordinators and outreach workers
     */
    public void setDonorSiteNames(boolean names) {
        ws.require(Permission.INTERNAL_REPORT);
        String value = names ? SITES_BY_NAME : SITES_BY_CODE;
        ws.write(Permission.INTERNAL_REPORT, AuditAction.SETTING_CHANGED, "setting", DONOR_SITE_NAMES.key(),
                "value=" + value, tx -> {
                    tx.settings().put(DONOR_SITE_NAMES, value, ws.user().id(), ws.clock().instant());
                    return null;
                });
    }

    /** The site-names setting inside a transaction (anything but {@value #SITES_BY_NAME} is by code only). */
    static boolean donorSiteNames(Tx tx) {
        return tx.settings().get(DONOR_SITE_NAMES).map(v -> SITES_BY_NAME.equals(v.strip())).orElse(false);
    }
}
