package org.outreachdesk.app;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.ContactStatus;
import org.outreachdesk.domain.Encounter;
import org.outreachdesk.domain.EncounterType;
import org.outreachdesk.domain.Gender;
import org.outreachdesk.domain.HivStatus;
import org.outreachdesk.domain.Incident;
import org.outreachdesk.domain.IncidentType;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.Perpetrator;
import org.outreachdesk.domain.RecordMeta;
import org.outreachdesk.domain.Referral;
import org.outreachdesk.domain.ReferralStatus;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.domain.StaffKind;
import org.outreachdesk.domain.Uic;
import org.outreachdesk.domain.VenueType;
import org.outreachdesk.store.Tx;

/**
 * Records of every kind written the way services write them: through {@link Workspace#write}, one audited
 * transaction each, with the store's repositories (the record services come from other work in parallel).
 */
final class SampleRecords {

    final Site site;
    final Staff staff;
    final List<Contact> contacts = new ArrayList<>();
    final List<Encounter> encounters = new ArrayList<>();
    final List<Referral> referrals = new ArrayList<>();
    final List<Incident> incidents = new ArrayList<>();

    private final Workspace ws;

    SampleRecords(Workspace ws) {
        this.ws = ws;
        site = new Site(ws.newMeta(), "KTV-03", "Golden Star KTV", VenueType.KTV, "Sampov Meas", "Phteah Prey", 25, true);
        staff = new Staff(ws.newMeta(), "OW01", StaffKind.OUTREACH_WORKER, "Team A", true);
        ws.write(Permission.COORDINATE, AuditAction.CREATE, "site", site.meta().id().toString(), null, tx -> {
            tx.sites().insert(site);
            tx.staff().insert(staff);
            return null;
        });
    }

    /** A contact with the given UIC and note. */
    Contact contact(Uic uic, String note) {
        Contact c = new Contact(ws.newMeta(), uic, 1999, Gender.F, KpType.FEW, LocalDate.of(2026, 10, 1),
                site.meta().id(), staff.meta().id(), ContactStatus.ACTIVE, null, note);
        ws.write(Permission.RECORDS, AuditAction.CREATE, "contact", c.id().toString(), null, tx -> {
            tx.contacts().insert(c);
            return null;
        });
        contacts.add(c);
        return c;
    }

    Encounter encounter(Contact c, LocalDate date, String note) {
        Encounter e = new Encounter(ws.newMeta(), c.id(), date, staff.meta().id(), site.meta().id(),
                EncounterType.INDIVIDUAL, true, true, new Encounter.Quantities(12, 2, 6, 1), HivStatus.KNOWN_POSITIVE,
                true, note);
        ws.write(Permission.RECORDS, AuditAction.CREATE, "encounter", e.id().toString(), null, tx -> {
            tx.encounters().insert(e);
            return null;
        });
        encounters.add(e);
        return e;
    }

    Referral referral(Contact c, Encounter e, String note) {
        Referral r = new Referral(ws.newMeta(), c.id(), e.id(), ServiceType.VIOLENCE, null, e.date(),
                e.date().plusDays(14), ReferralStatus.PENDING, null, note);
        ws.write(Permission.RECORDS, AuditAction.CREATE, "referral", r.id().toString(), null, tx -> {
            tx.referrals().insert(r);
            return null;
        });
        referrals.add(r);
        return r;
    }

    Incident incident(Contact c, Referral r, String supportNote) {
        Incident i = new Incident(ws.newMeta(), LocalDate.of(2026, 10, 3), site.meta().id(), c.id(),
                IncidentType.POLICE_HARASSMENT, Perpetrator.POLICE, true, supportNote, r.id());
        ws.write(Permission.RECORDS, AuditAction.CREATE, "incident", i.meta().id().toString(), null, tx -> {
            tx.incidents().insert(i);
            return null;
        });
        incidents.add(i);
        return i;
    }

    /** {@code n} contacts, each met a few times, some referred, one incident: a small realistic vault. */
    static SampleRecords aFewOfEverything(Workspace ws, int n) {
        SampleRecords s = new SampleRecords(ws);
        for (int i = 0; i < n; i++) {
            String uic = "SO" + (char) ('A' + i % 26) + (char) ('A' + i / 26 % 26) + "2" + String.format("%02d", 1 + i % 28)
                    + "0398";
            Contact c = s.contact(Uic.parse(uic), "contact note " + i);
            Encounter first = s.encounter(c, LocalDate.of(2026, 10, 1), "encounter note " + i);
            s.encounter(c, LocalDate.of(2026, 10, 8), null);
            if (i % 3 == 0) {
                Referral r = s.referral(c, first, "referral note " + i);
                if (i % 6 == 0) {
                    s.incident(c, r, "support note " + i);
                }
            }
        }
        return s;
    }

    /**
     * The same kinds of content written straight into a database (the unencrypted control): the sensitive
     * notes, the UIC, and the password and recovery key as if someone had stored them.
     */
    static void plainCopy(Tx tx, Uic uic, String sentinel, String password, String recoveryKey) {
        RecordMeta.Author author = new RecordMeta.Author(UUID.randomUUID(), UUID.randomUUID());
        Instant now = Instant.parse("2026-10-20T08:00:00Z");
        Site site = new Site(RecordMeta.create(author, now), "KTV-03", "Site", VenueType.KTV, null, null, 25, true);
        Staff staff = new Staff(RecordMeta.create(author, now), "OW01", StaffKind.OUTREACH_WORKER, null, true);
        Contact c = new Contact(RecordMeta.create(author, now), uic, 1999, Gender.F, KpType.FEW, LocalDate.of(2026, 10, 1),
                site.meta().id(), staff.meta().id(), ContactStatus.ACTIVE, null, "contact " + sentinel);
        Contact secrets = new Contact(RecordMeta.create(author, now), Uic.parse("KEYS2010101"), null, Gender.U, KpType.OTHER,
                LocalDate.of(2026, 10, 1), null, null, ContactStatus.ACTIVE, null, password + " | " + recoveryKey + " | "
                + recoveryKey.replace("-", ""));
        Encounter e = new Encounter(RecordMeta.create(author, now), c.id(), LocalDate.of(2026, 10, 2), staff.meta().id(),
                site.meta().id(), EncounterType.INDIVIDUAL, true, true, Encounter.Quantities.NONE, HivStatus.KNOWN_POSITIVE,
                true, "encounter " + sentinel);
        Referral r = new Referral(RecordMeta.create(author, now), c.id(), e.id(), ServiceType.VIOLENCE, null,
                e.date(), null, ReferralStatus.PENDING, null, "referral " + sentinel);
        Incident i = new Incident(RecordMeta.create(author, now), e.date(), site.meta().id(), c.id(),
                IncidentType.POLICE_HARASSMENT, Perpetrator.POLICE, true, "support " + sentinel, r.id());
        tx.sites().insert(site);
        tx.staff().insert(staff);
        tx.contacts().insert(c);
        tx.contacts().insert(secrets);
        tx.encounters().insert(e);
        tx.referrals().insert(r);
        tx.incidents().insert(i);
    }
}
