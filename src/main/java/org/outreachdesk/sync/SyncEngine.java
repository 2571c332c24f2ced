package org.outreachdesk.sync;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.outreachdesk.domain.ChangeKind;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.FieldChange;
import org.outreachdesk.domain.RecordChange;
import org.outreachdesk.domain.RecordMeta;
import org.outreachdesk.domain.RecordType;
import org.outreachdesk.domain.SyncConflict;
import org.outreachdesk.store.LoggedChange;
import org.outreachdesk.store.LoggedChange.Op;
import org.outreachdesk.store.MergeRepository;
import org.outreachdesk.store.MergeRepository.Moved;
import org.outreachdesk.store.SyncRepository;
import org.outreachdesk.store.Tx;

/**
 * Team sync's engine (ADR 14): writes the changes a receiver lacks as a stream, and applies such a stream. Every
 * method works inside the caller's transaction ({@code Database.write} / {@code Workspace.write}); a stream applied
 * in one transaction is applied whole or, when anything fails (a damaged or truncated stream), not at all.
 *
 * <p>The stream: {@code int} magic {@code "ODCL"}, {@code short} format; then per change a {@code byte 1} and the
 * change ({@link CompactChanges}, format 2; format 1, still read: origin device (two {@code long}s), {@code long} seq,
 * {@code long} hlc, record type and id ({@code writeUTF}), {@code byte} op, {@code int} length and the change's fields
 * ({@link LoggedChange#payload()})); then {@code byte 0} and the {@code long} number of changes. Changes are in clock
 * order, which is causal order. A stream of a newer format is refused ({@link SyncFormatException#isNewerFormat}).
 */
public final class SyncEngine {

    /** The stream format this version writes and the newest it reads (it still reads format 1). */
    public static final short FORMAT = 2;
    private static final int MAGIC = 0x4F44434C;

    private SyncEngine() {
    }

    /** What an apply did. */
    public record Applied(int applied, int alreadyPresent, int waiting, int conflicts, int merged) {
    }

    /** Who applies (an automatic merge of one person under two ids is this vault's change, by this user). */
    public record Actor(RecordMeta.Author author, String userName, Instant now) {
    }

    /** This vault's version vector: per origin device, the highest sequence number it holds (every one below too). */
    public static Map<UUID, Long> vector(Tx tx) {
        return tx.sync().vector();
    }

    /**
     * Starts the change log as {@code deviceId} (when it is not started yet) and puts every record not in it yet into
     * it, one INSERT each with its values as they are. Call when a vault creates or joins a team. Answers the number
     * of records added.
     */
    public static int backfill(Tx tx, UUID deviceId) {
        return tx.sync().backfill(deviceId);
    }

    /** The device id this vault's change log writes under, once {@link #backfill} started it. */
    public static Optional<UUID> loggingDevice(Tx tx) {
        return tx.sync().loggingDevice();
    }

    /**
     * Called in the transaction that restores a backup (ADR 22): a vault that logs goes on under a new, random log id,
     * never reusing a (device, seq) its earlier self wrote after the backup was taken. Answers the new id; empty when
     * the vault does not log (nothing done).
     */
    public static Optional<UUID> startNewLog(Tx tx) {
        UUID next = UUID.randomUUID();
        return tx.sync().restartLog(next).map(before -> next);
    }

    /** Whether this vault logs its changes (it is in a team). */
    public static boolean logging(Tx tx) {
        return tx.sync().loggingDevice().isPresent();
    }

    /**
     * Writes every change the receiver lacks, given its vector (empty: everything), to {@code out} (not closed),
     * streamed from the log. Answers the number of changes written.
     */
    public static long write(Tx tx, Map<UUID, Long> receiverHas, OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(MAGIC);
        data.writeShort(FORMAT);
        long[] n = {0};
        CompactChanges.Writer changes = new CompactChanges.Writer(data);
        try {
            tx.sync().changesSince(receiverHas, c -> {
                try {
                    changes.write(c);
                    n[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        data.writeByte(0);
        data.writeLong(n[0]);
        data.flush();
        return n[0];
    }

    /**
     * Applies a stream written by {@link #write}, inside the caller's transaction. A change already held is skipped;
     * changes are applied in the stream's (causal) order, each only when it is the next of its device: at the first
     * that is not (a gap), it and every change after it wait for a later stream. Afterwards one person arriving under
     * two ids (same UIC, both live) is merged into the smaller id, and records that arrived for a contact merged here
     * follow it; both are changes of this vault, logged. A damaged stream throws (the caller's transaction rolls back).
     *
     * @throws SyncFormatException when the stream is not a change stream, is of a newer format, or is cut short
     */
    public static Applied apply(Tx tx, InputStream in, Actor actor) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int magic;
        try {
            magic = data.readInt();
        } catch (IOException e) {
            throw new SyncFormatException("not a change stream");
        }
        if (magic != MAGIC) {
            throw new SyncFormatException("not a change stream");
        }
        short format = data.readShort();
        if (format > FORMAT) {
            throw SyncFormatException.newerFormat(format);
        }
        if (format < 1) {
            throw new SyncFormatException("not a change stream");
        }
        CompactChanges.Reader compact = format >= 2 ? new CompactChanges.Reader(data) : null;
        SyncRepository sync = tx.sync();
        SyncRepository.Batch batch = sync.batch();
        Map<UUID, Long> vector = new HashMap<>(sync.vector());
        int applied = 0;
        int present = 0;
        int waiting = 0;
        int conflicts = 0;
        boolean gap = false;
        long count = 0;
        long maxHlc = 0;
        Map<UUID, Long> raised = new HashMap<>();
        Set<UUID> contacts = new LinkedHashSet<>();
        Set<UUID> encounters = new HashSet<>();
        try {
            while (true) {
                byte tag = data.readByte();
                if (tag == 0) {
                    if (data.readLong() != count) {
                        throw new SyncFormatException("a change stream with changes missing");
                    }
                    break;
                }
                if (tag != 1) {
                    throw new SyncFormatException("a damaged change stream");
                }
                LoggedChange c = compact != null ? compact.read() : readChange(data);
                count++;
                long have = vector.getOrDefault(c.device(), 0L);
                maxHlc = Math.max(maxHlc, c.hlc());
                if (c.seq() <= have) {
                    present++;
                } else if (gap || c.seq() != have + 1) {
                    gap = true;
                    waiting++;
                } else {
                    if (batch.apply(c)) {
                        conflicts++;
                    }
                    vector.put(c.device(), c.seq());
                    raised.put(c.device(), c.seq());
                    applied++;
                    if (c.recordType().equals("contact")) {
                        contacts.add(UUID.fromString(c.recordId()));
                    } else if (c.recordType().equals("encounter")) {
                        encounters.add(UUID.fromString(c.recordId()));
                    }
                }
            }
        } catch (EOFException e) {
            throw new SyncFormatException("a change stream cut short");
        } catch (UncheckedIOException e) {
            throw new SyncFormatException("a damaged change stream");
        }
        batch.flush();
        raised.forEach(sync::raiseVector);
        sync.observe(maxHlc);
        int merged = normalise(tx, contacts, encounters, actor);
        return new Applied(applied, present, waiting, conflicts, merged);
    }

    /** A change of a format 1 stream (ADR 14), as older versions write it. */
    private static LoggedChange readChange(DataInputStream data) throws IOException {
        UUID device = new UUID(data.readLong(), data.readLong());
        long seq = data.readLong();
        long hlc = data.readLong();
        String type = data.readUTF();
        String id = data.readUTF();
        int op = data.readUnsignedByte();
        if (op >= Op.values().length) {
            throw new SyncFormatException("a damaged change stream");
        }
        int length = data.readInt();
        if (length < 0 || length > 1_000_000) {
            throw new SyncFormatException("a damaged change stream");
        }
        byte[] payload = data.readNBytes(length);
        if (payload.length != length) {
            throw new SyncFormatException("a change stream cut short");
        }
        return new LoggedChange(device, seq, hlc, type, id, Op.values()[op], LoggedChange.fields(payload));
    }

    /**
     * After an apply: same UIC, same person (the smaller id stays, ADR 14); records of a merged-away contact follow
     * the contact it went into; derived facts of every contact touched recomputed. Answers the number of merges.
     */
    private static int normalise(Tx tx, Set<UUID> contacts, Set<UUID> encounters, Actor actor) {
        SyncRepository sync = tx.sync();
        int merges = 0;
        Set<UUID> touched = new HashSet<>(contacts);
        touched.addAll(sync.contactsOfEncounters(encounters));
        for (List<UUID> ids : sync.liveContactsSharingUic(contacts).values()) {
            List<UUID> sorted = new ArrayList<>(ids);
            sorted.sort(Comparator.comparing(UUID::toString));
            UUID keep = sorted.get(0);
            for (UUID gone : sorted.subList(1, sorted.size())) {
                merge(tx, keep, gone, actor);
                touched.add(keep);
                merges++;
            }
        }
        for (Map.Entry<UUID, UUID> e : sync.mergedContactsWithRecords().entrySet()) {
            UUID to = liveEnd(tx, e.getValue());
            moveRecords(tx, e.getKey(), to, actor);
            touched.add(to);
            touched.add(e.getKey());
        }
        if (!touched.isEmpty()) {
            tx.encounters().refreshFacts(touched);
        }
        return merges;
    }

    /** The live contact at the end of a chain of merges. */
    private static UUID liveEnd(Tx tx, UUID id) {
        UUID at = id;
        for (int i = 0; i < 100; i++) {
            UUID next = tx.merges().mergedInto(at).orElse(null);
            if (next == null) {
                return at;
            }
            at = next;
        }
        return at;
    }

    /** The merge of {@code MergeService.merge}, without its checks of role and seen versions (ADR 13, 14). */
    private static void merge(Tx tx, UUID keepId, UUID goneId, Actor actor) {
        Contact keep = tx.contacts().findById(keepId).orElseThrow();
        Contact gone = tx.contacts().findById(goneId).orElseThrow();
        RecordMeta goneAfter = gone.meta().touch(actor.author(), actor.now());
        RecordMeta keepAfter = keep.meta().touch(actor.author(), actor.now());
        MergeRepository m = tx.merges();
        m.markMerged(goneAfter, keepId);
        history(tx, historyId("merge", goneId, keepId, "gone"), RecordType.CONTACT, goneId, gone.meta().version(),
                goneAfter.version(), ChangeKind.MERGE, actor, List.of(FieldChange.of("mergedInto", null, keepId)));
        m.moveAliases(goneId, keepId);
        if (!gone.uic().equals(keep.uic()) && tx.merges().aliasOwner(gone.uic()).isEmpty()) {
            m.addAlias(gone.uic(), keepId, MergeRepository.AliasKind.MERGED, actor.author(), actor.now());
        }
        moveRecords(tx, goneId, keepId, actor);
        List<FieldChange> keptFields = new ArrayList<>();
        LocalDate first = keep.firstContactDate();
        if (gone.firstContactDate().isBefore(first)) {
            keptFields.add(FieldChange.of("firstContactDate", first, gone.firstContactDate()));
            first = gone.firstContactDate();
        }
        keptFields.add(FieldChange.of("mergedFrom", null, goneId));
        tx.contacts().update(new Contact(keepAfter, keep.uic(), keep.birthYear(), keep.gender(), keep.kpType(), first,
                keep.homeSiteId(), keep.assignedStaffId(), keep.status(), keep.statusDate(), keep.note()));
        history(tx, historyId("merge", goneId, keepId, "kept"), RecordType.CONTACT, keepId, keep.meta().version(),
                keepAfter.version(), ChangeKind.MERGE, actor, keptFields);
    }

    private static void moveRecords(Tx tx, UUID from, UUID to, Actor actor) {
        for (Moved r : tx.merges().moveRecords(from, to, actor.author(), actor.now())) {
            history(tx, historyId("move", r.type().name(), r.id(), from, to), r.type(), r.id(), r.baseVersion(),
                    r.baseVersion() + 1, ChangeKind.MOVE, actor, List.of(FieldChange.of("contactId", from, to)));
        }
    }

    /**
     * The id of an automatic merge's history row, the same on every vault that makes that merge (ADR 22): two laptops
     * merging one pair write one row, kept once everywhere (the later of the two INSERTs wins on every vault).
     */
    private static UUID historyId(String kind, Object... parts) {
        StringBuilder key = new StringBuilder("sync-").append(kind);
        for (Object p : parts) {
            key.append('|').append(p);
        }
        return UUID.nameUUIDFromBytes(key.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void history(Tx tx, UUID changeId, RecordType type, UUID id, int base, int next, ChangeKind kind,
                                Actor actor, List<FieldChange> fields) {
        // the same move made again here (its record came back under the old contact) is another row
        UUID rowId = tx.history().has(changeId) ? UUID.randomUUID() : changeId;
        tx.history().append(new RecordChange(rowId, type, id, kind, base, next, null, actor.now(),
                actor.author().userId(), actor.userName(), actor.author().deviceId(), fields));
    }

    /** Fields changed differently on two vaults and not resolved yet (the same list on every vault holding them). */
    public static List<SyncConflict> conflicts(Tx tx) {
        return tx.sync().conflicts();
    }

    /**
     * Resolves a conflict: {@code value} (canonical text: ISO dates, enum names, UUIDs, numbers, true/false; null for
     * empty) becomes the field's value by a change whose bases are every value the field had, so the choice travels
     * and ends the conflict on every vault.
     */
    public static void resolve(Tx tx, String recordType, String recordId, String field, String value) {
        tx.sync().resolve(recordType, recordId, field, value);
    }

    /** The shared content of this vault, one line per record, in a fixed order (tests compare vaults with it). */
    public static List<String> canonicalDump(Tx tx) {
        return tx.sync().canonicalDump();
    }
}
