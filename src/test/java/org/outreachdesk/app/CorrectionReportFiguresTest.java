package org.outreachdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.EncounterService.Draft;
import org.outreachdesk.app.EncounterService.ReferralRequest;
import org.outreachdesk.domain.Commodity;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.Encounter;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.ReportFacts;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.domain.VoidReason;

/**
 * Report and dashboard figures before and after corrections, on hand-built data where every figure is known.
 *
 * <pre>
 * contact  encounters (male condoms)                            after the corrections
 * A        10/09 KTV, 05/10 KTV (5)                             unchanged: returning
 * B        06/10 KTV (20, HTS), 06/10 BAR (20, HTS) entered twice  the BAR one voided
 * C        07/10 KTV (100, typed for 10)                        corrected to 10
 * D        20/09 KTV (wrong person), 08/10 KTV                  the September one voided: D is new
 * </pre>
 * October before: 4 reached, 2 new (B, C), 5 encounters, KTV 125 + BAR 20 male condoms, 2 HTS referrals, stock 500 -
 * 145 = 355. After: 4 reached, 3 new (B, C, D), 4 encounters, KTV 35 + BAR 0, 1 HTS referral, stock 500 - 35 = 465.
 * September: 2 reached (A, D) before, 1 (A) after.
 */
class CorrectionReportFiguresTest {

    static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);
    static final LocalDate OCT_31 = LocalDate.of(2026, 10, 31);

    @TempDir
    Path dir;

    Workspace ws;
    Site ktv;
    Site bar;
    Staff ow1;
    Encounter bTwice;
    Encounter cWrong;
    Encounter dWrongPerson;

    @BeforeEach
    void setUp() {
        ws = TestWorkspaces.admin(dir);
        DeskFixtures fx = new DeskFixtures(ws);
        fx.org("KHANA", ServiceType.HTS);
        ktv = fx.site("KTV-03", "Golden KTV");
        bar = fx.site("BAR-01", "Riverside bar");
        ow1 = fx.staff("OW01", "Team A");
        fx.receive(Commodity.MALE_CONDOM, 500, "Team A");
        Contact a = fx.contact("SOCH2150398", KpType.FEW, 1998, ktv, ow1);
        Contact b = fx.contact("DAVI2010101", KpType.FEW, 2001, ktv, ow1);
        Contact c = fx.contact("ROMA2120590", KpType.FEW, 1990, ktv, ow1);
        Contact d = fx.contact("SREY2090999", KpType.FEW, 1999, ktv, ow1);
        save(a, "2026-09-10", ktv, 0, false);
        save(a, "2026-10-05", ktv, 5, false);
        save(b, "2026-10-06", ktv, 20, true);
        bTwice = save(b, "2026-10-06", bar, 20, true);
        cWrong = save(c, "2026-10-07", ktv, 100, false);
        dWrongPerson = save(d, "2026-09-20", ktv, 0, false);
        save(d, "2026-10-08", ktv, 0, false);
    }

    private Encounter save(Contact c, String date, Site site, int male, boolean hts) {
        Draft d = Draft.of(c.id(), LocalDate.parse(date), ow1.meta().id(), site.meta().id()).withQuantities(male, 0, 0, 0);
        if (hts) {
            d = d.withReferrals(List.of(ReferralRequest.of(ServiceType.HTS)));
        }
        return new EncounterService(ws).save(d).encounter();
    }

    @AfterEach
    void tearDown() {
        ws.close();
    }

    private ReportFacts october() {
        return ws.read(Permission.RECORDS, tx -> tx.reports().facts(OCT_1, OCT_31, LocalDate.of(2026, 9, 1)));
    }

    private static long reached(ReportFacts f) {
        return f.reach().stream().mapToLong(ReportFacts.ReachGroup::contacts).sum();
    }

    private static long fresh(ReportFacts f) {
        return f.reach().stream().filter(ReportFacts.ReachGroup::isNew).mapToLong(ReportFacts.ReachGroup::contacts).sum();
    }

    private static ReportFacts.SiteActivity site(ReportFacts f, String code) {
        return f.sites().stream().filter(s -> s.code().equals(code)).findFirst().orElseThrow();
    }

    private static long hts(ReportFacts f) {
        return f.referrals().stream().filter(r -> r.service() == ServiceType.HTS)
                .mapToLong(ReportFacts.ReferralCount::made).sum();
    }

    private static long september(ReportFacts f) {
        return f.monthly().stream().filter(m -> m.month().equals(YearMonth.of(2026, 9)))
                .mapToLong(ReportFacts.MonthReach::reached).sum();
    }

    private long maleOnHand() {
        return ws.read(Permission.RECORDS, tx -> tx.stock().onHand(null)).get(Commodity.MALE_CONDOM);
    }

    @Test
    void figuresBeforeAndAfterADoubledEncounterVoidedAWrongQuantityCorrectedAndAFirstEncounterVoided() {
        ReportFacts before = october();
        assertThat(reached(before)).isEqualTo(4);
        assertThat(fresh(before)).isEqualTo(2);
        assertThat(site(before, "KTV-03").encounters() + site(before, "BAR-01").encounters()).isEqualTo(5);
        assertThat(site(before, "KTV-03").maleCondoms()).isEqualTo(125);
        assertThat(site(before, "BAR-01").maleCondoms()).isEqualTo(20);
        assertThat(hts(before)).isEqualTo(2);
        assertThat(september(before)).isEqualTo(2);
        assertThat(maleOnHand()).isEqualTo(355);
        Dashboard dash = new ReportService(ws).dashboard();
        assertThat(dash.reached()).isEqualTo(4);
        assertThat(dash.newContacts()).isEqualTo(2);
        assertThat(dash.encounters()).isEqualTo(5);

        EncounterCorrectionService s = new EncounterCorrectionService(ws);
        s.voidEncounter(bTwice.id(), 1, VoidReason.ENTERED_TWICE);
        s.correct(cWrong.id(), 1, s.open(cWrong.id()).draft().withQuantities(10, 0, 0, 0));
        s.voidEncounter(dWrongPerson.id(), 1, VoidReason.WRONG_PERSON);

        ReportFacts after = october();
        assertThat(reached(after)).isEqualTo(4);
        assertThat(fresh(after)).as("D's first encounter is now in October").isEqualTo(3);
        assertThat(site(after, "KTV-03").encounters() + site(after, "BAR-01").encounters()).isEqualTo(4);
        assertThat(site(after, "KTV-03").maleCondoms()).isEqualTo(35);
        assertThat(site(after, "BAR-01").maleCondoms()).isZero();
        assertThat(site(after, "BAR-01").reached()).isZero();
        assertThat(hts(after)).as("the doubled encounter's referral voided with it").isEqualTo(1);
        assertThat(september(after)).isEqualTo(1);
        assertThat(maleOnHand()).isEqualTo(465);
        Dashboard dashAfter = new ReportService(ws).dashboard();
        assertThat(dashAfter.reached()).isEqualTo(4);
        assertThat(dashAfter.newContacts()).isEqualTo(3);
        assertThat(dashAfter.encounters()).isEqualTo(4);
        assertThat(dashAfter.stock().stream().filter(l -> l.commodity() == Commodity.MALE_CONDOM).findFirst()
                .orElseThrow().onHand()).isEqualTo(465);
        assertThat(dashAfter.stock().stream().filter(l -> l.commodity() == Commodity.MALE_CONDOM).findFirst()
                .orElseThrow().usedInWindow()).as("hand-outs of the last 90 days, voided ones left out").isEqualTo(35);
    }

    @Test
    void aVoidedPendingReferralLeavesTheFollowUpListAndTheOverdueCount() {
        // today is 20/10: B's referrals of 06/10 were due 13/10, both overdue
        assertThat(new ReportService(ws).dashboard().overdueReferrals().get(ServiceType.HTS)).isEqualTo(2);
        long pending = ws.read(Permission.RECORDS, tx -> tx.followUp().count(
                org.outreachdesk.domain.FollowUpFilter.ALL, LocalDate.of(2026, 10, 20)));
        assertThat(pending).isEqualTo(2);

        new EncounterCorrectionService(ws).voidEncounter(bTwice.id(), 1, VoidReason.ENTERED_TWICE);

        assertThat(new ReportService(ws).dashboard().overdueReferrals().get(ServiceType.HTS)).isEqualTo(1);
        long left = ws.read(Permission.RECORDS, tx -> tx.followUp().count(
                org.outreachdesk.domain.FollowUpFilter.ALL, LocalDate.of(2026, 10, 20)));
        assertThat(left).isEqualTo(1);
    }
}
