package org.outreachdesk.store;

import static org.outreachdesk.store.jooq.Tables.STAFF;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.outreachdesk.domain.Codes;
import org.outreachdesk.domain.Staff;

/** Staff members, by code. */
public final class StaffRepository {

    private final DSLContext dsl;

    public StaffRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void insert(Staff s) {
        dsl.insertInto(STAFF)
                .set(Meta.insertValues(STAFF, s.meta()))
                .set(STAFF.CODE, s.code())
                .set(STAFF.STAFF_KIND, s.kind())
                .set(STAFF.TEAM, s.team())
                .set(STAFF.ACTIVE, s.active())
                .execute();
    }

    public void update(Staff s) {
        int n = dsl.update(STAFF)
                .set(Meta.updateValues(STAFF, s.meta()))
                .set(STAFF.CODE, s.code())
                .set(STAFF.STAFF_KIND, s.kind())
                .set(STAFF.TEAM, s.team())
                .set(STAFF.ACTIVE, s.active())
                .where(STAFF.ID.eq(s.meta().id()).and(STAFF.ROW_VERSION.eq(s.meta().version() - 1)))
                .execute();
        ConcurrentChangeException.check(n, "staff");
    }

    public Optional<Staff> findById(UUID id) {
        return dsl.selectFrom(STAFF).where(STAFF.ID.eq(id)).fetchOptional(StaffRepository::map);
    }

    public Optional<Staff> findByCode(String code) {
        return dsl.selectFrom(STAFF).where(STAFF.CODE.eq(Codes.normalise(code))).fetchOptional(StaffRepository::map);
    }

    public List<Staff> list(boolean activeOnly) {
        return dsl.selectFrom(STAFF)
                .where(activeOnly ? STAFF.ACTIVE.isTrue() : DSL.noCondition())
                .orderBy(STAFF.CODE)
                .fetch(StaffRepository::map);
    }

    static Staff map(Record r) {
        return new Staff(Meta.read(STAFF, r), r.get(STAFF.CODE), r.get(STAFF.STAFF_KIND), r.get(STAFF.TEAM),
                r.get(STAFF.ACTIVE));
    }
}
