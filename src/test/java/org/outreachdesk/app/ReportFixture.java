package org.outreachdesk.app;

import java.time.LocalDate;
import java.util.UUID;

import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.Commodity;
import org.outreachdesk.domain.CommodityMovement;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.ContactStatus;
import org.outreachdesk.domain.Encounter;
import org.outreachdesk.domain.EncounterType;
import org.outreachdesk.domain.Gender;
import org.outreachdesk.domain.HivStatus;
import org.outreachdesk.domain.Incident;
import org.outreachdesk.domain.IncidentType;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.MovementKind;
import org.outreachdesk.domain.Perpetrator;
import org.outreachdesk.domain.Referral;
import org.outreachdesk.domain.ReferralStatus;
import org.outreachdesk.domain.SafeguardingScreen;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.domain.StaffKind;
import org.outreachdesk.domain.Uic;
import org.outreachdesk.domain.VenueType;
import org.outreachdesk.store.Tx;

/**
 * Hand-built data where every figure of the October 2026 report is known (see the expected values in
 * {@code ReportServiceTest}). Inserted through the store's repositories into a real vault.
 *
 * <pre>
 * contact  born  gender kp    encounters (date site status)                         Oct 2026 facts
 * A        1998  F      FEW   09-30 S1 -, 10-05 S1 tested, 10-25 S2 -               returning, 25-29, FSW, Newly tested
 * B        2001  F      FSW   10-01 S1 -, 10-31 S2 known positive                   new (edges), 25-29, FSW, Known positive
 * C        1990  M      MSM   05-10 S1 known positive, 10-10 S2 declined             returning, 35-39, MSM, Known positive (before)
 * D        -     TGW    TG    10-15 S1 declined, + HTS referral 10-15               new, Unknown, Transgender, TG, Newly tested
 * E        2010  O      OTHER 10-20 S3 not required                                 new, 15-19, Other, OTHER, Not required
 * F        1985  U      PWID  09-15 S1, 11-01 S1                                    not reached
 * G        1970  F      FSW   10-03 S5 declined, 11-02 S1 known positive            new, 50+, FSW, Declined (positive after the end)
 * H        2000  F      FSW   2025-12-31 S1, 2026-01-02 S1                          (custom period test: age 25)
 * </pre>
 */
public final class ReportFixture {

    public static final String NOTE = "met near the market, worried about her landlord";
    public static final String[] UICS = {"SOCH2150398", "DAVI2010101", "ROMA1120590", "SREY3990999", "KANH9020210",
        "LINA9150385", "MALI2040470", "PHAL2010100"};

    private final Workspace ws;
    Site s1;
    Site s2;
    Site s3;
    Site s4;
    Site s5;
    Staff w;

    private ReportFixture(Workspace ws) {
        this.ws = ws;
    }

    /** Inserts the data into {@code ws}'s vault. */
    public static ReportFixture insert(Workspace ws) {
        ReportFixture f = new ReportFixture(ws);
        ws.write(Permission.RECORDS, AuditAction.CREATE, "fixture", null, null, tx -> {
            f.build(tx);
            return null;
        });
        return f;
    }

    private void build(Tx tx) {
        s1 = site(tx, "KTV-01", "Golden KTV", VenueType.KTV, 20, true);
        s2 = site(tx, "BEER-02", "River beer garden", VenueType.BEER_GARDEN, 10, true);
        s3 = site(tx, "ST-03", "Riverside street", VenueType.STREET, null, true);
        s4 = site(tx, "OLD-04", "Closed guesthouse", VenueType.GUESTHOUSE, 8, false);
        s5 = site(tx, "OLD-05", "Closed massage place", VenueType.MASSAGE, 5, false);
        w = new Staff(ws.newMeta(), "W01", StaffKind.OUTREACH_WORKER, "Team A", true);
        tx.staff().insert(w);

        Contact a = contact(tx, 0, 1998, Gender.F, KpType.FEW);
        enc(tx, a, "2026-09-30", s1, null, 100, 100, 100, 100);
        enc(tx, a, "2026-10-05", s1, HivStatus.TESTED, 10, 1, 5, 1);
        enc(tx, a, "2026-10-25", s2, null, 4, 0, 2, 0);
        Contact b = contact(tx, 1, 2001, Gender.F, KpType.FSW);
        enc(tx, b, "2026-10-01", s1, null, 6, 2, 3, 0);
        enc(tx, b, "2026-10-31", s2, HivStatus.KNOWN_POSITIVE, 8, 0, 0, 1);
        Contact c = contact(tx, 2, 1990, Gender.M, KpType.MSM);
        enc(tx, c, "2026-05-10", s1, HivStatus.KNOWN_POSITIVE, 0, 0, 0, 0);
        enc(tx, c, "2026-10-10", s2, HivStatus.DECLINED, 12, 0, 6, 0);
        Contact d = contact(tx, 3, null, Gender.TGW, KpType.TG);
        enc(tx, d, "2026-10-15", s1, HivStatus.DECLINED, 5, 1, 5, 1);
        Contact e = contact(tx, 4, 2010, Gender.O, KpType.OTHER);
        enc(tx, e, "2026-10-20", s3, HivStatus.NOT_REQUIRED, 2, 0, 1, 0);
        Contact fc = contact(tx, 5, 1985, Gender.U, KpType.PWID);
        enc(tx, fc, "2026-09-15", s1, null, 1, 1, 1, 1);
        enc(tx, fc, "2026-11-01", s1, null, 50, 50, 50, 50);
        Contact g = contact(tx, 6, 1970, Gender.F, KpType.FSW);
        enc(tx, g, "2026-10-03", s5, HivStatus.DECLINED, 3, 0, 0, 0);
        enc(tx, g, "2026-11-02", s1, HivStatus.KNOWN_POSITIVE, 0, 0, 0, 0);
        Contact h = contact(tx, 7, 2000, Gender.F, KpType.FSW);
        enc(tx, h, "2025-12-31", s1, null, 1, 0, 0, 0);
        enc(tx, h, "2026-01-02", s1, null, 1, 0, 0, 0);

        referral(tx, d, ServiceType.HTS, "2026-10-15", "2026-10-29", ReferralStatus.PENDING, null);
        referral(tx, a, ServiceType.STI, "2026-10-05", "2026-10-19", ReferralStatus.COMPLETED, "2026-10-12");
        referral(tx, c, ServiceType.LEGAL, "2026-09-20", "2026-10-04", ReferralStatus.COMPLETED, "2026-09-30");
        referral(tx, b, ServiceType.HTS, "2026-10-31", "2026-11-14", ReferralStatus.COMPLETED, "2026-10-31");
        referral(tx, e, ServiceType.VIOLENCE, "2026-11-01", "2026-11-08", ReferralStatus.PENDING, null);
        referral(tx, g, ServiceType.TRAFFICKING, "2026-10-03", "2026-10-10", ReferralStatus.DECLINED, "2026-10-10");
        referral(tx, a, ServiceType.ART, "2026-10-01", "2026-10-10", ReferralStatus.PENDING, null);

        incident(tx, "2026-10-07", IncidentType.PHYSICAL_VIOLENCE, true);
        incident(tx, "2026-10-08", IncidentType.POLICE_HARASSMENT, false);
        incident(tx, "2026-10-09", IncidentType.POLICE_HARASSMENT, true);
        incident(tx, "2026-09-01", IncidentType.THEFT, true);

        screen(tx, "2026-10-12", true, false);
        screen(tx, "2026-10-13", false, false);
        screen(tx, "2026-11-03", false, true);

        movement(tx, "2026-09-01", Commodity.MALE_CONDOM, MovementKind.RECEIPT, 1000);
        movement(tx, "2026-10-01", Commodity.MALE_CONDOM, MovementKind.HANDOUT, -800);
        movement(tx, "2026-09-01", Commodity.FEMALE_CONDOM, MovementKind.RECEIPT, 100);
        movement(tx, "2026-10-01", Commodity.FEMALE_CONDOM, MovementKind.ISSUE, -10);
    }

    private Site site(Tx tx, String code, String name, VenueType type, Integer size, boolean active) {
        Site s = new Site(ws.newMeta(), code, name, type, "Sampov Meas", "Phteah Prey", size, active);
        tx.sites().insert(s);
        return s;
    }

    private Contact contact(Tx tx, int i, Integer birthYear, Gender g, KpType kp) {
        Contact c = new Contact(ws.newMeta(), Uic.parse(UICS[i]), birthYear, g, kp, LocalDate.of(2025, 1, 1),
                s1.meta().id(), w.meta().id(), ContactStatus.ACTIVE, null, NOTE);
        tx.contacts().insert(c);
        return c;
    }

    private void enc(Tx tx, Contact c, String date, Site s, HivStatus hiv, int male, int female, int lub, int st) {
        tx.encounters().insert(new Encounter(ws.newMeta(), c.id(), LocalDate.parse(date), w.meta().id(), s.meta().id(),
                EncounterType.INDIVIDUAL, true, false, new Encounter.Quantities(male, female, lub, st), hiv, false, NOTE));
    }

    private void referral(Tx tx, Contact c, ServiceType t, String made, String due, ReferralStatus status,
                          String closed) {
        tx.referrals().insert(new Referral(ws.newMeta(), c.id(), null, t, null, LocalDate.parse(made),
                LocalDate.parse(due), status, closed == null ? null : LocalDate.parse(closed), NOTE));
    }

    private void incident(Tx tx, String date, IncidentType type, boolean support) {
        tx.incidents().insert(new Incident(ws.newMeta(), LocalDate.parse(date), s1.meta().id(), null, type,
                Perpetrator.POLICE, support, support ? NOTE : null, null));
    }

    private void screen(Tx tx, String date, boolean debt, boolean under18) {
        tx.safeguarding().insert(new SafeguardingScreen(ws.newMeta(), LocalDate.parse(date), null, s1.meta().id(),
                w.meta().id(), debt, false, false, false, under18, debt || under18, null));
    }

    private void movement(Tx tx, String date, Commodity c, MovementKind kind, int qty) {
        tx.stock().insert(new CommodityMovement(ws.newMeta(), LocalDate.parse(date), c, kind, qty, "Team A",
                (UUID) null, null));
    }
}
