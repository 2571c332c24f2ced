package org.outreachdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.outreachdesk.app.ContactService.NewContact;
import org.outreachdesk.app.EncounterService.Draft;
import org.outreachdesk.app.EncounterService.ReferralRequest;
import org.outreachdesk.domain.Commodity;
import org.outreachdesk.domain.CommodityMovement;
import org.outreachdesk.domain.Incident;
import org.outreachdesk.domain.IncidentType;
import org.outreachdesk.domain.Perpetrator;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.ContactStatus;
import org.outreachdesk.domain.Encounter;
import org.outreachdesk.domain.Gender;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.Referral;
import org.outreachdesk.domain.ReferralStatus;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.StaffKind;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.domain.Uic;
import org.outreachdesk.domain.VenueType;
import org.outreachdesk.domain.VoidReason;

/**
 * No write path bypasses the change log (ADR 14): every kind of service write on a vault in a team, then a fresh vault
 * that only applies the first one's stream holds exactly the same shared content (a write the log missed would show
 * as a difference), and each kind of record has its rows in the log.
 */
class ChangeLogCaptureTest {

    static final LocalDate DAY = LocalDate.of(2026, 10, 12);

    @TempDir
    Path dir;

    TeamVault hub;
    TeamVault fresh;

    @AfterEach
    void close() {
        for (TeamVault v : new TeamVault[] {hub, fresh}) {
            if (v != null) {
                v.close();
            }
        }
    }

    @Test
    void everyServiceWriteEntersTheLogAndReplaysIdentically() {
        hub = new TeamVault("hub", dir);
        Workspace ws = hub.ws;
        Site ktv = new SiteService(ws).add(new SiteService.Draft("KTV-03", "Golden KTV", VenueType.KTV, "Daun Penh", null, 20));
        Site bar = new SiteService(ws).add(new SiteService.Draft("BAR-01", "Riverside", VenueType.BEER_GARDEN, null, null, null));
        new SiteService(ws).update(bar, new SiteService.Draft("BAR-01", "Riverside bar", VenueType.BEER_GARDEN, null, null, 12));
        Staff ow1 = new StaffService(ws).add(new StaffService.Draft("OW01", StaffKind.OUTREACH_WORKER, "Team A"));
        new StaffService(ws).add(new StaffService.Draft("OW02", StaffKind.PEER_EDUCATOR, "Team B"));
        new StockService(ws).receive(Commodity.MALE_CONDOM, 500, DAY.minusDays(5), "Team A", null);
        new StockService(ws).issue(Commodity.MALE_CONDOM, 50, DAY.minusDays(4), "Team A", null);
        ContactService contacts = new ContactService(ws);
        Contact a = contacts.create(new NewContact(Uic.parse("SOCH2150398"), Gender.F, KpType.FEW, 1998, DAY.minusDays(3),
                ktv.meta().id(), ow1.meta().id(), null), true);
        Contact b = contacts.create(new NewContact(Uic.parse("SOHC2150398"), Gender.F, KpType.FEW, 1998, DAY.minusDays(2),
                ktv.meta().id(), ow1.meta().id(), null), true);
        Contact c = contacts.create(new NewContact(Uic.parse("DAVI1010190"), Gender.M, KpType.MSM, 1990, DAY.minusDays(2),
                bar.meta().id(), ow1.meta().id(), "likes the night shift"), true);
        EncounterService encounters = new EncounterService(ws);
        Encounter e1 = encounters.save(Draft.of(a.id(), DAY, ow1.meta().id(), ktv.meta().id()).withQuantities(10, 0, 2, 0)
                .withReferrals(List.of(ReferralRequest.of(ServiceType.HTS)))).encounter();
        Encounter e2 = encounters.save(Draft.of(b.id(), DAY, ow1.meta().id(), ktv.meta().id()).withQuantities(5, 0, 0, 0))
                .encounter();
        encounters.save(Draft.of(c.id(), DAY, ow1.meta().id(), bar.meta().id()));
        EncounterCorrectionService ec = new EncounterCorrectionService(ws);
        ec.correct(e1.id(), 1, ec.open(e1.id()).draft().withQuantities(12, 0, 2, 0).withNote("corrected"));
        ec.voidEncounter(e2.id(), 1, VoidReason.ENTERED_TWICE);
        Referral r = ec.open(e1.id()).referrals().get(0);
        new ReferralFollowUpService(ws).close(r, ReferralStatus.COMPLETED, DAY.plusDays(2));
        ContactCorrectionService cc = new ContactCorrectionService(ws);
        Contact c2 = cc.correctProfile(c.id(), c.meta().version(), new ContactCorrectionService.Profile(Gender.M, KpType.MSM,
                1990, bar.meta().id(), ow1.meta().id(), ContactStatus.ACTIVE, null, "moved to the bar"));
        cc.correctUic(c2.id(), c2.meta().version(), "DAVJ1010190");
        Contact aNow = reload(ws, a);
        new MergeService(ws).merge(a.id(), aNow.meta().version(), b.id(), reload(ws, b).meta().version());
        Contact d = contacts.create(new NewContact(Uic.parse("SOCH2150399"), Gender.F, KpType.FSW, 1999, DAY,
                ktv.meta().id(), ow1.meta().id(), null), true);
        cc.markDistinct(a.id(), d.id());
        IncidentService incidents = new IncidentService(ws);
        Incident inc = incidents.record(new IncidentService.NewIncident(DAY, ktv.meta().id(), "DAVJ1010190",
                IncidentType.POLICE_HARASSMENT, Perpetrator.POLICE, true, "accompanied", null));
        Incident inc2 = incidents.correct(inc, new IncidentService.IncidentCorrection(DAY, ktv.meta().id(), "DAVJ1010190",
                IncidentType.EXTORTION, Perpetrator.POLICE, true, "accompanied"));
        incidents.voidIncident(inc2, VoidReason.OTHER);
        new SafeguardingService(ws).record(new SafeguardingService.Draft(DAY, d.id(), null, ktv.meta().id(),
                ow1.meta().id(), true, false, false, false, false, false, null, false, null));
        StockService stock = new StockService(ws);
        CommodityMovement received = stock.receive(Commodity.LUBRICANT, 100, DAY, "Team A", null);
        stock.correct(received, new StockService.MovementCorrection(DAY, Commodity.LUBRICANT, 90, "Team A", "miscounted"));
        stock.count("Team A", DAY, Map.of(Commodity.MALE_CONDOM, 300), "counted");

        Map<String, Integer> logged = hub.ws.read(Permission.RECORDS, tx -> tx.sync().logCounts());
        assertThat(logged).as("each kind of record in the log").containsKeys("site", "staff", "contact", "encounter",
                "referral", "commodity_movement", "incident", "safeguarding_screen", "contact_alias", "distinct_contacts", "record_change",
                "record_change_field", "directory_entry", "directory_service");

        fresh = new TeamVault("fresh", dir);
        SyncAppliedCheck.applied(hub.sendTo(fresh));
        assertThat(fresh.dump()).as("a vault built from the log alone").isEqualTo(hub.dump());
        assertThat(fresh.vector()).containsEntry(hub.device(), hub.vector().get(hub.device()));
    }

    static Contact reload(Workspace ws, Contact c) {
        return ws.read(Permission.RECORDS, tx -> tx.contacts().findById(c.id()).orElseThrow());
    }
}
