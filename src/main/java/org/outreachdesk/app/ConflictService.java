package org.outreachdesk.app;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.ChangeKind;
import org.outreachdesk.domain.DirectoryEntry;
import org.outreachdesk.domain.FieldChange;
import org.outreachdesk.domain.RecordChange;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.domain.SyncConflict;
import org.outreachdesk.domain.TeamDevice;
import org.outreachdesk.store.Tx;
import org.outreachdesk.sync.SyncEngine;

/**
 * Team sync's conflicts (ADR 14): a field changed differently on two laptops keeps both values, shows the same
 * provisional one everywhere, and a coordinator chooses; the choice is a change that travels like any other.
 */
public final class ConflictService {

    private final Workspace ws;

    public ConflictService(Workspace ws) {
        this.ws = ws;
    }

    /**
     * Which record a conflict is about, in words a coordinator knows and never its UIC, note or HIV status: a date
     * (a contact's first contact, an encounter's, a referral's date made, an incident's), a site code, a code (an
     * encounter's worker, a site's or staff member's code, a directory entry's name) and a code type (a referral's
     * service, an incident's type). Any part may be null; all are null when the record is not found.
     */
    public record Subject(LocalDate date, String siteCode, String code, Enum<?> type) {

        static final Subject NONE = new Subject(null, null, null, null);
    }

    /**
     * One value of a conflicting field as the Conflicts screen shows it.
     *
     * @param device      the name of the laptop that made it, or null when this vault does not know that laptop (a
     *                    member knows only the hub and itself)
     * @param author      the user name the record's history gives for that change, or null when it names none
     * @param at          when it was made (the change's hybrid logical clock)
     * @param reference   for a field that names another record (a site, a worker, a directory entry): its code or
     *                    name; null otherwise
     * @param provisional whether it is the value every laptop shows until a coordinator chooses
     */
    public record Value(SyncConflict.Head head, String device, String author, Instant at, String reference,
                        boolean provisional) {
    }

    /** A conflict with what the screen needs to show it: the record in words and each value with its laptop. */
    public record Review(SyncConflict conflict, Subject subject, List<Value> values) {
    }

    /** The open conflicts, the same on every vault that holds the same changes. */
    public List<SyncConflict> list() {
        return ws.read(Permission.CORRECT_ANY, SyncEngine::conflicts);
    }

    /** How many conflicts are open (coordinators and above). */
    public int count() {
        return list().size();
    }

    /**
     * The open conflicts as the Conflicts screen shows them (coordinators and above): the record in words, each value
     * (the provisional one first) with the laptop that made it, its author and when.
     */
    public List<Review> review() {
        return ws.read(Permission.CORRECT_ANY, tx -> {
            Map<UUID, String> devices = deviceNames(tx);
            return SyncEngine.conflicts(tx).stream().map(c -> review(tx, c, devices)).toList();
        });
    }

    /**
     * Chooses a field's value (canonical text, e.g. one of the conflict's heads' values); every value the field had
     * is replaced by it. The audit entry names the record and the field, never the value.
     */
    public void resolve(SyncConflict c, String value) {
        ws.write(Permission.CORRECT_ANY, AuditAction.UPDATE, c.recordType(), c.recordId(), "conflict " + c.field(),
                tx -> {
                    SyncEngine.resolve(tx, c.recordType(), c.recordId(), c.field(), value);
                    return null;
                });
    }

    /** Vault device ids (the change log's origins) to the laptops' names this vault knows. */
    private Map<UUID, String> deviceNames(Tx tx) {
        Map<UUID, String> names = new HashMap<>();
        for (TeamDevice d : tx.team().devices()) {
            if (d.vaultDevice() != null) {
                names.put(d.vaultDevice(), d.name());
            }
            if (d.hub()) {
                names.putIfAbsent(d.id(), d.name());
            }
        }
        tx.team().team().flatMap(t -> tx.team().devices().stream().filter(d -> d.id().equals(t.selfDevice()))
                .findFirst()).ifPresent(self -> names.putIfAbsent(ws.author().deviceId(), self.name()));
        return names;
    }

    private static Review review(Tx tx, SyncConflict c, Map<UUID, String> devices) {
        Optional<UUID> id = uuid(c.recordId());
        Subject subject = id.map(i -> subject(tx, c.recordType(), i)).orElse(Subject.NONE);
        List<RecordChange> history = id.map(i -> tx.history().forRecord(i)).orElse(List.of());
        SyncConflict.Head provisional = c.provisional();
        List<Value> values = c.heads().stream()
                .sorted(Comparator.comparing((SyncConflict.Head h) -> h != provisional).thenComparing(
                        SyncConflict.WINNER.reversed()))
                .map(h -> new Value(h, devices.get(h.device()), author(history, c.field(), h), at(h),
                        reference(tx, c.field(), h.value()), h == provisional))
                .toList();
        return new Review(c, subject, values);
    }

    /** The change's time: its hybrid logical clock is wall-clock milliseconds × 65,536 + a counter (ADR 14). */
    static Instant at(SyncConflict.Head h) {
        return Instant.ofEpochMilli(h.hlc() >>> 16);
    }

    private static Subject subject(Tx tx, String type, UUID id) {
        Function<UUID, String> site = s -> s == null ? null : tx.sites().findById(s).map(Site::code).orElse(null);
        Function<UUID, String> staff = s -> s == null ? null : tx.staff().findById(s).map(Staff::code).orElse(null);
        return switch (type) {
            case "contact" -> tx.contacts().findById(id)
                    .map(c -> new Subject(c.firstContactDate(), site.apply(c.homeSiteId()), null, null))
                    .orElse(Subject.NONE);
            case "encounter" -> tx.encounters().findById(id)
                    .map(e -> new Subject(e.date(), site.apply(e.siteId()), staff.apply(e.staffId()), null))
                    .orElse(Subject.NONE);
            case "referral" -> tx.referrals().findById(id)
                    .map(r -> new Subject(r.madeDate(), null, null, r.serviceType())).orElse(Subject.NONE);
            case "incident" -> tx.incidents().findById(id)
                    .map(i -> new Subject(i.date(), site.apply(i.siteId()), null, i.type())).orElse(Subject.NONE);
            case "site" -> new Subject(null, null, site.apply(id), null);
            case "staff" -> new Subject(null, null, staff.apply(id), null);
            case "directory_entry" -> new Subject(null, null,
                    tx.directory().findById(id).map(DirectoryEntry::name).orElse(null), null);
            default -> Subject.NONE;
        };
    }

    /** For a field naming a site, a worker or a directory entry: that record's code or name. */
    private static String reference(Tx tx, String field, String value) {
        Optional<UUID> id = uuid(value);
        if (id.isEmpty()) {
            return null;
        }
        if (field.endsWith("site_id")) {
            return tx.sites().findById(id.get()).map(Site::code).orElse(null);
        }
        if (field.endsWith("staff_id")) {
            return tx.staff().findById(id.get()).map(Staff::code).orElse(null);
        }
        if (field.equals("directory_entry_id")) {
            return tx.directory().findById(id.get()).map(DirectoryEntry::name).orElse(null);
        }
        return null;
    }

    /**
     * The author of the change that set a value: the history entry of the record made on the same laptop that names
     * the field (a void or correction for {@code voided}), nearest in time. The history travels with the records, so
     * the hub names a member's user though the user stays on the member.
     */
    private static String author(List<RecordChange> history, String field, SyncConflict.Head h) {
        long at = at(h).toEpochMilli();
        return history.stream()
                .filter(r -> h.device().equals(r.originDevice()) && names(r, field))
                .min(Comparator.comparingLong(r -> Math.abs(r.at().toEpochMilli() - at)))
                .map(RecordChange::byName).orElse(null);
    }

    private static boolean names(RecordChange r, String field) {
        if (field.equals("voided")) {
            return r.kind() == ChangeKind.VOID || r.kind() == ChangeKind.CORRECT;
        }
        String wanted = field.replace("_", "").toLowerCase(Locale.ROOT);
        return r.fields().stream().map(FieldChange::field)
                .anyMatch(f -> f.replace("_", "").toLowerCase(Locale.ROOT).equals(wanted));
    }

    private static Optional<UUID> uuid(String text) {
        if (text == null || text.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
