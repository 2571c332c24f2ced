package org.outreachdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outreachdesk.store.jooq.Tables.CONTACT;
import static org.outreachdesk.store.jooq.Tables.ENCOUNTER;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.HivStatus;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;

/**
 * The contact's first encounter and first known-positive encounter (schema V7) follow every encounter written,
 * whatever the order, and are filled in for encounters that were there before V7.
 */
class ContactHistoryTest {

    @TempDir
    Path dir;

    private final Site site = TestData.site("KTV-01");
    private final Staff staff = TestData.staff("OW01");
    private final Contact sreyna = TestData.contact("SOCH2150398", site, staff, null);
    private final Contact dara = TestData.contact("DAVI2010101", site, staff, null);

    @Test
    void encountersWrittenInAnyOrderLeaveTheEarliestDates() {
        try (Database db = Database.openPlain(dir)) {
            db.transact(tx -> {
                new SiteRepository(tx).insert(site);
                new StaffRepository(tx).insert(staff);
                new ContactRepository(tx).insert(sreyna);
                new ContactRepository(tx).insert(dara);
            });
            assertThat(history(db.dsl(), sreyna)).isEqualTo(pair(null, null));

            db.transact(tx -> new EncounterRepository(tx).insert(encounter(sreyna, "2026-10-20", HivStatus.TESTED)));
            assertThat(history(db.dsl(), sreyna)).isEqualTo(pair("2026-10-20", null));

            db.transact(tx -> new EncounterRepository(tx).insert(encounter(sreyna, "2026-11-02", HivStatus.KNOWN_POSITIVE)));
            assertThat(history(db.dsl(), sreyna)).as("a later visit moves nothing earlier; the first positive is set")
                    .isEqualTo(pair("2026-10-20", "2026-11-02"));

            db.transact(tx -> new EncounterRepository(tx).insertAll(List.of(
                    encounter(sreyna, "2026-03-09", null),
                    encounter(sreyna, "2026-06-01", HivStatus.KNOWN_POSITIVE),
                    encounter(sreyna, "2026-05-01", HivStatus.DECLINED),
                    encounter(dara, "2026-07-07", HivStatus.NOT_REQUIRED))));
            assertThat(history(db.dsl(), sreyna)).isEqualTo(pair("2026-03-09", "2026-06-01"));
            assertThat(history(db.dsl(), dara)).isEqualTo(pair("2026-07-07", null));

            db.transact(tx -> new EncounterRepository(tx).insert(encounter(dara, "2026-08-08", HivStatus.TESTED)));
            assertThat(history(db.dsl(), dara)).as("only an earlier date replaces the first")
                    .isEqualTo(pair("2026-07-07", null));
        }
    }

    @Test
    void refreshingAfterAVoidTakesTheDatesFromLiveEncountersOnly() {
        var first = encounter(sreyna, "2026-03-09", HivStatus.KNOWN_POSITIVE);
        try (Database db = Database.openPlain(dir)) {
            db.transact(tx -> {
                new SiteRepository(tx).insert(site);
                new StaffRepository(tx).insert(staff);
                new ContactRepository(tx).insert(sreyna);
                new ContactRepository(tx).insert(dara);
                new EncounterRepository(tx).insertAll(List.of(first,
                        encounter(sreyna, "2026-05-01", HivStatus.TESTED),
                        encounter(sreyna, "2026-07-01", HivStatus.KNOWN_POSITIVE),
                        encounter(dara, "2026-02-02", HivStatus.KNOWN_POSITIVE)));
            });
            assertThat(history(db.dsl(), sreyna)).isEqualTo(pair("2026-03-09", "2026-03-09"));

            db.transact(tx -> {
                tx.update(ENCOUNTER).set(ENCOUNTER.VOIDED, true).where(ENCOUNTER.ID.eq(first.id())).execute();
                new EncounterRepository(tx).refreshFacts(List.of(sreyna.id()));
            });
            assertThat(history(db.dsl(), sreyna)).as("the voided first visit no longer counts")
                    .isEqualTo(pair("2026-05-01", "2026-07-01"));
            assertThat(history(db.dsl(), dara)).as("other contacts untouched").isEqualTo(pair("2026-02-02", "2026-02-02"));

            db.transact(tx -> {
                tx.update(ENCOUNTER).set(ENCOUNTER.VOIDED, true).where(ENCOUNTER.CONTACT_ID.eq(sreyna.id())).execute();
                new EncounterRepository(tx).refreshFacts(List.of(sreyna.id()));
            });
            assertThat(history(db.dsl(), sreyna)).as("no live encounter left").isEqualTo(pair(null, null));
        }
    }

    @Test
    void theMigrationFillsTheDatesOfEncountersRecordedBeforeIt() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve(Database.FILE_STEM).toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE");
        ds.setUser("desk");
        ds.setPassword("desk");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").target("6").load().migrate();
        try (var c = ds.getConnection()) {
            DSLContext old = DSL.using(c, SQLDialect.H2, Database.settings());
            // written as a vault of schema 6 would have them: no history columns yet
            new SiteRepository(old).insert(site);
            new StaffRepository(old).insert(staff);
            for (Contact x : List.of(sreyna, dara)) {
                old.insertInto(CONTACT).columns(CONTACT.ID, CONTACT.UIC, CONTACT.GENDER, CONTACT.KP_TYPE,
                                CONTACT.FIRST_CONTACT_DATE, CONTACT.CREATED_AT, CONTACT.UPDATED_AT, CONTACT.CREATED_BY,
                                CONTACT.UPDATED_BY, CONTACT.ORIGIN_DEVICE)
                        .values(x.id(), x.uic().value(), x.gender(), x.kpType(), x.firstContactDate(),
                                x.meta().createdAt(), x.meta().updatedAt(), x.meta().createdBy(), x.meta().updatedBy(),
                                x.meta().originDevice())
                        .execute();
            }
            for (var e : List.of(encounter(sreyna, "2026-09-01", HivStatus.TESTED),
                    encounter(sreyna, "2026-04-04", HivStatus.DECLINED),
                    encounter(sreyna, "2026-08-01", HivStatus.KNOWN_POSITIVE),
                    encounter(sreyna, "2026-10-01", HivStatus.KNOWN_POSITIVE))) {
                var r = EncounterRepository.record(e);
                old.insertInto(ENCOUNTER).set(r).execute();
            }
        }
        try (Database db = Database.openPlain(dir)) {
            assertThat(history(db.dsl(), sreyna)).isEqualTo(pair("2026-04-04", "2026-08-01"));
            assertThat(history(db.dsl(), dara)).as("never met").isEqualTo(pair(null, null));
        }
    }

    private Record2<LocalDate, LocalDate> history(DSLContext dsl, Contact c) {
        return dsl.select(CONTACT.FIRST_ENCOUNTER_DATE, CONTACT.KNOWN_POSITIVE_SINCE).from(CONTACT)
                .where(CONTACT.ID.eq(c.id())).fetchOne();
    }

    private static Record2<LocalDate, LocalDate> pair(String first, String positive) {
        return DSL.using(SQLDialect.H2).newRecord(CONTACT.FIRST_ENCOUNTER_DATE, CONTACT.KNOWN_POSITIVE_SINCE)
                .values(first == null ? null : LocalDate.parse(first), positive == null ? null : LocalDate.parse(positive));
    }

    private org.outreachdesk.domain.Encounter encounter(Contact c, String date, HivStatus hiv) {
        return TestData.encounter(c, LocalDate.parse(date), site, staff, hiv, null);
    }
}
