package org.outreachdesk.store;

import static org.outreachdesk.store.jooq.Tables.APP_USER;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.outreachdesk.domain.AppUser;

/** Accounts of the app (their key slots live beside the database, see the vault). */
public final class UserRepository {

    private final DSLContext dsl;

    public UserRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void insert(AppUser u) {
        dsl.insertInto(APP_USER)
                .set(Meta.insertValues(APP_USER, u.meta()))
                .set(APP_USER.USER_NAME, u.name())
                .set(APP_USER.USER_ROLE, u.role())
                .set(APP_USER.ACTIVE, u.active())
                .set(APP_USER.LANGUAGE, u.language())
                .set(APP_USER.STAFF_ID, u.staffId())
                .execute();
    }

    public void update(AppUser u) {
        int n = dsl.update(APP_USER)
                .set(Meta.updateValues(APP_USER, u.meta()))
                .set(APP_USER.USER_ROLE, u.role())
                .set(APP_USER.ACTIVE, u.active())
                .set(APP_USER.LANGUAGE, u.language())
                .set(APP_USER.STAFF_ID, u.staffId())
                .where(APP_USER.ID.eq(u.meta().id()).and(APP_USER.ROW_VERSION.eq(u.meta().version() - 1)))
                .execute();
        ConcurrentChangeException.check(n, "user");
    }

    public Optional<AppUser> findById(UUID id) {
        return dsl.selectFrom(APP_USER).where(APP_USER.ID.eq(id)).fetchOptional(UserRepository::map);
    }

    public Optional<AppUser> findByName(String name) {
        return dsl.selectFrom(APP_USER).where(APP_USER.USER_NAME.eq(name)).fetchOptional(UserRepository::map);
    }

    public List<AppUser> list() {
        return dsl.selectFrom(APP_USER).orderBy(APP_USER.USER_NAME).fetch(UserRepository::map);
    }

    static AppUser map(Record r) {
        return new AppUser(Meta.read(APP_USER, r), r.get(APP_USER.USER_NAME), r.get(APP_USER.USER_ROLE),
                r.get(APP_USER.ACTIVE), r.get(APP_USER.LANGUAGE), r.get(APP_USER.STAFF_ID));
    }
}
