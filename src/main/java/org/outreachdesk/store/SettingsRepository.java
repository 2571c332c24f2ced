package org.outreachdesk.store;

import static org.outreachdesk.store.jooq.Tables.SETTING;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;

import org.outreachdesk.domain.SettingKey;

/** Vault-wide settings as key/value text, by the keys of {@link SettingKey}. */
public final class SettingsRepository {

    private final DSLContext dsl;

    public SettingsRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<String> get(SettingKey key) {
        return dsl.select(SETTING.SETTING_VALUE).from(SETTING).where(SETTING.SETTING_KEY.eq(key.key()))
                .fetchOptional(r -> r.value1());
    }

    /** Sets {@code key} to {@code value}, creating or replacing it. */
    public void put(SettingKey key, String value, UUID by, Instant at) {
        int n = dsl.update(SETTING)
                .set(SETTING.SETTING_VALUE, value)
                .set(SETTING.UPDATED_AT, at)
                .set(SETTING.UPDATED_BY, by)
                .where(SETTING.SETTING_KEY.eq(key.key()))
                .execute();
        if (n == 0) {
            dsl.insertInto(SETTING)
                    .set(SETTING.SETTING_KEY, key.key())
                    .set(SETTING.SETTING_VALUE, value)
                    .set(SETTING.UPDATED_AT, at)
                    .set(SETTING.UPDATED_BY, by)
                    .execute();
        }
    }
}
