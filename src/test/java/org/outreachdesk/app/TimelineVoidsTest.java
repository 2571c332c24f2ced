package org.outreachdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.outreachdesk.app.OpsFixtures.TODAY;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.ContactService.TimelineEntry;
import org.outreachdesk.app.ContactService.TimelineKind;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.Incident;
import org.outreachdesk.domain.IncidentType;
import org.outreachdesk.domain.Perpetrator;
import org.outreachdesk.domain.Referral;
import org.outreachdesk.domain.Role;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.VoidReason;

/** A contact's timeline marks voided referrals and incidents with their reasons; live ones stay unmarked. */
class TimelineVoidsTest {

    @TempDir
    Path dir;

    @Test
    void voidedReferralsAndIncidentsCarryTheirReasons() {
        try (Workspace ws = TestWorkspaces.as(Role.COORDINATOR, dir)) {
            Contact c = OpsFixtures.contact(ws, "SOCH2150398", null);
            Referral hts = OpsFixtures.referral(ws, c, ServiceType.HTS, TODAY.minusDays(6), TODAY.minusDays(1));
            OpsFixtures.referral(ws, c, ServiceType.STI, TODAY.minusDays(5), TODAY.plusDays(2));
            IncidentService incidents = new IncidentService(ws);
            Incident theft = incidents.record(new IncidentService.NewIncident(TODAY.minusDays(3), null,
                    "SOCH2150398", IncidentType.THEFT, Perpetrator.CLIENT, false, null, null));
            incidents.record(new IncidentService.NewIncident(TODAY.minusDays(2), null, "SOCH2150398",
                    IncidentType.STIGMA, Perpetrator.OTHER, false, null, null));
            new ReferralFollowUpService(ws).voidReferral(hts, VoidReason.ENTERED_TWICE);
            incidents.voidIncident(theft, VoidReason.WRONG_PERSON);

            List<TimelineEntry> t = new ContactService(ws).timeline(c.id());
            assertThat(t).hasSize(4);
            assertThat(t).filteredOn(e -> e.kind() == TimelineKind.REFERRAL)
                    .extracting(e -> e.referral().serviceType(), TimelineEntry::voidReason)
                    .containsExactlyInAnyOrder(tuple(ServiceType.HTS,
                            VoidReason.ENTERED_TWICE), tuple(ServiceType.STI, null));
            assertThat(t).filteredOn(e -> e.kind() == TimelineKind.INCIDENT)
                    .extracting(e -> e.incident().type(), TimelineEntry::voidReason)
                    .containsExactlyInAnyOrder(tuple(IncidentType.THEFT,
                            VoidReason.WRONG_PERSON), tuple(IncidentType.STIGMA, null));
        }
    }
}
