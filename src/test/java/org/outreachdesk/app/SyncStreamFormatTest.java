package org.outreachdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.ContactService.NewContact;
import org.outreachdesk.app.EncounterService.Draft;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.Gender;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.domain.StaffKind;
import org.outreachdesk.domain.Uic;
import org.outreachdesk.domain.VenueType;
import org.outreachdesk.domain.VoidReason;
import org.outreachdesk.sync.FormatOneStreams;
import org.outreachdesk.sync.SyncEngine;

/**
 * The stream's format 2 (ADR 21, compact values) carries the same changes as format 1 (ADR 14), which this version
 * still reads: a vault fed the one and a vault fed the other end equal to the vault that wrote them.
 */
class SyncStreamFormatTest {

    @TempDir
    Path dir;

    private TeamVault hub;
    private TeamVault viaTwo;
    private TeamVault viaOne;

    @AfterEach
    void close() {
        for (TeamVault v : new TeamVault[] {hub, viaTwo, viaOne}) {
            if (v != null) {
                v.close();
            }
        }
    }

    @Test
    void formatTwoAndFormatOneStreamsApplyAlike() {
        hub = new TeamVault("hub", dir);
        Site ktv = new SiteService(hub.ws).add(new SiteService.Draft("KTV-03", "Golden KTV", VenueType.KTV, null, null,
                20));
        Staff ow = new StaffService(hub.ws).add(new StaffService.Draft("OW01", StaffKind.OUTREACH_WORKER, "Team A"));
        Contact c = new ContactService(hub.ws).create(new NewContact(Uic.parse("SOCH2150398"), Gender.F, KpType.FEW,
                1998, LocalDate.of(2026, 10, 1), ktv.meta().id(), ow.meta().id(), "ថ្ងៃនេះ"), true);
        EncounterService es = new EncounterService(hub.ws);
        var e = es.save(Draft.of(c.id(), LocalDate.of(2026, 10, 4), ow.meta().id(), ktv.meta().id())
                .withQuantities(5, 1, 2, 0)).encounter();
        es.save(Draft.of(c.id(), LocalDate.of(2026, 10, 11), ow.meta().id(), ktv.meta().id()).withQuantities(3, 0, 0, 0));
        EncounterCorrectionService ec = new EncounterCorrectionService(hub.ws);
        ec.voidEncounter(e.meta().id(), ec.open(e.meta().id()).encounter().meta().version(), VoidReason.ENTERED_TWICE);

        byte[] two = hub.streamFor(Map.of());
        byte[] one = FormatOneStreams.of(two);
        assertThat(two[4] * 256 + two[5]).as("this version writes format 2").isEqualTo(SyncEngine.FORMAT).isEqualTo(2);
        assertThat(two.length).as("format 2 is smaller").isLessThan(one.length * 7 / 10);

        viaTwo = new TeamVault("two", dir);
        viaOne = new TeamVault("one", dir);
        SyncEngine.Applied a2 = viaTwo.apply(two);
        SyncEngine.Applied a1 = viaOne.apply(one);
        assertThat(a1).isEqualTo(a2);
        assertThat(a2.applied()).isPositive();
        assertThat(viaTwo.dump()).isEqualTo(hub.dump());
        assertThat(viaOne.dump()).isEqualTo(hub.dump());
    }
}
