package org.outreachdesk.importer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.Encounter;
import org.outreachdesk.domain.EncounterType;
import org.outreachdesk.domain.ImportPlan;
import org.outreachdesk.domain.RecordMeta;
import org.outreachdesk.domain.Referral;
import org.outreachdesk.domain.ReferralStatus;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.domain.Uic;
import org.outreachdesk.store.Tx;

/** A planned import: its summary, and the records to write when it is valid. */
public final class PlannedImport {

    /** Encounters (and their referrals) are built and written this many at a time. */
    static final int CHUNK = 2_000;

    private final ImportPlan summary;
    private final List<RegisterRow> rows;
    private final boolean[] newEncounter;
    private final List<Site> newSites;
    private final List<Staff> newStaff;
    private final List<Contact> newContacts;
    private final Map<Uic, UUID> contactIds;
    private final Map<String, UUID> siteIds;
    private final Map<String, UUID> staffIds;
    private final OrderedIds ids;

    PlannedImport(ImportPlan summary, List<RegisterRow> rows, boolean[] newEncounter, List<Site> newSites,
                  List<Staff> newStaff, List<Contact> newContacts, Map<Uic, UUID> contactIds,
                  Map<String, UUID> siteIds, Map<String, UUID> staffIds, OrderedIds ids) {
        this.summary = summary;
        this.rows = rows;
        this.newEncounter = newEncounter;
        this.newSites = newSites;
        this.newStaff = newStaff;
        this.newContacts = newContacts;
        this.contactIds = contactIds;
        this.siteIds = siteIds;
        this.staffIds = staffIds;
        this.ids = ids;
    }

    public ImportPlan summary() {
        return summary;
    }

    /**
     * Writes the new sites, staff, contacts, encounters and pending referrals in the caller's transaction.
     * Imported encounters do not draw commodity stock down: they happened before the vault kept stock.
     *
     * @throws IllegalStateException when the plan has problems (such a register is never written)
     */
    public void write(Tx tx, Supplier<RecordMeta> newMeta) {
        if (!summary.isValid()) {
            throw new IllegalStateException("a register with problems is never written");
        }
        newSites.forEach(tx.sites()::insert);
        newStaff.forEach(tx.staff()::insert);
        tx.contacts().insertAll(newContacts);
        // encounters in the order of their contacts' ids, then dates: with ordered ids for contacts (new ones
        // by UIC) and encounters, the indexes on (contact, date) grow at their ends instead of everywhere
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (newEncounter[i]) {
                order.add(i);
            }
        }
        order.sort(Comparator.comparing((Integer i) -> contactIds.get(rows.get(i).uic()))
                .thenComparing(i -> rows.get(i).date()));
        List<Encounter> encounters = new ArrayList<>(CHUNK);
        List<Referral> referrals = new ArrayList<>();
        for (int i : order) {
            RegisterRow r = rows.get(i);
            UUID contactId = contactIds.get(r.uic());
            Encounter e = new Encounter(ids.next(newMeta.get()), contactId, r.date(), staffIds.get(r.worker()),
                    siteIds.get(r.site()), EncounterType.INDIVIDUAL, false, false, r.quantities(), r.hivStatus(),
                    false, r.notes());
            encounters.add(e);
            for (ServiceType service : r.referrals()) {
                referrals.add(new Referral(ids.next(newMeta.get()), contactId, e.id(), service, null, r.date(), null,
                        ReferralStatus.PENDING, null, null));
            }
            if (encounters.size() == CHUNK) {
                flush(tx, encounters, referrals);
            }
        }
        flush(tx, encounters, referrals);
    }

    private static void flush(Tx tx, List<Encounter> encounters, List<Referral> referrals) {
        tx.encounters().insertAll(encounters);
        tx.referrals().insertAll(referrals);
        encounters.clear();
        referrals.clear();
    }

    @Override
    public String toString() {
        return "PlannedImport[" + summary + "]";
    }
}
