package org.outreachdesk.app;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.outreachdesk.app.EncounterService.Draft;
import org.outreachdesk.app.EncounterService.ReferralRequest;
import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.ChangeKind;
import org.outreachdesk.domain.Commodity;
import org.outreachdesk.domain.CommodityMovement;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.Encounter;
import org.outreachdesk.domain.FieldChange;
import org.outreachdesk.domain.MovementKind;
import org.outreachdesk.domain.RecordChange;
import org.outreachdesk.domain.RecordMeta;
import org.outreachdesk.domain.RecordType;
import org.outreachdesk.domain.Referral;
import org.outreachdesk.domain.ReferralStatus;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.domain.VoidReason;
import org.outreachdesk.store.ConcurrentChangeException;
import org.outreachdesk.store.Tx;

/**
 * Corrects and voids saved encounters (issue 14, ADR 13), and shows their history. Each correction or void is one
 * durable transaction with: the permission rule ({@link Corrections#requireMayChange}), the checks of saving, the
 * optimistic check on the version the form was opened on, the encounter's history row (only the fields that
 * changed), its audit entry (field names only) and the derived data: the encounter's hand-outs follow its
 * quantities (voided with it, so the stock goes back up), its pending referrals are voided with it, and the
 * contact's first-encounter and known-positive dates are recomputed from live encounters.
 */
public final class EncounterCorrectionService {

    /** The encounter's fields as the history names them (the desk's field names). */
    static final String DATE = "date";
    static final String SITE = "site";
    static final String WORKER = "worker";
    static final String TYPE = "type";
    static final String EDUCATION = "education";
    static final String DEMO = "condomDemo";
    static final String HIV = "hivStatus";
    static final String STI = "stiScreened";
    static final String NOTE = "note";
    static final String REFERRALS = "referrals";
    static final String VOIDED = "voided";

    private final Workspace ws;
    private final EncounterService saving;

    public EncounterCorrectionService(Workspace ws) {
        this.ws = ws;
        this.saving = new EncounterService(ws);
    }

    /** A saved encounter as the correction form opens it. */
    public record Opened(Encounter encounter, String uic, List<Referral> referrals, boolean mayChange) {
        public Opened {
            referrals = List.copyOf(referrals);
        }

        /** The encounter as a draft for the form (no referrals to add yet). */
        public Draft draft() {
            Encounter e = encounter;
            return Draft.builder().contact(e.contactId()).date(e.date()).staff(e.staffId()).site(e.siteId())
                    .services(e.type(), e.education(), e.condomDemo(), e.hivStatus(), e.stiScreened())
                    .quantities(e.quantities().maleCondoms(), e.quantities().femaleCondoms(),
                            e.quantities().lubricants(), e.quantities().hivSelfTests())
                    .note(e.note()).build();
        }
    }

    /** One row of the encounter list: the encounter (voided ones too) with its contact's UIC, site and worker codes. */
    public record Listed(Encounter encounter, String uic, String siteCode, String staffCode) {
        @Override
        public String toString() {
            return "Listed[" + encounter + "]";
        }
    }

    /** What a correction did: the encounter as it is now, and the history row (null when nothing changed). */
    public record Corrected(Encounter encounter, RecordChange change) {
    }

    /** Opens an encounter for the correction form (voided ones too: they show their reason). */
    public Opened open(UUID encounterId) {
        return ws.read(Permission.RECORDS, tx -> {
            Encounter e = find(tx, encounterId);
            String uic = tx.contacts().findById(e.contactId()).map(c -> c.uic().value()).orElse("");
            return new Opened(e, uic, tx.referrals().liveOf(encounterId), !e.voided() && Corrections.mayChange(ws, e.meta()));
        });
    }

    /** Whether the signed-in user may correct or void an encounter with this metadata (the screens ask). */
    public boolean mayChange(RecordMeta meta) {
        return Corrections.mayChange(ws, meta);
    }

    /**
     * Corrects the encounter opened at {@code baseVersion} to the values of {@code d} (its contact stays: a wrong
     * person is a void). {@code d.referrals()} are referrals to add. Nothing is written when nothing changed.
     *
     * @throws InvalidFieldsException        naming each field that is wrong (nothing stored)
     * @throws SafeguardingRequiredException when the contact is under 18 and recorded as a sex worker
     * @throws InvalidInputException         when the encounter changed elsewhere, is voided or gone
     * @throws AccessDeniedException         when the user may not change this encounter
     */
    public Corrected correct(UUID encounterId, int baseVersion, Draft d) {
        ws.require(Permission.RECORDS);
        Objects.requireNonNull(d, "d");
        // the audit entry names the fields changed, so they are worked out first from the version the form opened;
        // the transaction then checks that version is still the one stored (else: changed elsewhere)
        Corrected seen = ws.read(Permission.RECORDS, tx -> {
            Encounter e = find(tx, encounterId);
            return new Corrected(e, null);
        });
        // a form's shape is checked before the changed fields are worked out (a missing date is a problem, not a crash)
        List<FieldProblem> shape = saving.checkShape(d.toBuilder().contact(seen.encounter().contactId()).build());
        if (!shape.isEmpty()) {
            throw new InvalidFieldsException(shape);
        }
        String names = String.join(",", fields(seen.encounter(), corrected(seen.encounter(), d, seen.encounter().meta()),
                ws.read(Permission.RECORDS, tx -> tx.referrals().liveOf(encounterId)), d.referrals())
                .stream().map(FieldChange::field).toList());
        if (names.isEmpty() && seen.encounter().meta().version() == baseVersion && !seen.encounter().voided()) {
            Corrections.requireMayChange(ws, seen.encounter().meta());
            return seen;
        }
        return OpsChecks.concurrently(() -> ws.write(Permission.RECORDS, AuditAction.UPDATE, "encounter",
                encounterId.toString(), names, tx -> {
                    Encounter before = open(tx, encounterId, baseVersion);
                    Draft draft = d.toBuilder().contact(before.contactId()).build();
                    Staff worker = check(tx, before, draft);
                    Encounter after = corrected(before, draft, ws.touch(before.meta()));
                    List<FieldChange> fields = fields(before, after, tx.referrals().liveOf(encounterId),
                            draft.referrals());
                    tx.encounters().update(after);
                    RecordChange change = Corrections.keep(ws, tx, RecordType.ENCOUNTER, before.meta(), after.meta(),
                            ChangeKind.CORRECT, null, fields);
                    followHandouts(tx, after, worker.team());
                    addReferrals(tx, after, draft.referrals());
                    tx.encounters().refreshFacts(List.of(after.contactId()));
                    return new Corrected(after, change);
                }));
    }

    /** The encounter {@code e} with the values of {@code d} (its contact stays) and the metadata {@code meta}. */
    private static Encounter corrected(Encounter e, Draft d, RecordMeta meta) {
        return new Encounter(meta, e.contactId(), d.date(), d.staffId(), d.siteId(), d.type(), d.education(),
                d.condomDemo(), new Encounter.Quantities(Math.max(0, d.maleCondoms()), Math.max(0, d.femaleCondoms()),
                Math.max(0, d.lubricants()), Math.max(0, d.hivSelfTests())), d.hivStatus(), d.stiScreened(),
                ContactService.blankToNull(d.note()));
    }

    /**
     * Voids the encounter opened at {@code baseVersion}: kept, marked with the reason, left out of every count; its
     * hand-outs are voided (the stock goes back up) and so are its pending referrals.
     */
    public Encounter voidEncounter(UUID encounterId, int baseVersion, VoidReason reason) {
        ws.require(Permission.RECORDS);
        Objects.requireNonNull(reason, "reason");
        return OpsChecks.concurrently(() -> ws.write(Permission.RECORDS, AuditAction.UPDATE, "encounter",
                encounterId.toString(), VOIDED, tx -> {
                    Encounter before = open(tx, encounterId, baseVersion);
                    RecordMeta after = ws.touch(before.meta());
                    tx.voids().mark(RecordType.ENCOUNTER, after, reason);
                    Corrections.keep(ws, tx, RecordType.ENCOUNTER, before.meta(), after, ChangeKind.VOID, reason,
                            List.of(FieldChange.of(VOIDED, false, true)));
                    for (CommodityMovement m : tx.stock().handoutsOf(encounterId)) {
                        voidDerived(tx, RecordType.MOVEMENT, m.meta(), reason);
                    }
                    for (Referral r : tx.referrals().pendingOf(encounterId)) {
                        voidDerived(tx, RecordType.REFERRAL, r.meta(), reason);
                    }
                    tx.encounters().refreshFacts(List.of(before.contactId()));
                    return new Encounter(after, before.contactId(), before.date(), before.staffId(), before.siteId(),
                            before.type(), before.education(), before.condomDemo(), before.quantities(),
                            before.hivStatus(), before.stiScreened(), before.note(), reason);
                }));
    }

    /** The most rows one page of {@link #list} holds. */
    public static final int PAGE_MAX = 500;

    /**
     * A page of the encounter list: dated in [from, to] (either null: open), at one site and/or by one worker (null:
     * any), newest first, voided ones included so that they can be shown struck through.
     */
    public Paged<Listed> list(LocalDate from, LocalDate to, UUID siteId, UUID staffId, int offset, int limit) {
        OpsChecks.page(offset, limit);
        return ws.read(Permission.RECORDS, tx -> new Paged<>(
                tx.encounters().listing(from, to, siteId, staffId, offset, limit).stream()
                        .map(r -> new Listed(r.encounter(), r.uic(), r.siteCode(), r.staffCode())).toList(),
                tx.encounters().listingCount(from, to, siteId, staffId), offset, limit));
    }

    /** Every correction and void of an encounter, oldest first. */
    public List<RecordChange> historyOf(UUID encounterId) {
        return ws.read(Permission.RECORDS, tx -> tx.history().forRecord(encounterId));
    }

    // --- inside the transaction ------------------------------------------------------------------------

    private static Encounter find(Tx tx, UUID id) {
        return tx.encounters().findById(id).orElseThrow(() ->
                new InvalidInputException("the encounter is no longer in the vault").keyed("encounter.gone"));
    }

    /** The encounter, checked: still at the version the form opened, live, and the user may change it. */
    private Encounter open(Tx tx, UUID id, int baseVersion) {
        Encounter e = find(tx, id);
        Corrections.requireMayChange(ws, e.meta());
        if (e.meta().version() != baseVersion || e.voided()) {
            throw new ConcurrentChangeException("encounter");
        }
        return e;
    }

    /** The checks of saving; a site or worker deactivated since may stay, the natural key leaves itself out. */
    private Staff check(Tx tx, Encounter before, Draft d) {
        List<FieldProblem> p = saving.checkShape(d);
        if (p.isEmpty()) {
            Contact contact = tx.contacts().findById(before.contactId()).orElse(null);
            EncounterService.checkAgainst(tx, d, p, false, contact);
            p.removeIf(x -> x.code().equals(ProblemCode.INACTIVE.code())
                    && (x.field().equals(SITE) && d.siteId().equals(before.siteId())
                    || x.field().equals(WORKER) && d.staffId().equals(before.staffId())));
        }
        if (p.isEmpty()) {
            Set<ServiceType> live = tx.referrals().liveOf(before.id()).stream().map(Referral::serviceType)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(ServiceType.class)));
            for (ReferralRequest r : d.referrals()) {
                if (live.contains(r.service())) {
                    p.add(FieldProblem.of("referral." + r.service().code(), ProblemCode.REFERRAL_TWICE,
                            "This service was already chosen at this encounter"));
                }
            }
            if (tx.encounters().findNatural(before.contactId(), d.date(), d.staffId(), d.siteId(), before.id())
                    .isPresent()) {
                p.add(EncounterService.alreadyRecorded());
            }
        }
        if (!p.isEmpty()) {
            throw new InvalidFieldsException(p);
        }
        return tx.staff().findById(d.staffId()).orElseThrow();
    }

    /** The fields that differ, in canonical text; referrals as the services chosen (codes, sorted). */
    static List<FieldChange> fields(Encounter a, Encounter b, List<Referral> had, List<ReferralRequest> added) {
        List<FieldChange> out = new ArrayList<>();
        add(out, DATE, a.date(), b.date());
        add(out, SITE, a.siteId(), b.siteId());
        add(out, WORKER, a.staffId(), b.staffId());
        add(out, TYPE, a.type(), b.type());
        add(out, EDUCATION, a.education(), b.education());
        add(out, DEMO, a.condomDemo(), b.condomDemo());
        for (Commodity c : Commodity.values()) {
            add(out, EncounterService.QUANTITY_FIELDS.get(c), a.quantities().of(c), b.quantities().of(c));
        }
        add(out, HIV, a.hivStatus(), b.hivStatus());
        add(out, STI, a.stiScreened(), b.stiScreened());
        add(out, NOTE, a.note(), b.note());
        if (!added.isEmpty()) {
            List<String> before = had.stream().map(r -> r.serviceType().code()).sorted().toList();
            List<String> after = new ArrayList<>(before);
            added.forEach(r -> after.add(r.service().code()));
            after.sort(null);
            add(out, REFERRALS, String.join(",", before), String.join(",", after));
        }
        return out;
    }

    private static void add(List<FieldChange> out, String field, Object before, Object after) {
        if (FieldChange.differs(before, after)) {
            out.add(FieldChange.of(field, before, after));
        }
    }

    /** The encounter's hand-outs follow its quantities, date and worker's team (each change kept in history). */
    private void followHandouts(Tx tx, Encounter e, String team) {
        Map<Commodity, CommodityMovement> had = tx.stock().handoutsOf(e.id()).stream()
                .collect(Collectors.toMap(CommodityMovement::commodity, m -> m, (x, y) -> x));
        for (Commodity c : Commodity.values()) {
            int q = e.quantities().of(c);
            CommodityMovement m = had.get(c);
            if (m == null) {
                if (q > 0) {
                    tx.stock().insert(new CommodityMovement(ws.newMeta(), e.date(), c, MovementKind.HANDOUT, -q, team,
                            e.id(), null));
                }
            } else if (q == 0) {
                voidDerived(tx, RecordType.MOVEMENT, m.meta(), VoidReason.WRONG_DETAILS);
            } else {
                CommodityMovement n = new CommodityMovement(ws.touch(m.meta()), e.date(), c, MovementKind.HANDOUT, -q,
                        team, e.id(), m.note());
                List<FieldChange> f = new ArrayList<>();
                add(f, "date", m.date(), n.date());
                add(f, "quantity", m.quantity(), n.quantity());
                add(f, "team", m.team(), n.team());
                if (!f.isEmpty()) {
                    tx.stock().updateHandout(n);
                    Corrections.keep(ws, tx, RecordType.MOVEMENT, m.meta(), n.meta(), ChangeKind.CORRECT, null, f);
                }
            }
        }
    }

    private void addReferrals(Tx tx, Encounter e, List<ReferralRequest> added) {
        for (ReferralRequest r : added) {
            tx.referrals().insert(new Referral(ws.newMeta(), e.contactId(), e.id(), r.service(), r.destinationId(),
                    e.date(), r.dueDate() == null ? e.date().plusDays(EncounterService.FOLLOW_UP_DAYS) : r.dueDate(),
                    ReferralStatus.PENDING, null, null));
        }
    }

    /** Voids a record derived from the encounter (a hand-out, a pending referral), with its own history row. */
    private void voidDerived(Tx tx, RecordType type, RecordMeta before, VoidReason reason) {
        RecordMeta after = ws.touch(before);
        tx.voids().mark(type, after, reason);
        Corrections.keep(ws, tx, type, before, after, ChangeKind.VOID, reason, List.of(FieldChange.of(VOIDED, false, true)));
    }
}
