package org.outreachdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.outreachdesk.app.OpsFixtures.TODAY;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.DirectoryEntry;
import org.outreachdesk.domain.FollowUpFilter;
import org.outreachdesk.domain.Incident;
import org.outreachdesk.domain.IncidentListing;
import org.outreachdesk.domain.IncidentType;
import org.outreachdesk.domain.Perpetrator;
import org.outreachdesk.domain.Referral;
import org.outreachdesk.domain.ReferralStatus;
import org.outreachdesk.domain.Role;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.VenueType;

class IncidentServiceTest {

    @TempDir
    Path dir;

    private static Site site(Workspace admin) {
        return new SiteService(admin).add(new SiteService.Draft("KTV-03", "Golden KTV", VenueType.KTV, null, null, 20));
    }

    private static IncidentService.NewIncident incident(String uic, IncidentService.ReferralRequest referral) {
        return new IncidentService.NewIncident(TODAY.minusDays(1), null, uic, IncidentType.POLICE_HARASSMENT,
                Perpetrator.POLICE, true, "accompanied to the commune office", referral);
    }

    @Test
    void anOutreachWorkerRecordsAnIncidentWithALegalReferralInOneTransaction() {
        Site site;
        DirectoryEntry licadho;
        try (Workspace admin = TestWorkspaces.admin(dir)) {
            site = site(admin);
            OpsFixtures.contact(admin, "SOCH2150398", null);
            licadho = new DirectoryService(admin).search("LICADHO", null, false).get(0);
            new UserService(admin).add("worker", Role.OUTREACH_WORKER, TestWorkspaces.PASSWORD.toCharArray());
        }
        try (Workspace ws = TestWorkspaces.vaults().unlock(dir, "worker", TestWorkspaces.PASSWORD.toCharArray())) {
            IncidentService incidents = new IncidentService(ws);
            Incident saved = incidents.record(new IncidentService.NewIncident(TODAY.minusDays(1), site.meta().id(),
                    " soch 215 0398 ", IncidentType.PHYSICAL_VIOLENCE, Perpetrator.CLIENT, true, "first aid",
                    new IncidentService.ReferralRequest(ServiceType.LEGAL, licadho.meta().id(), null)));
            assertThat(saved.contactId()).isNotNull();
            assertThat(saved.referralId()).isNotNull();

            Referral referral = ws.read(Permission.RECORDS, tx -> tx.referrals().findById(saved.referralId()))
                    .orElseThrow();
            assertThat(referral.contactId()).isEqualTo(saved.contactId());
            assertThat(referral.serviceType()).isEqualTo(ServiceType.LEGAL);
            assertThat(referral.directoryEntryId()).isEqualTo(licadho.meta().id());
            assertThat(referral.madeDate()).isEqualTo(TODAY.minusDays(1));
            assertThat(referral.dueDate()).isEqualTo(TODAY.plusDays(6));
            assertThat(referral.status()).isEqualTo(ReferralStatus.PENDING);
            // it is on the coordinators' follow-up list
            assertThat(new ReferralFollowUpService(ws).pending(FollowUpFilter.ALL, 0, 10).rows()).singleElement()
                    .satisfies(p -> assertThat(p.destinationName()).isEqualTo("LICADHO"));

            Paged<IncidentListing> list = incidents.list(0, 10);
            assertThat(list.rows()).singleElement().satisfies(l -> {
                assertThat(l.siteCode()).isEqualTo("KTV-03");
                assertThat(l.contactUic().value()).isEqualTo("SOCH2150398");
                assertThat(l.referralService()).isEqualTo(ServiceType.LEGAL);
                assertThat(l.referralDestination()).isEqualTo("LICADHO");
                assertThat(l.incident().supportNote()).isEqualTo("first aid");
            });
            var audit = ws.vault().database().read(tx -> tx.audit().latest(1)).get(0);
            assertThat(audit.action()).isEqualTo(AuditAction.CREATE);
            assertThat(audit.recordType()).isEqualTo("incident");
            assertThat(audit.detail()).isEqualTo("referral " + referral.id()).doesNotContain("first aid");
        }
    }

    @Test
    void anIncidentNeedsNoContactAndListsNewestFirst() {
        try (Workspace ws = TestWorkspaces.as(Role.OUTREACH_WORKER, dir)) {
            IncidentService incidents = new IncidentService(ws);
            incidents.record(new IncidentService.NewIncident(TODAY.minusDays(5), null, "", IncidentType.THEFT,
                    Perpetrator.OTHER, false, null, null));
            incidents.record(new IncidentService.NewIncident(TODAY, null, null, IncidentType.EXTORTION,
                    Perpetrator.VENUE_MANAGER, false, "  ", null));
            incidents.record(new IncidentService.NewIncident(TODAY.minusDays(2), null, null, IncidentType.STIGMA,
                    Perpetrator.OTHER, true, null, null));
            Paged<IncidentListing> page = incidents.list(0, 2);
            assertThat(page.total()).isEqualTo(3);
            assertThat(page.rows()).extracting(l -> l.incident().type())
                    .containsExactly(IncidentType.EXTORTION, IncidentType.STIGMA);
            assertThat(page.rows().get(0).incident().supportNote()).isNull();
            assertThat(page.rows().get(0).contactUic()).isNull();
            assertThat(incidents.list(2, 2).rows()).extracting(l -> l.incident().type())
                    .containsExactly(IncidentType.THEFT);
        }
    }

    @Test
    void badInputIsRefusedAndNothingIsStored() {
        try (Workspace ws = TestWorkspaces.admin(dir)) {
            Contact c = OpsFixtures.contact(ws, "SOCH2150398", null);
            DirectoryEntry khana = new DirectoryService(ws).search("KHANA", null, false).get(0);
            IncidentService incidents = new IncidentService(ws);
            assertThatThrownBy(() -> incidents.record(new IncidentService.NewIncident(TODAY.plusDays(1), null, null,
                    IncidentType.THEFT, Perpetrator.CLIENT, false, null, null)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("future");
            assertThatThrownBy(() -> incidents.record(new IncidentService.NewIncident(TODAY, null, null,
                    null, Perpetrator.CLIENT, false, null, null)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("type");
            assertThatThrownBy(() -> incidents.record(new IncidentService.NewIncident(TODAY, null, null,
                    IncidentType.THEFT, null, false, null, null)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("perpetrator");
            assertThatThrownBy(() -> incidents.record(incident("SOCH215039", null)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("UIC")
                    .hasMessageNotContaining("SOCH");
            assertThatThrownBy(() -> incidents.record(incident("MALY2010190", null)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("No contact has this UIC")
                    .hasMessageNotContaining("MALY");
            assertThatThrownBy(() -> incidents.record(incident(null,
                    new IncidentService.ReferralRequest(ServiceType.LEGAL, null, null))))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("needs a contact");
            assertThatThrownBy(() -> incidents.record(incident("SOCH2150398",
                    new IncidentService.ReferralRequest(ServiceType.LEGAL, khana.meta().id(), null))))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("does not offer this service");
            assertThatThrownBy(() -> incidents.record(incident("SOCH2150398",
                    new IncidentService.ReferralRequest(ServiceType.LEGAL, null, TODAY.minusDays(3)))))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("follow-up date");
            assertThatThrownBy(() -> incidents.record(new IncidentService.NewIncident(TODAY, null, null,
                    IncidentType.THEFT, Perpetrator.CLIENT, true, "x".repeat(501), null)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("too long");
            assertThat(incidents.list(0, 10).total()).isZero();
            java.util.List<Referral> referrals = ws.read(Permission.RECORDS, tx -> tx.referrals().forContact(c.id()));
            assertThat(referrals).isEmpty();
        }
    }
}
