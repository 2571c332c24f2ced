package org.outreachdesk.app;

import java.time.LocalDate;
import java.util.UUID;

import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.ContactStatus;
import org.outreachdesk.domain.Gender;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.Referral;
import org.outreachdesk.domain.ReferralStatus;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.domain.StaffKind;
import org.outreachdesk.domain.Uic;

/**
 * Records the coordinators' tests need that other parts of the app create (contacts, referrals): written
 * straight through the workspace, as the encounter desk would.
 */
public final class OpsFixtures {

    /** "Today" in every test vault (see TestVaults.CLOCK, Asia/Phnom_Penh). */
    public static final LocalDate TODAY = LocalDate.of(2026, 10, 20);

    private OpsFixtures() {
    }

    public static Staff staff(Workspace ws, String code) {
        Staff s = new Staff(ws.newMeta(), code, StaffKind.OUTREACH_WORKER, "Team A", true);
        ws.write(Permission.RECORDS, AuditAction.CREATE, "staff", s.meta().id().toString(), null, tx -> {
            tx.staff().insert(s);
            return null;
        });
        return s;
    }

    public static Contact contact(Workspace ws, String uic, UUID workerId) {
        Contact c = new Contact(ws.newMeta(), Uic.parse(uic), 1998, Gender.F, KpType.FEW, LocalDate.of(2026, 1, 5),
                null, workerId, ContactStatus.ACTIVE, null, null);
        ws.write(Permission.RECORDS, AuditAction.CREATE, "contact", c.id().toString(), null, tx -> {
            tx.contacts().insert(c);
            return null;
        });
        return c;
    }

    public static Referral referral(Workspace ws, Contact c, ServiceType service, LocalDate made, LocalDate due) {
        Referral r = new Referral(ws.newMeta(), c.id(), null, service, null, made, due, ReferralStatus.PENDING, null,
                null);
        ws.write(Permission.RECORDS, AuditAction.CREATE, "referral", r.id().toString(), null, tx -> {
            tx.referrals().insert(r);
            return null;
        });
        return r;
    }

    public static Referral reload(Workspace ws, Referral r) {
        return ws.read(Permission.RECORDS, tx -> tx.referrals().findById(r.id())).orElseThrow();
    }
}
