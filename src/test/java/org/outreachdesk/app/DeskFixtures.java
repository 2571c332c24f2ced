package org.outreachdesk.app;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.Commodity;
import org.outreachdesk.domain.CommodityMovement;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.ContactStatus;
import org.outreachdesk.domain.DirectoryEntry;
import org.outreachdesk.domain.Gender;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.MovementKind;
import org.outreachdesk.domain.Role;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.domain.StaffKind;
import org.outreachdesk.domain.Uic;
import org.outreachdesk.domain.VenueType;

/**
 * Sites, staff, directory entries, contacts and stock in a test vault, written straight through the
 * repositories (site, staff and directory screens belong to another part of the app).
 */
public final class DeskFixtures {

    private final Workspace ws;

    public DeskFixtures(Workspace ws) {
        this.ws = ws;
        // every vault starts with the seeded directory; the desk's tests name their own organisations, so the
        // seeded ones are set inactive (they stay, as a coordinator could do) and reused by name when asked for
        ws.write(Permission.RECORDS, AuditAction.UPDATE, "directory_entry", null, null, tx -> {
            for (DirectoryEntry e : tx.directory().search(null, null, true)) {
                tx.directory().update(new DirectoryEntry(ws.touch(e.meta()), e.name(), e.description(),
                        e.publicPhone(), e.location(), e.services(), false));
            }
            return null;
        });
    }

    /**
     * A new vault signed in with {@code role}. (TestWorkspaces.as(ADMIN, …) closes the shared database of the
     * vault it returns, so the admin case goes through TestWorkspaces.admin.)
     */
    public static Workspace as(Role role, Path dir) {
        return role == Role.ADMIN ? TestWorkspaces.admin(dir) : TestWorkspaces.as(role, dir);
    }

    public Site site(String code, String name) {
        return site(code, name, true);
    }

    public Site site(String code, String name, boolean active) {
        Site s = new Site(ws.newMeta(), code, name, VenueType.KTV, "Sampov Meas", null, 20, active);
        ws.write(Permission.RECORDS, AuditAction.CREATE, "site", s.meta().id().toString(), null, tx -> {
            tx.sites().insert(s);
            return null;
        });
        return s;
    }

    public Staff staff(String code, String team) {
        return staff(code, team, true);
    }

    public Staff staff(String code, String team, boolean active) {
        Staff s = new Staff(ws.newMeta(), code, StaffKind.OUTREACH_WORKER, team, active);
        ws.write(Permission.RECORDS, AuditAction.CREATE, "staff", s.meta().id().toString(), null, tx -> {
            tx.staff().insert(s);
            return null;
        });
        return s;
    }

    public DirectoryEntry org(String name, ServiceType... services) {
        return org(name, true, services);
    }

    public DirectoryEntry org(String name, boolean active, ServiceType... services) {
        return ws.write(Permission.RECORDS, AuditAction.CREATE, "directory_entry", null, null, tx -> {
            var seeded = tx.directory().search(name, null, false).stream().filter(x -> x.name().equals(name)).findFirst();
            if (seeded.isPresent()) {
                DirectoryEntry e = new DirectoryEntry(ws.touch(seeded.get().meta()), name, null, null, null,
                        Set.of(services), active);
                tx.directory().update(e);
                return e;
            }
            DirectoryEntry e = new DirectoryEntry(ws.newMeta(), name, null, null, null, Set.of(services), active);
            tx.directory().insert(e);
            return e;
        });
    }

    public Contact contact(String uic, KpType kp, Integer birthYear, Site site, Staff staff) {
        return contact(uic, kp, birthYear, site, staff, LocalDate.of(2026, 1, 10), ContactStatus.ACTIVE);
    }

    public Contact contact(String uic, KpType kp, Integer birthYear, Site site, Staff staff, LocalDate first,
                           ContactStatus status) {
        Contact c = new Contact(ws.newMeta(), Uic.parse(uic), birthYear, Gender.F, kp, first,
                site == null ? null : site.meta().id(), staff == null ? null : staff.meta().id(), status,
                status == ContactStatus.ACTIVE ? null : first, null);
        ws.write(Permission.RECORDS, AuditAction.CREATE, "contact", c.id().toString(), null, tx -> {
            tx.contacts().insert(c);
            return null;
        });
        return c;
    }

    /** Many contacts in one transaction (for paging tests and measurements). */
    public List<Contact> contacts(List<Contact> all) {
        ws.write(Permission.RECORDS, AuditAction.IMPORT, "contact", null, "rows=" + all.size(), tx -> {
            all.forEach(c -> tx.contacts().insert(c));
            return null;
        });
        return all;
    }

    /** A made-up valid UIC numbered {@code n} (distinct for n below 26^4), born on the given date part. */
    public static String uic(int n, String ddmmyy) {
        char[] letters = new char[4];
        int x = n;
        for (int i = 3; i >= 0; i--) {
            letters[i] = (char) ('A' + x % 26);
            x /= 26;
        }
        return new String(letters) + "2" + ddmmyy;
    }

    public Contact newContact(String uic, KpType kp, Integer birthYear, UUID site, UUID staff, LocalDate first,
                              ContactStatus status) {
        return new Contact(ws.newMeta(), Uic.parse(uic), birthYear, Gender.F, kp, first, site, staff, status,
                status == ContactStatus.ACTIVE ? null : first, null);
    }

    public void receive(Commodity c, int quantity, String team) {
        CommodityMovement m = new CommodityMovement(ws.newMeta(), LocalDate.of(2026, 10, 1), c, MovementKind.RECEIPT,
                quantity, team, null, null);
        ws.write(Permission.RECORDS, AuditAction.CREATE, "commodity_movement", m.meta().id().toString(), null, tx -> {
            tx.stock().insert(m);
            return null;
        });
    }

    public static List<String> uics(int from, int to, String ddmmyy) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(uic(i, ddmmyy));
        }
        return out;
    }
}
