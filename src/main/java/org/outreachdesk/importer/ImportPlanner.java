package org.outreachdesk.importer;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.ContactStatus;
import org.outreachdesk.domain.ImportPlan;
import org.outreachdesk.domain.ImportPreviewRow;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.RecordMeta;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.domain.StaffKind;
import org.outreachdesk.domain.Uic;
import org.outreachdesk.domain.VenueType;
import org.outreachdesk.domain.ImportProblemCode;
import org.outreachdesk.store.EncounterRepository.NaturalKey;
import org.outreachdesk.store.Tx;

/**
 * Compares a checked register with the vault and decides what importing it does: which UICs are new
 * contacts and which match existing ones, which rows are new encounters and which are already recorded
 * (same contact, date, worker and site), which sites and staff are created. Rows the vault makes invalid
 * (a repeated visit with different values, a person under 18 recorded as FSW/FEW through another row or
 * the existing contact) are problems too.
 */
public final class ImportPlanner {

    private ImportPlanner() {
    }

    /**
     * Plans the import of {@code register} against the vault {@code tx} reads.
     *
     * @param newMeta metadata for each record the import would create (the signed-in user, now)
     */
    public static PlannedImport plan(ParsedRegister register, Tx tx, Supplier<RecordMeta> newMeta) {
        return plan(register, tx, newMeta, Clock.systemUTC());
    }

    static PlannedImport plan(ParsedRegister register, Tx tx, Supplier<RecordMeta> workspaceMeta, Clock clock) {
        OrderedIds ids = new OrderedIds(clock);
        Supplier<RecordMeta> newMeta = () -> ids.next(workspaceMeta.get());
        List<RegisterRow> rows = register.rows();
        Problems problems = new Problems();
        problems.addAll(register.problems());

        // the people of the register: the first row of a UIC gives its gender, KP type, site and worker
        Map<Uic, FileContact> people = new LinkedHashMap<>();
        for (RegisterRow r : rows) {
            people.computeIfAbsent(r.uic(), u -> new FileContact(r)).see(r);
        }
        Map<Uic, Contact> existing = people.isEmpty() ? Map.of() : tx.contacts().findByUics(people.keySet());

        Map<String, UUID> siteIds = new HashMap<>();
        tx.sites().list(false).forEach(s -> siteIds.put(s.code(), s.meta().id()));
        Map<String, UUID> staffIds = new HashMap<>();
        tx.staff().list(false).forEach(s -> staffIds.put(s.code(), s.meta().id()));
        Set<String> newSiteCodes = new TreeSet<>();
        Set<String> newStaffCodes = new TreeSet<>();
        for (RegisterRow r : rows) {
            if (!siteIds.containsKey(r.site())) {
                newSiteCodes.add(r.site());
            }
            if (!staffIds.containsKey(r.worker())) {
                newStaffCodes.add(r.worker());
            }
        }
        List<Site> newSites = new ArrayList<>();
        for (String code : newSiteCodes) {
            // a site the register names but the vault lacks: its code stands for its name until edited
            Site s = new Site(newMeta.get(), code, code, VenueType.OTHER, null, null, null, true);
            newSites.add(s);
            siteIds.put(code, s.meta().id());
        }
        List<Staff> newStaff = new ArrayList<>();
        for (String code : newStaffCodes) {
            Staff s = new Staff(newMeta.get(), code, StaffKind.OUTREACH_WORKER, null, true);
            newStaff.add(s);
            staffIds.put(code, s.meta().id());
        }

        Map<Uic, UUID> contactIds = new HashMap<>();
        List<Contact> newContacts = new ArrayList<>();
        // new contacts get ids in UIC order, so both the primary key and the UIC index grow at their ends
        List<FileContact> byUic = new ArrayList<>(people.values());
        byUic.sort(Comparator.comparing(p -> p.first.uic().value()));
        for (FileContact p : byUic) {
            Contact known = existing.get(p.first.uic());
            if (known != null) {
                contactIds.put(p.first.uic(), known.id());
                continue;
            }
            Contact c = new Contact(newMeta.get(), p.first.uic(), p.birthYear, p.first.gender(), p.first.kpType(),
                    p.firstDate, siteIds.get(p.first.site()), staffIds.get(p.first.worker()), ContactStatus.ACTIVE,
                    null, null);
            newContacts.add(c);
            contactIds.put(c.uic(), c.id());
        }

        Set<NaturalKey> recorded = existing.isEmpty() ? Set.of()
                : tx.encounters().naturalKeysOf(existing.values().stream().map(Contact::id).toList());
        boolean[] newEncounter = new boolean[rows.size()];
        Map<NaturalKey, Integer> firstRowOf = new HashMap<>();
        int encountersNew = 0;
        int encountersPresent = 0;
        int referralsNew = 0;
        for (int i = 0; i < rows.size(); i++) {
            RegisterRow r = rows.get(i);
            FileContact person = people.get(r.uic());
            Contact known = existing.get(r.uic());
            Integer birthYear = r.birthYear() != null ? r.birthYear()
                    : known != null && known.birthYear() != null ? known.birthYear() : person.birthYear;
            KpType kp = known != null ? known.kpType() : person.first.kpType();
            if ((r.kpType().isSexWork() || kp.isSexWork()) && RowValidator.isMinorAt(r.date(), birthYear, r.uic())) {
                problems.add(r.row(), RegisterColumn.KP_TYPE.header(), ImportProblemCode.CHILD_AS_SEX_WORKER,
                        RowValidator.SAFEGUARDING_PROBLEM, RowValidator.SAFEGUARDING_EXPECTED,
                        RowValidator.SAFEGUARDING_WHAT, RowValidator.SAFEGUARDING_EXPECTS);
                continue;
            }
            NaturalKey key = new NaturalKey(contactIds.get(r.uic()), r.date(), staffIds.get(r.worker()),
                    siteIds.get(r.site()));
            if (recorded.contains(key)) {
                encountersPresent++;
                continue;
            }
            Integer earlier = firstRowOf.putIfAbsent(key, i);
            if (earlier != null) {
                RegisterRow first = rows.get(earlier);
                if (r.sameVisitAs(first)) {
                    encountersPresent++;
                } else {
                    problems.add(r.row(), RegisterColumn.DATE.header(), ImportProblemCode.DUPLICATE_VISIT,
                            "repeats the visit of row " + first.row()
                            + " (same UIC, date, worker and site) with different values",
                            "one row per visit: merge the two rows, or correct the date, worker or site",
                            Problems.what(ImportProblemCode.DUPLICATE_VISIT, first.row()),
                            Problems.expects("oneRowPerVisit"));
                }
                continue;
            }
            newEncounter[i] = true;
            encountersNew++;
            referralsNew += r.referrals().size();
        }

        List<ImportPreviewRow> preview = new ArrayList<>();
        for (int i = 0; i < rows.size() && preview.size() < ImportPlan.PREVIEW_ROWS; i++) {
            RegisterRow r = rows.get(i);
            preview.add(new ImportPreviewRow(r.row(), r.date(), r.uic(), r.worker(), r.site(), r.gender(),
                    r.birthYear(), r.kpType(), r.quantities(), r.hivStatus(), r.referrals(), r.notes() != null,
                    !existing.containsKey(r.uic()), newEncounter[i]));
        }
        ImportPlan summary = new ImportPlan(register.fileName(), register.sha256(), register.dataRows(),
                register.blankRows(), newContacts.size(), existing.size(), encountersNew, encountersPresent,
                referralsNew, List.copyOf(newSiteCodes), List.copyOf(newStaffCodes), preview, problems.sorted(),
                problems.count());
        return new PlannedImport(summary, rows, newEncounter, newSites, newStaff, newContacts, contactIds, siteIds,
                staffIds, ids);
    }

    /** A person as the register gives them: the first row, the earliest visit, a birth year if any row has one. */
    private static final class FileContact {
        final RegisterRow first;
        LocalDate firstDate;
        Integer birthYear;

        FileContact(RegisterRow first) {
            this.first = first;
            this.firstDate = first.date();
            this.birthYear = first.birthYear();
        }

        void see(RegisterRow r) {
            if (r.date().isBefore(firstDate)) {
                firstDate = r.date();
            }
            if (birthYear == null) {
                birthYear = r.birthYear();
            }
        }
    }
}
