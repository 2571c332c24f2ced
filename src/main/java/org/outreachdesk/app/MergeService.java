package org.outreachdesk.app;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.ChangeKind;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.ContactListing;
import org.outreachdesk.domain.FieldChange;
import org.outreachdesk.domain.NearDuplicates;
import org.outreachdesk.domain.RecordMeta;
import org.outreachdesk.domain.RecordType;
import org.outreachdesk.store.MergeRepository;
import org.outreachdesk.store.MergeRepository.AliasKind;
import org.outreachdesk.store.MergeRepository.LiveCode;
import org.outreachdesk.store.MergeRepository.Moved;

/**
 * Two contacts that are one person, merged into one (issue 14, ADR 13), and the list of pairs that may be one person.
 * Coordinators, managers and admins only ({@link Permission#CORRECT_ANY}).
 *
 * <p>A merge keeps the contact whose UIC the user chose; the other keeps its row, marked {@code merged_into}, and its
 * UIC (and its own aliases) become aliases of the one that stayed. Its encounters, referrals, incidents and
 * safeguarding screens move across, each with a MOVE history row; the contact that stayed gets the earlier first
 * contact date and its first-encounter facts are recomputed from the merged history, so "new" and "returning" follow.
 */
public final class MergeService {

    /** The most pairs the possible-duplicates list shows at once. */
    public static final int LIST_MAX = 500;

    private final Workspace ws;

    public MergeService(Workspace ws) {
        this.ws = ws;
    }

    /** A pair of live contacts that may be one person, and why they were paired. */
    public record PossibleDuplicate(ContactListing a, ContactListing b, NearDuplicates.Why why) {
        @Override
        public String toString() {
            return "PossibleDuplicate[" + a.contact().id() + ", " + b.contact().id() + "]";
        }
    }

    /** What a merge did. */
    public record Merged(Contact kept, int recordsMoved) {
    }

    /**
     * Merges {@code goneId} into {@code keepId}: the kept contact's UIC stays.
     *
     * @param keepVersion the kept contact's version when the user chose the pair
     * @param goneVersion the other's version then
     * @throws InvalidInputException keyed {@code contact.changed} when either changed elsewhere meanwhile,
     *                               {@code contact.merged} when either is already merged
     */
    public Merged merge(UUID keepId, int keepVersion, UUID goneId, int goneVersion) {
        ws.require(Permission.CORRECT_ANY);
        if (keepId.equals(goneId)) {
            throw new IllegalArgumentException("a contact cannot be merged into itself");
        }
        // the audit entry names the fields of the kept contact that change; known from the versions the user saw,
        // and the write below refuses any other version
        Contact[] seen = ws.read(Permission.CORRECT_ANY, tx -> new Contact[] {
            tx.contacts().findById(keepId).orElse(null), tx.contacts().findById(goneId).orElse(null)});
        if (seen[0] == null || seen[1] == null) {
            throw new InvalidInputException("the contact is no longer in the vault").keyed("contact.gone");
        }
        List<FieldChange> keptFields = keptFields(seen[0], seen[1]);
        String detail = "merged " + goneId + "; fields " + String.join(",", keptFields.stream().map(FieldChange::field)
                .toList()) + ",mergedInto";
        return ContactCorrectionService.changed(() -> ws.write(Permission.CORRECT_ANY, AuditAction.UPDATE, "contact",
                keepId.toString(), detail, tx -> {
                    Contact keep = ContactCorrectionService.live(tx, keepId, keepVersion);
                    Contact gone = ContactCorrectionService.live(tx, goneId, goneVersion);
                    RecordMeta goneAfter = ws.touch(gone.meta());
                    RecordMeta keepAfter = ws.touch(keep.meta());
                    MergeRepository m = tx.merges();
                    // the merged-away contact: marked, its code and its aliases now name the one that stayed
                    m.markMerged(goneAfter, keepId);
                    Corrections.keep(ws, tx, RecordType.CONTACT, gone.meta(), goneAfter, ChangeKind.MERGE, null,
                            List.of(FieldChange.of("mergedInto", null, keepId)));
                    m.moveAliases(goneId, keepId);
                    m.addAlias(gone.uic(), keepId, AliasKind.MERGED, ws.author(), goneAfter.updatedAt());
                    // its records, each with the move in its history
                    List<Moved> moved = m.moveRecords(goneId, keepId, ws.author(), keepAfter.updatedAt());
                    for (Moved r : moved) {
                        RecordMeta before = new RecordMeta(r.id(), keepAfter.updatedAt(), keepAfter.updatedAt(),
                                ws.user().id(), ws.user().id(), ws.author().deviceId(), r.baseVersion());
                        Corrections.keep(ws, tx, r.type(), before, before.touch(ws.author(), keepAfter.updatedAt()), ChangeKind.MOVE, null,
                                List.of(FieldChange.of("contactId", goneId, keepId)));
                    }
                    // the contact that stayed: the earlier first contact, facts from the merged history
                    Contact next = new Contact(keepAfter, keep.uic(), keep.birthYear(), keep.gender(), keep.kpType(),
                            earlier(keep, gone), keep.homeSiteId(), keep.assignedStaffId(), keep.status(),
                            keep.statusDate(), keep.note());
                    tx.contacts().update(next);
                    Corrections.keep(ws, tx, RecordType.CONTACT, keep.meta(), keepAfter, ChangeKind.MERGE, null,
                            keptFields(keep, gone));
                    tx.encounters().refreshFacts(List.of(keepId, goneId));
                    return new Merged(next, moved.size());
                }));
    }

    private static LocalDate earlier(Contact keep, Contact gone) {
        return gone.firstContactDate().isBefore(keep.firstContactDate()) ? gone.firstContactDate()
                : keep.firstContactDate();
    }

    /** The history fields of the kept contact: who merged into it, and its first contact date when it moves. */
    private static List<FieldChange> keptFields(Contact keep, Contact gone) {
        List<FieldChange> out = new ArrayList<>();
        if (!earlier(keep, gone).equals(keep.firstContactDate())) {
            out.add(FieldChange.of("firstContactDate", keep.firstContactDate(), gone.firstContactDate()));
        }
        out.add(FieldChange.of("mergedFrom", null, gone.id()));
        return out;
    }

    /**
     * Live contacts that may be one person ({@link NearDuplicates}), without the pairs marked "not the same
     * person", at most {@link #LIST_MAX}, ordered by birth date part and codes.
     */
    public List<PossibleDuplicate> possibleDuplicates() {
        return ws.read(Permission.CORRECT_ANY, tx -> {
            List<LiveCode> live = tx.merges().liveCodes();
            Set<String> apart = tx.merges().distinctPairs();
            List<NearDuplicates.Pair<LiveCode>> pairs = new ArrayList<>();
            for (NearDuplicates.Pair<LiveCode> p : NearDuplicates.find(live, LiveCode::uic)) {
                UUID[] key = MergeRepository.ordered(p.a().id(), p.b().id());
                if (!apart.contains(key[0] + "|" + key[1])) {
                    pairs.add(p);
                    if (pairs.size() == LIST_MAX) {
                        break;
                    }
                }
            }
            Set<UUID> ids = new HashSet<>();
            pairs.forEach(p -> {
                ids.add(p.a().id());
                ids.add(p.b().id());
            });
            Map<UUID, ContactListing> listings = tx.contacts().listingsById(ids);
            return pairs.stream().map(p -> new PossibleDuplicate(listings.get(p.a().id()), listings.get(p.b().id()),
                    p.why())).toList();
        });
    }
}
