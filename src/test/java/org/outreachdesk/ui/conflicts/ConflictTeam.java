package org.outreachdesk.ui.conflicts;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;

import org.outreachdesk.app.ContactCorrectionService;
import org.outreachdesk.app.ContactService;
import org.outreachdesk.app.Permission;
import org.outreachdesk.app.SiteService;
import org.outreachdesk.app.StaffService;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.Gender;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.domain.StaffKind;
import org.outreachdesk.domain.Uic;
import org.outreachdesk.domain.VenueType;
import org.outreachdesk.ui.sync.SyncTeam;

/**
 * A hub and a member (real vaults, real bundle files) with one contact, first met on 12/10/2026 at KTV-03, whose key
 * population the hub corrected to FSW and the member to MSM before they exchanged bundles: a conflict on
 * {@code kp_type} on both laptops.
 */
public final class ConflictTeam implements AutoCloseable {

    public static final LocalDate MET = LocalDate.of(2026, 10, 12);
    public static final String UIC = "SOCH2150398";

    public final SyncTeam team;
    public final UUID contact;

    public ConflictTeam(Path dir) {
        team = new SyncTeam(dir);
        Site ktv = new SiteService(team.hub).add(new SiteService.Draft("KTV-03", "Golden KTV", VenueType.KTV, null,
                null, 20));
        Staff ow = new StaffService(team.hub).add(new StaffService.Draft("OW01", StaffKind.OUTREACH_WORKER, "A"));
        contact = new ContactService(team.hub).create(new ContactService.NewContact(Uic.parse(UIC), Gender.F,
                KpType.FEW, 1998, MET, ktv.meta().id(), ow.meta().id(), "met at the bar"), true).id();
        team.fromHub("laptop 1", team.member);
        kp(team.hub, KpType.FSW);
        kp(team.member, KpType.MSM);
        team.toHub(team.member);
        team.fromHub("laptop 1", team.member);
    }

    /** Corrects the contact's key population on {@code ws}. */
    public void kp(Workspace ws, KpType kp) {
        Contact c = stored(ws);
        ContactCorrectionService.Profile p = ContactCorrectionService.Profile.of(c);
        new ContactCorrectionService(ws).correctProfile(contact, c.meta().version(), new ContactCorrectionService.Profile(
                p.gender(), kp, p.birthYear(), p.homeSiteId(), p.staffId(), p.status(), p.statusDate(), p.note()));
    }

    public Contact stored(Workspace ws) {
        return ws.read(Permission.RECORDS, tx -> tx.contacts().findById(contact).orElseThrow());
    }

    @Override
    public void close() {
        team.close();
    }
}
