package org.outreachdesk.ui.ops;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.outreachdesk.app.DirectoryService;
import org.outreachdesk.app.IncidentService;
import org.outreachdesk.app.OpsFixtures;
import org.outreachdesk.app.Permission;
import org.outreachdesk.app.SiteService;
import org.outreachdesk.app.StaffService;
import org.outreachdesk.app.StockService;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.app.UserService;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.Commodity;
import org.outreachdesk.domain.CommodityMovement;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.DirectoryEntry;
import org.outreachdesk.domain.IncidentType;
import org.outreachdesk.domain.MovementKind;
import org.outreachdesk.domain.Perpetrator;
import org.outreachdesk.domain.Role;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.domain.StaffKind;
import org.outreachdesk.domain.VenueType;

/** Synthetic data for looking at the coordinators' screens (no real person anywhere). */
public final class OpsDemoData {

    private static final LocalDate TODAY = OpsFixtures.TODAY;

    private OpsDemoData() {
    }

    /** A demo vault in {@code dir}, unlocked as {@code role} ("admin", "coordinator", "outreach-worker"). */
    public static Workspace vault(Path dir, String role) {
        try (Workspace admin = TestWorkspaces.admin(dir)) {
            fill(admin);
            if (!role.equals("admin")) {
                new UserService(admin).add(role, org.outreachdesk.domain.Coded.parse(Role.class, role).orElseThrow(),
                        TestWorkspaces.PASSWORD.toCharArray());
            }
        }
        return TestWorkspaces.vaults().unlock(dir, role, TestWorkspaces.PASSWORD.toCharArray());
    }

    static void fill(Workspace ws) {
        SiteService sites = new SiteService(ws);
        List<Site> s = new ArrayList<>();
        s.add(sites.add(new SiteService.Draft("KTV-01", "Golden Star KTV", VenueType.KTV, "Sampov Meas", "Phteah Prey", 25)));
        s.add(sites.add(new SiteService.Draft("KTV-03", "Moonlight Karaoke", VenueType.KTV, "Sampov Meas", "Lolork Sa", 18)));
        s.add(sites.add(new SiteService.Draft("BG-02", "Riverside beer garden", VenueType.BEER_GARDEN, "Sampov Meas",
                "Roleab", 12)));
        s.add(sites.add(new SiteService.Draft("GH-05", "Guesthouse near the market", VenueType.GUESTHOUSE, "Bakan",
                "Boeng Bat Kandaol", 8)));
        s.add(sites.add(new SiteService.Draft("MS-01", "Massage parlour, road 5", VenueType.MASSAGE, "Krakor", null, 6)));
        Site old = sites.add(new SiteService.Draft("ST-01", "Park by the river", VenueType.STREET, "Sampov Meas", null, null));
        sites.setActive(old, false);
        StaffService staff = new StaffService(ws);
        Staff ow1 = staff.add(new StaffService.Draft("OW01", StaffKind.OUTREACH_WORKER, "Team A"));
        Staff ow2 = staff.add(new StaffService.Draft("OW02", StaffKind.OUTREACH_WORKER, "Team B"));
        staff.add(new StaffService.Draft("PE01", StaffKind.PEER_EDUCATOR, "Team A"));
        staff.add(new StaffService.Draft("CO01", StaffKind.COORDINATOR, null));
        String[] uics = {"SOCH2150398", "MALY2010190", "CHDA2121295", "SRPI2030701", "BOTH2111199", "KEMA2250802",
            "LISO2070597", "NAVY2091100", "PHKH2141096", "RATH2281293", "SOKU2170899", "THEA2050502"};
        List<Contact> contacts = new ArrayList<>();
        for (int i = 0; i < uics.length; i++) {
            contacts.add(OpsFixtures.contact(ws, uics[i], i % 3 == 2 ? null : (i % 2 == 0 ? ow1 : ow2).meta().id()));
        }
        ServiceType[] types = {ServiceType.HTS, ServiceType.STI, ServiceType.LEGAL, ServiceType.HTS, ServiceType.ART,
            ServiceType.VIOLENCE, ServiceType.FP, ServiceType.HTS, ServiceType.PREP, ServiceType.STI,
            ServiceType.TRAFFICKING, ServiceType.HTS};
        int[] dueOffset = {-9, -4, -1, 0, 0, 2, 5, 6, 7, 12, -2, 3};
        DirectoryService directory = new DirectoryService(ws);
        for (int i = 0; i < uics.length; i++) {
            LocalDate due = TODAY.plusDays(dueOffset[i]);
            List<DirectoryEntry> dest = directory.search(null, types[i], false);
            org.outreachdesk.domain.Referral r = new org.outreachdesk.domain.Referral(ws.newMeta(),
                    contacts.get(i).id(), null, types[i], dest.isEmpty() ? null : dest.get(0).meta().id(),
                    due.minusDays(7), i == 7 ? null : due, org.outreachdesk.domain.ReferralStatus.PENDING, null, null);
            ws.write(Permission.RECORDS, AuditAction.CREATE, "referral", r.id().toString(), null, tx -> {
                tx.referrals().insert(r);
                return null;
            });
        }
        IncidentService incidents = new IncidentService(ws);
        DirectoryEntry licadho = directory.search("LICADHO", null, false).get(0);
        incidents.record(new IncidentService.NewIncident(TODAY.minusDays(1), s.get(0).meta().id(), uics[0],
                IncidentType.POLICE_HARASSMENT, Perpetrator.POLICE, true, "accompanied to legal aid",
                new IncidentService.ReferralRequest(ServiceType.LEGAL, licadho.meta().id(), null)));
        incidents.record(new IncidentService.NewIncident(TODAY.minusDays(3), s.get(2).meta().id(), null,
                IncidentType.THEFT, Perpetrator.CLIENT, false, null, null));
        incidents.record(new IncidentService.NewIncident(TODAY.minusDays(8), s.get(3).meta().id(), uics[4],
                IncidentType.PHYSICAL_VIOLENCE, Perpetrator.INTIMATE_PARTNER, true, "first aid, safe place", null));
        incidents.record(new IncidentService.NewIncident(TODAY.minusDays(15), null, null,
                IncidentType.STIGMA, Perpetrator.OTHER, false, null, null));
        StockService stock = new StockService(ws);
        stock.receive(Commodity.MALE_CONDOM, 5000, TODAY.minusDays(20), null, "delivery from KHANA");
        stock.receive(Commodity.FEMALE_CONDOM, 120, TODAY.minusDays(20), null, "delivery from KHANA");
        stock.receive(Commodity.LUBRICANT, 2000, TODAY.minusDays(20), null, null);
        stock.receive(Commodity.HIV_SELF_TEST, 80, TODAY.minusDays(20), null, null);
        stock.receive(Commodity.MALE_CONDOM, 600, TODAY.minusDays(10), "Team A", null);
        stock.issue(Commodity.LUBRICANT, 200, TODAY.minusDays(5), null, "expired batch");
        for (int i = 0; i < 6; i++) {
            CommodityMovement m = new CommodityMovement(ws.newMeta(), TODAY.minusDays(i), Commodity.HIV_SELF_TEST,
                    MovementKind.HANDOUT, -(5 + i), null, null, null);
            ws.write(Permission.RECORDS, AuditAction.CREATE, "commodity_movement", m.meta().id().toString(), null, tx -> {
                tx.stock().insert(m);
                return null;
            });
        }
    }
}
