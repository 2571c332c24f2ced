package org.outreachdesk.domain;

import java.util.Objects;

/**
 * The vault-wide settings, by key: the one registry of the keys the setting table holds (so that no two layers
 * spell one key two ways, and a new setting is added here).
 */
public final class SettingKey {

    /** The organisation's name, set when the vault is made. */
    public static final SettingKey ORGANISATION = new SettingKey("org.name");
    /** The id of the device the vault was made on. */
    public static final SettingKey DEVICE_ID = new SettingKey("device.id");
    /** The head of the audit chain ({@code seq:mac}). */
    public static final SettingKey AUDIT_HEAD = new SettingKey("audit.head");
    /** Set once the audit head is also kept outside the database ({@code audit.head} file; ADR 9). */
    public static final SettingKey AUDIT_HEAD_FILE_REQUIRED = new SettingKey("audit.headFile");
    /** Minutes of idleness after which the desktop locks the vault. */
    public static final SettingKey IDLE_MINUTES = new SettingKey("lock.idleMinutes");
    /** {@code true} in a vault of generated demo data. */
    public static final SettingKey DEMO_DATA = new SettingKey("demo.data");
    /** Set once the service directory has been seeded with the default organisations. */
    public static final SettingKey DIRECTORY_SEEDED = new SettingKey("directory.seeded");
    /** The small-cell suppression threshold of donor reports. */
    public static final SettingKey SUPPRESSION_THRESHOLD = new SettingKey("report.suppression.threshold");
    /** Whether donor workbooks name sites ({@code name}) or give codes only ({@code code}, the default). */
    public static final SettingKey DONOR_SITE_NAMES = new SettingKey("report.donor.siteNames");

    private static final String LOW_STOCK = "stock.low.";

    private final String key;

    private SettingKey(String key) {
        this.key = key;
    }

    /** The low-stock threshold of {@code commodity}. */
    public static SettingKey lowStock(Commodity commodity) {
        return new SettingKey(LOW_STOCK + commodity.name());
    }

    /** The key as stored. */
    public String key() {
        return key;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SettingKey k && k.key.equals(key);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(key);
    }

    @Override
    public String toString() {
        return key;
    }
}
