package org.outreachdesk.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.ContactStatus;
import org.outreachdesk.domain.Encounter;
import org.outreachdesk.domain.EncounterType;
import org.outreachdesk.domain.Gender;
import org.outreachdesk.domain.HivStatus;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.RecordMeta;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.domain.StaffKind;
import org.outreachdesk.domain.Uic;
import org.outreachdesk.domain.VenueType;

/** Records for store tests. */
public final class TestData {

    public static final RecordMeta.Author AUTHOR = new RecordMeta.Author(UUID.randomUUID(), UUID.randomUUID());
    public static final Instant NOW = Instant.parse("2026-10-15T09:00:00Z");

    private TestData() {
    }

    public static RecordMeta meta() {
        return RecordMeta.create(AUTHOR, NOW);
    }

    public static Site site(String code) {
        return new Site(meta(), code, "Site " + code, VenueType.KTV, "Sampov Meas", "Phteah Prey", 20, true);
    }

    public static Staff staff(String code) {
        return new Staff(meta(), code, StaffKind.OUTREACH_WORKER, "Team A", true);
    }

    public static Contact contact(String uic, Site site, Staff staff, String note) {
        return new Contact(meta(), Uic.parse(uic), 1998, Gender.F, KpType.FEW, LocalDate.of(2026, 10, 1),
                site.meta().id(), staff.meta().id(), ContactStatus.ACTIVE, null, note);
    }

    public static Encounter encounter(Contact c, LocalDate date, Site site, Staff staff, HivStatus hiv, String note) {
        return new Encounter(meta(), c.id(), date, staff.meta().id(), site.meta().id(), EncounterType.INDIVIDUAL,
                true, false, new Encounter.Quantities(10, 2, 5, 1), hiv, true, note);
    }
}
