package org.outreachdesk.store;

import static org.outreachdesk.store.jooq.Tables.CHANGE_LOG;
import static org.outreachdesk.store.jooq.Tables.COMMODITY_MOVEMENT;
import static org.outreachdesk.store.jooq.Tables.CONTACT;
import static org.outreachdesk.store.jooq.Tables.CONTACT_ALIAS;
import static org.outreachdesk.store.jooq.Tables.DIRECTORY_ENTRY;
import static org.outreachdesk.store.jooq.Tables.DIRECTORY_SERVICE;
import static org.outreachdesk.store.jooq.Tables.DISTINCT_CONTACTS;
import static org.outreachdesk.store.jooq.Tables.ENCOUNTER;
import static org.outreachdesk.store.jooq.Tables.FIELD_HEAD;
import static org.outreachdesk.store.jooq.Tables.INCIDENT;
import static org.outreachdesk.store.jooq.Tables.RECORD_CHANGE;
import static org.outreachdesk.store.jooq.Tables.RECORD_CHANGE_FIELD;
import static org.outreachdesk.store.jooq.Tables.REFERRAL;
import static org.outreachdesk.store.jooq.Tables.SAFEGUARDING_SCREEN;
import static org.outreachdesk.store.jooq.Tables.SITE;
import static org.outreachdesk.store.jooq.Tables.STAFF;
import static org.outreachdesk.store.jooq.Tables.SYNC_STATE;
import static org.outreachdesk.store.jooq.Tables.SYNC_VECTOR;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.jooq.BatchBindStep;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

import org.outreachdesk.domain.SyncConflict;
import org.outreachdesk.domain.SyncConflict.Head;
import org.outreachdesk.store.LoggedChange.FieldValue;
import org.outreachdesk.store.LoggedChange.Op;
import org.outreachdesk.store.LoggedChange.Ref;

/**
 * The change log (schema V12, ADR 14): captured changes ({@link ChangeCapture}), the version vector, the heads of
 * changed fields, and applying changes received from another vault. Tables and fields are handled generically, by
 * name: a record type is its table's name, a record id its primary key as canonical text.
 */
public final class SyncRepository {

    /**
     * The tables a team shares, parents before children (the order records are backfilled in). Never here: users,
     * settings, audit trail, and this log itself.
     */
    public static final List<Table<?>> TABLES = List.of(SITE, STAFF, DIRECTORY_ENTRY, DIRECTORY_SERVICE, CONTACT,
            ENCOUNTER, REFERRAL, INCIDENT, SAFEGUARDING_SCREEN, COMMODITY_MOVEMENT, CONTACT_ALIAS, DISTINCT_CONTACTS,
            RECORD_CHANGE, RECORD_CHANGE_FIELD);

    /** Columns that are this vault's own: its optimistic version and facts it derives from encounters. */
    static final Set<String> LOCAL = Set.of("row_version", "first_encounter_date", "known_positive_since");
    /** Who touched a record last, when: sent with a change, never a conflict, not part of a record's content. */
    static final Set<String> TOUCH = Set.of("updated_at", "updated_by");

    private static final Map<String, Table<?>> BY_NAME = new HashMap<>();

    static {
        for (Table<?> t : TABLES) {
            BY_NAME.put(t.getName().toLowerCase(Locale.ROOT), t);
        }
    }

    /** Rows per batch when many are written at once (a backfill, an apply). */
    private static final int BATCH = 1_000;
    /** Tables whose rows carry a unique name that an INSERT may have to mark ({@link #sameNaturalKey}). */
    private static final Set<Table<?>> NAMED = Set.of(SITE, STAFF, DIRECTORY_ENTRY);

    private final DSLContext dsl;

    public SyncRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    private static Ref ref(Head h) {
        return new Ref(h.device(), h.seq());
    }

    // ---------------------------------------------------------------------------------------------- state

    /** This vault's device id when it logs changes (it is in a team); empty before. */
    public Optional<UUID> loggingDevice() {
        return dsl.select(SYNC_STATE.DEVICE_ID).from(SYNC_STATE).fetchOptional(r -> r.value1());
    }

    /**
     * A restored copy of a vault that logs (ADR 22): from now on it logs under {@code device}, a new id, so that it never
     * gives again a (device, seq) its earlier self may have sent. The changes of the old id stay (they are held, and
     * the missing tail comes back from the hub). Answers the id it logged under before; empty (nothing done) when the
     * vault does not log.
     */
    public Optional<UUID> restartLog(UUID device) {
        Optional<UUID> before = loggingDevice();
        before.ifPresent(b -> dsl.update(SYNC_STATE).set(SYNC_STATE.DEVICE_ID, device).execute());
        return before;
    }

    /** Per origin device, the highest sequence held. */
    public Map<UUID, Long> vector() {
        Map<UUID, Long> out = new LinkedHashMap<>();
        dsl.selectFrom(SYNC_VECTOR).orderBy(SYNC_VECTOR.ORIGIN_DEVICE)
                .forEach(r -> out.put(r.getOriginDevice(), r.getMaxSeq()));
        return out;
    }

    /**
     * Starts logging as {@code device} (when not yet) and puts every record that is not in the log yet into it, as
     * one INSERT with its values as they are. Answers the number of records added.
     */
    public int backfill(UUID device) {
        ChangeCapture.startingLog();
        if (loggingDevice().isEmpty()) {
            dsl.insertInto(SYNC_STATE).set(SYNC_STATE.DEVICE_ID, device).set(SYNC_STATE.LAST_HLC, 0L).execute();
        }
        LocalLog log = new LocalLog();
        int n = 0;
        for (Table<?> t : TABLES) {
            String type = t.getName().toLowerCase(Locale.ROOT);
            // a first backfill finds the type's log empty and checks nothing per record
            log.flush();
            boolean someLogged = dsl.fetchExists(CHANGE_LOG, CHANGE_LOG.RECORD_TYPE.eq(type));
            List<Record> contacts = new ArrayList<>();
            // in the order the rows are stored, not by key: a UUID key's order is random on disk, and a million rows
            // read through it cost a page read (and its decryption) each; parents come first by TABLES, and a
            // merged contact after the one it went into by parentsFirst below
            try (Cursor<? extends Record> rows = dsl.selectFrom(t).fetchLazy()) {
                for (Record r : rows) {
                    String id = idOf(t, r);
                    if (someLogged && dsl.fetchExists(CHANGE_LOG, CHANGE_LOG.RECORD_TYPE.eq(type), CHANGE_LOG.RECORD_ID.eq(id))) {
                        continue;
                    }
                    if (t == CONTACT) {
                        contacts.add(r); // a merged contact after the one it went into: ordered below
                    } else {
                        log.add(type, id, Op.INSERT, insertFields(t, r));
                        n++;
                    }
                }
            }
            for (Record r : parentsFirst(contacts)) {
                log.add(type, idOf(t, r), Op.INSERT, insertFields(t, r));
                n++;
            }
        }
        log.close();
        return n;
    }

    private static List<FieldValue> insertFields(Table<?> t, Record r) {
        List<FieldValue> fields = new ArrayList<>();
        for (Field<?> f : t.fields()) {
            String name = name(f);
            if (!LOCAL.contains(name)) {
                fields.add(new FieldValue(name, text(r.get(f)), List.of()));
            }
        }
        return fields;
    }

    /**
     * Many changes of this vault logged at once (a backfill): sequence numbers and clock counted here, the log rows
     * inserted in batches, the clock and the vector written once at the end ({@link #close}).
     */
    private final class LocalLog {
        private final UUID device;
        private long seq;
        private long hlc;
        private final List<LoggedChange> pending = new ArrayList<>();

        LocalLog() {
            Record st = dsl.select(SYNC_STATE.DEVICE_ID, SYNC_STATE.LAST_HLC).from(SYNC_STATE).fetchOne();
            device = st.get(SYNC_STATE.DEVICE_ID);
            hlc = st.get(SYNC_STATE.LAST_HLC);
            seq = vector().getOrDefault(device, 0L);
        }

        void add(String type, String id, Op op, List<FieldValue> fields) {
            hlc = Math.max(System.currentTimeMillis() << 16, hlc + 1);
            seq++;
            pending.add(new LoggedChange(device, seq, hlc, type, id, op, fields));
            if (pending.size() >= BATCH) {
                flush();
            }
        }

        void flush() {
            insertLogRows(pending);
            pending.clear();
        }

        void close() {
            flush();
            dsl.update(SYNC_STATE).set(SYNC_STATE.LAST_HLC, hlc).where(SYNC_STATE.LAST_HLC.lt(hlc)).execute();
            if (seq > 0) {
                raiseVector(device, seq);
            }
        }
    }

    /** Contacts merged into another after that other (a merged contact names the one it went into). */
    private static List<Record> parentsFirst(List<Record> contacts) {
        List<Record> out = new ArrayList<>();
        Set<Object> placed = new HashSet<>();
        List<Record> left = new ArrayList<>(contacts);
        while (!left.isEmpty()) {
            List<Record> next = new ArrayList<>();
            Set<Object> waiting = new HashSet<>();
            left.forEach(r -> waiting.add(r.get(CONTACT.ID)));
            for (Record r : left) {
                Object into = r.get(CONTACT.MERGED_INTO);
                if (into == null || placed.contains(into) || !waiting.contains(into)) {
                    out.add(r);
                    placed.add(r.get(CONTACT.ID));
                } else {
                    next.add(r);
                }
            }
            if (next.size() == left.size()) {
                out.addAll(next);
                break;
            }
            left = next;
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------- capture

    /**
     * A row written locally ({@link ChangeCapture}): logged as this vault's next change when it logs. Answers whether
     * the vault logs (false: nothing was done).
     */
    boolean captured(String type, List<String> columns, Object[] oldRow, Object[] newRow) {
        if (loggingDevice().isEmpty()) {
            return false;
        }
        Table<?> t = BY_NAME.get(type);
        if (t == null) {
            return true;
        }
        Object[] keyRow = newRow != null ? newRow : oldRow;
        String id = idOf(t, columns, keyRow);
        if (oldRow == null) {
            List<FieldValue> fields = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                if (!LOCAL.contains(columns.get(i))) {
                    fields.add(new FieldValue(columns.get(i), text(newRow[i]), List.of()));
                }
            }
            logLocal(type, id, Op.INSERT, fields);
        } else if (newRow == null) {
            logLocal(type, id, Op.DELETE, List.of());
        } else {
            List<FieldValue> fields = new ArrayList<>();
            Map<String, List<Head>> heads = new HashMap<>();
            boolean content = false;
            for (int i = 0; i < columns.size(); i++) {
                String c = columns.get(i);
                String before = text(oldRow[i]);
                String after = text(newRow[i]);
                if (LOCAL.contains(c) || Objects.equals(before, after)) {
                    continue;
                }
                if (TOUCH.contains(c)) {
                    fields.add(new FieldValue(c, after, List.of()));
                    continue;
                }
                List<Head> hs = heads(type, id, c, before);
                heads.put(c, hs);
                // a plain edit replaces the value the user saw: the provisional winner (and heads that agree with it)
                String seen = hs.isEmpty() ? before : hs.stream().max(SyncConflict.WINNER).orElseThrow().value();
                List<Ref> bases = hs.stream().filter(h -> Objects.equals(h.value(), seen)).map(SyncRepository::ref).toList();
                fields.add(new FieldValue(c, after, bases));
                content = true;
            }
            int voided = columns.indexOf("voided");
            if (content && voided >= 0 && !heads.containsKey("voided")) {
                // a correction is made on a live record: it restates "not voided", so a void made meanwhile on
                // another laptop is a conflict on `voided` (both kept, one provisional), never silently overruled
                String now = text(newRow[voided]);
                List<Head> hs = heads(type, id, "voided", now);
                heads.put("voided", hs);
                fields.add(new FieldValue("voided", now, hs.stream().filter(h -> Objects.equals(h.value(), now))
                        .map(SyncRepository::ref).toList()));
            }
            if (content) {
                LoggedChange ch = logLocal(type, id, Op.UPDATE, fields);
                for (FieldValue f : ch.fields()) {
                    if (heads.containsKey(f.name())) {
                        writeHeads(type, id, f.name(), heads.get(f.name()), f.bases(),
                                new Head(ch.device(), ch.seq(), ch.hlc(), f.value()));
                    }
                }
            }
        }
        return true;
    }

    /** Logs a change of this vault: its next sequence number and clock. */
    private LoggedChange logLocal(String type, String id, Op op, List<FieldValue> fields) {
        Record st = dsl.select(SYNC_STATE.DEVICE_ID, SYNC_STATE.LAST_HLC).from(SYNC_STATE).fetchOne();
        UUID device = st.get(SYNC_STATE.DEVICE_ID);
        long hlc = Math.max(System.currentTimeMillis() << 16, st.get(SYNC_STATE.LAST_HLC) + 1);
        long seq = vector().getOrDefault(device, 0L) + 1;
        LoggedChange c = new LoggedChange(device, seq, hlc, type, id, op, fields);
        append(c);
        dsl.update(SYNC_STATE).set(SYNC_STATE.LAST_HLC, hlc).execute();
        return c;
    }

    private void append(LoggedChange c) {
        insertLogRow(c);
        raiseVector(c.device(), c.seq());
    }

    /** Log rows in one prepared statement, run as a batch. */
    private void insertLogRows(List<LoggedChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        BatchBindStep batch = dsl.batch(dsl.insertInto(CHANGE_LOG, CHANGE_LOG.ORIGIN_DEVICE, CHANGE_LOG.SEQ,
                CHANGE_LOG.HLC, CHANGE_LOG.RECORD_TYPE, CHANGE_LOG.RECORD_ID, CHANGE_LOG.OP, CHANGE_LOG.PAYLOAD)
                .values((UUID) null, null, null, null, null, null, null));
        for (LoggedChange c : changes) {
            batch.bind(c.device(), c.seq(), c.hlc(), c.recordType(), c.recordId(), c.op().name(), c.payload());
        }
        batch.execute();
    }

    private void insertLogRow(LoggedChange c) {
        dsl.insertInto(CHANGE_LOG)
                .set(CHANGE_LOG.ORIGIN_DEVICE, c.device())
                .set(CHANGE_LOG.SEQ, c.seq())
                .set(CHANGE_LOG.HLC, c.hlc())
                .set(CHANGE_LOG.RECORD_TYPE, c.recordType())
                .set(CHANGE_LOG.RECORD_ID, c.recordId())
                .set(CHANGE_LOG.OP, c.op().name())
                .set(CHANGE_LOG.PAYLOAD, c.payload())
                .execute();
    }

    /** Records that every change of {@code device} up to {@code seq} is held (never lowers it). */
    public void raiseVector(UUID device, long seq) {
        int n = dsl.update(SYNC_VECTOR).set(SYNC_VECTOR.MAX_SEQ, seq)
                .where(SYNC_VECTOR.ORIGIN_DEVICE.eq(device), SYNC_VECTOR.MAX_SEQ.lt(seq)).execute();
        if (n == 0 && !dsl.fetchExists(SYNC_VECTOR, SYNC_VECTOR.ORIGIN_DEVICE.eq(device))) {
            dsl.insertInto(SYNC_VECTOR).set(SYNC_VECTOR.ORIGIN_DEVICE, device).set(SYNC_VECTOR.MAX_SEQ, seq).execute();
        }
    }

    // ---------------------------------------------------------------------------------------------- heads

    /**
     * The heads of a field: its rows in {@code field_head}, or else the record's INSERT with {@code current} (the
     * field's value in the record now); none when the record never entered the log.
     */
    private List<Head> heads(String type, String id, String field, String current) {
        List<Head> rows = dsl.selectFrom(FIELD_HEAD)
                .where(FIELD_HEAD.RECORD_TYPE.eq(type), FIELD_HEAD.RECORD_ID.eq(id), FIELD_HEAD.FIELD_NAME.eq(field))
                .fetch(r -> new Head(r.getOriginDevice(), r.getSeq(), r.getHlc(), r.getFieldValue()));
        if (!rows.isEmpty()) {
            return rows;
        }
        return dsl.select(CHANGE_LOG.ORIGIN_DEVICE, CHANGE_LOG.SEQ, CHANGE_LOG.HLC).from(CHANGE_LOG)
                .where(CHANGE_LOG.RECORD_TYPE.eq(type), CHANGE_LOG.RECORD_ID.eq(id), CHANGE_LOG.OP.eq(Op.INSERT.name()))
                .orderBy(CHANGE_LOG.HLC.desc()).limit(1)
                .fetch(r -> new Head(r.value1(), r.value2(), r.value3(), current));
    }

    /** Replaces the heads of a field: those given minus the ones {@code bases} names, plus {@code added}. */
    private List<Head> writeHeads(String type, String id, String field, List<Head> heads, List<Ref> bases, Head added) {
        Set<Ref> replaced = new HashSet<>(bases);
        List<Head> next = new ArrayList<>();
        for (Head h : heads) {
            if (!replaced.contains(ref(h)) && !ref(h).equals(ref(added))) {
                next.add(h);
            }
        }
        next.add(added);
        dsl.deleteFrom(FIELD_HEAD)
                .where(FIELD_HEAD.RECORD_TYPE.eq(type), FIELD_HEAD.RECORD_ID.eq(id), FIELD_HEAD.FIELD_NAME.eq(field))
                .execute();
        for (Head h : next) {
            dsl.insertInto(FIELD_HEAD)
                    .set(FIELD_HEAD.RECORD_TYPE, type).set(FIELD_HEAD.RECORD_ID, id).set(FIELD_HEAD.FIELD_NAME, field)
                    .set(FIELD_HEAD.ORIGIN_DEVICE, h.device()).set(FIELD_HEAD.SEQ, h.seq()).set(FIELD_HEAD.HLC, h.hlc())
                    .set(FIELD_HEAD.FIELD_VALUE, h.value())
                    .execute();
        }
        return next;
    }

    /** Every field with heads of two or more different values, in record order. */
    public List<SyncConflict> conflicts() {
        Map<List<String>, List<Head>> byField = new LinkedHashMap<>();
        dsl.selectFrom(FIELD_HEAD)
                .where(DSL.row(FIELD_HEAD.RECORD_TYPE, FIELD_HEAD.RECORD_ID, FIELD_HEAD.FIELD_NAME).in(
                        DSL.select(FIELD_HEAD.RECORD_TYPE, FIELD_HEAD.RECORD_ID, FIELD_HEAD.FIELD_NAME).from(FIELD_HEAD)
                                .groupBy(FIELD_HEAD.RECORD_TYPE, FIELD_HEAD.RECORD_ID, FIELD_HEAD.FIELD_NAME)
                                .having(DSL.count().gt(1))))
                .orderBy(FIELD_HEAD.RECORD_TYPE, FIELD_HEAD.RECORD_ID, FIELD_HEAD.FIELD_NAME, FIELD_HEAD.ORIGIN_DEVICE,
                        FIELD_HEAD.SEQ)
                .forEach(r -> byField.computeIfAbsent(List.of(r.getRecordType(), r.getRecordId(), r.getFieldName()),
                        k -> new ArrayList<>()).add(new Head(r.getOriginDevice(), r.getSeq(), r.getHlc(), r.getFieldValue())));
        List<SyncConflict> out = new ArrayList<>();
        byField.forEach((k, heads) -> {
            if (heads.stream().map(Head::value).distinct().count() > 1) {
                out.add(new SyncConflict(k.get(0), k.get(1), k.get(2), List.copyOf(heads)));
            }
        });
        return out;
    }

    /**
     * Resolves a conflict: {@code value} (canonical text, one of the heads' or another) becomes the field's value by a
     * change of this vault whose bases are all the field's heads, so it travels and ends the conflict everywhere.
     */
    public void resolve(String type, String id, String field, String value) {
        Table<?> t = table(type);
        Field<?> f = field(t, field);
        Record row = dsl.selectFrom(t).where(keyCondition(t, id)).fetchOptional()
                .orElseThrow(() -> new StoreException("the record is no longer in the vault"));
        List<Head> hs = heads(type, id, field, text(row.get(f)));
        List<FieldValue> fields = List.of(new FieldValue(field, value, hs.stream().map(SyncRepository::ref).toList()));
        LoggedChange ch = logLocal(type, id, Op.UPDATE, fields);
        ChangeCapture.suppressed(() -> writeFields(t, id, Map.of(f, value), true));
        writeHeads(type, id, field, hs, fields.get(0).bases(), new Head(ch.device(), ch.seq(), ch.hlc(), value));
    }

    // ---------------------------------------------------------------------------------------------- write / apply

    /**
     * Every change not covered by {@code has} (per device, the highest sequence the receiver holds), in clock order
     * (which is causal order: a change's clock is above every change its vault held when it was made).
     */
    public void changesSince(Map<UUID, Long> has, Consumer<LoggedChange> sink) {
        Condition known = DSL.noCondition();
        List<Condition> newer = new ArrayList<>();
        for (Map.Entry<UUID, Long> e : has.entrySet()) {
            newer.add(CHANGE_LOG.ORIGIN_DEVICE.eq(e.getKey()).and(CHANGE_LOG.SEQ.gt(e.getValue())));
        }
        if (!has.isEmpty()) {
            newer.add(CHANGE_LOG.ORIGIN_DEVICE.notIn(has.keySet()));
            known = DSL.or(newer);
        }
        try (Cursor<Record> rows = dsl.select(CHANGE_LOG.fields()).from(CHANGE_LOG).where(known)
                .orderBy(CHANGE_LOG.HLC, CHANGE_LOG.ORIGIN_DEVICE).fetchLazy()) {
            for (Record r : rows) {
                sink.accept(new LoggedChange(r.get(CHANGE_LOG.ORIGIN_DEVICE), r.get(CHANGE_LOG.SEQ),
                        r.get(CHANGE_LOG.HLC), r.get(CHANGE_LOG.RECORD_TYPE), r.get(CHANGE_LOG.RECORD_ID),
                        Op.valueOf(r.get(CHANGE_LOG.OP)), LoggedChange.fields(r.get(CHANGE_LOG.PAYLOAD))));
            }
        }
    }

    /** Moves this vault's clock up to {@code hlc} when that is ahead (a clock is never behind one it saw). */
    public void observe(long hlc) {
        dsl.update(SYNC_STATE).set(SYNC_STATE.LAST_HLC, hlc).where(SYNC_STATE.LAST_HLC.lt(hlc)).execute();
    }

    /**
     * Applies a change received from another vault, the capture off, and keeps it in the log; the caller has checked
     * that it is the next of its device, and afterwards raises the vector ({@link #raiseVector}) and the clock
     * ({@link #observe}). Answers whether a field of it is now in conflict.
     */
    public boolean apply(LoggedChange c) {
        return ChangeCapture.suppressed(() -> {
            Table<?> t = table(c.recordType());
            boolean conflict = false;
            switch (c.op()) {
                case INSERT -> {
                    if (!dsl.fetchExists(t, keyCondition(t, c.recordId()))) {
                        Map<Field<?>, Object> values = new LinkedHashMap<>();
                        for (FieldValue f : c.fields()) {
                            Field<?> field = field(t, f.name());
                            values.put(field, value(field, f.value()));
                        }
                        sameNaturalKey(t, c.recordId(), values);
                        dsl.insertInto(t).set(values).execute();
                    } else if (t == RECORD_CHANGE || t == RECORD_CHANGE_FIELD) {
                        laterInsertWins(t, c);
                    }
                }
                case DELETE -> {
                    dsl.deleteFrom(t).where(keyCondition(t, c.recordId())).execute();
                    dsl.deleteFrom(FIELD_HEAD).where(FIELD_HEAD.RECORD_TYPE.eq(c.recordType()),
                            FIELD_HEAD.RECORD_ID.eq(c.recordId())).execute();
                }
                case UPDATE -> {
                    Record row = dsl.selectFrom(t).where(keyCondition(t, c.recordId())).fetchOne();
                    if (row != null) {
                        Map<Field<?>, String> set = new LinkedHashMap<>();
                        for (FieldValue f : c.fields()) {
                            Field<?> field = field(t, f.name());
                            if (TOUCH.contains(f.name())) {
                                set.put(field, f.value());
                                continue;
                            }
                            String current = text(row.get(field));
                            List<Head> hs = heads(c.recordType(), c.recordId(), f.name(), current);
                            List<Head> next = writeHeads(c.recordType(), c.recordId(), f.name(), hs, f.bases(),
                                    new Head(c.device(), c.seq(), c.hlc(), f.value()));
                            String winner = next.stream().max(SyncConflict.WINNER).orElseThrow().value();
                            if (!Objects.equals(winner, current)) {
                                set.put(field, winner);
                            }
                            conflict |= next.stream().map(Head::value).distinct().count() > 1;
                        }
                        writeFields(t, c.recordId(), set, false);
                    }
                }
                default -> throw new IllegalStateException();
            }
            insertLogRow(c); // the caller raises the vector and the clock once for the whole stream
            return conflict;
        });
    }

    /** A batch for applying the changes of one stream ({@link Batch}). */
    public Batch batch() {
        return new Batch();
    }

    /**
     * Applies received changes as {@link #apply} does, but keeps INSERTs of records (insert-if-absent) and the log
     * rows in memory and writes them in batches, one prepared statement per table: an UPDATE or DELETE, an INSERT of
     * a named row (site, staff, directory entry: {@link #sameNaturalKey}) and {@link #flush} write what is pending
     * first, so every change sees the ones before it. Call {@link #flush} at the end of the stream.
     */
    public final class Batch {
        /** Per table (in {@link #TABLES}' order, parents first when flushed), per record id, its first INSERT. */
        private final Map<Table<?>, Map<String, Map<Field<?>, Object>>> inserts = new HashMap<>();
        private final List<LoggedChange> log = new ArrayList<>();

        private Batch() {
        }

        /** Applies one change (see {@link SyncRepository#apply}); answers whether a field of it is in conflict. */
        public boolean apply(LoggedChange c) {
            Table<?> t = table(c.recordType());
            if (c.op() != Op.INSERT || NAMED.contains(t) || historyHeldAlready(t, c.recordId())) {
                flush();
                return SyncRepository.this.apply(c);
            }
            Map<Field<?>, Object> values = new LinkedHashMap<>();
            for (FieldValue f : c.fields()) {
                Field<?> field = field(t, f.name());
                values.put(field, value(field, f.value()));
            }
            inserts.computeIfAbsent(t, k -> new LinkedHashMap<>()).putIfAbsent(c.recordId(), values);
            log.add(c);
            if (log.size() >= BATCH) {
                flush();
            }
            return false;
        }

        /**
         * A history row whose id the vault holds or has pending (one automatic merge made on two laptops, ADR 22)
         * goes through the one-change path, where the later INSERT wins the same way on every vault.
         */
        private boolean historyHeldAlready(Table<?> t, String id) {
            if (t != RECORD_CHANGE && t != RECORD_CHANGE_FIELD) {
                return false;
            }
            Map<String, Map<Field<?>, Object>> pending = inserts.get(t);
            return pending != null && pending.containsKey(id) || dsl.fetchExists(t, keyCondition(t, id));
        }

        /** Writes what is pending: the records not in the vault yet, parents first, then the log rows. */
        public void flush() {
            if (log.isEmpty()) {
                return;
            }
            ChangeCapture.suppressed(() -> {
                for (Table<?> t : TABLES) {
                    Map<String, Map<Field<?>, Object>> rows = inserts.get(t);
                    if (rows != null && !rows.isEmpty()) {
                        Set<String> held = existing(t, rows.keySet());
                        insertRows(t, rows.entrySet().stream().filter(e -> !held.contains(e.getKey()))
                                .map(Map.Entry::getValue).toList());
                    }
                }
                insertLogRows(log);
                return null;
            });
            inserts.clear();
            log.clear();
        }
    }

    /** Which of these record ids (primary keys as text) the table holds: one query on the key's first column. */
    private Set<String> existing(Table<?> t, Collection<String> ids) {
        List<? extends Field<?>> key = t.getPrimaryKey().getFields();
        @SuppressWarnings("unchecked")
        Field<Object> first = (Field<Object>) key.get(0);
        Set<Object> firsts = new LinkedHashSet<>();
        for (String id : ids) {
            firsts.add(value(first, id.split("\\|", -1)[0]));
        }
        Set<String> out = new HashSet<>();
        for (List<Object> chunk : Batches.chunks(firsts)) {
            dsl.select(key).from(t).where(first.in(chunk)).forEach(r -> out.add(idOf(t, r)));
        }
        return out;
    }

    /** Rows of one table, in order, by one prepared statement per set of columns. */
    private void insertRows(Table<?> t, List<Map<Field<?>, Object>> rows) {
        Map<List<Field<?>>, List<Map<Field<?>, Object>>> byColumns = new LinkedHashMap<>();
        for (Map<Field<?>, Object> r : rows) {
            byColumns.computeIfAbsent(List.copyOf(r.keySet()), k -> new ArrayList<>()).add(r);
        }
        byColumns.forEach((columns, same) -> {
            BatchBindStep batch = dsl.batch(dsl.insertInto(t).columns(columns)
                    .values(Collections.nCopies(columns.size(), null)));
            for (Map<Field<?>, Object> r : same) {
                batch.bind(r.values().toArray());
            }
            batch.execute();
        });
    }

    /**
     * An automatic merge made on two vaults writes its history rows under the same ids (ADR 22), each with its own
     * vault's who and when: on every vault the row of the later INSERT (the greater (hlc, device), as for a field's
     * provisional value) is the one kept, so the history shows one merge, the same everywhere.
     */
    private void laterInsertWins(Table<?> t, LoggedChange c) {
        Head incoming = new Head(c.device(), c.seq(), c.hlc(), null);
        List<Head> held = dsl.select(CHANGE_LOG.ORIGIN_DEVICE, CHANGE_LOG.SEQ, CHANGE_LOG.HLC).from(CHANGE_LOG)
                .where(CHANGE_LOG.RECORD_TYPE.eq(c.recordType()), CHANGE_LOG.RECORD_ID.eq(c.recordId()),
                        CHANGE_LOG.OP.eq(Op.INSERT.name()))
                .fetch(r -> new Head(r.value1(), r.value2(), r.value3(), null));
        Head kept = held.stream().max(SyncConflict.WINNER).orElse(null);
        if (kept == null || SyncConflict.WINNER.compare(incoming, kept) < 0) {
            return;
        }
        Map<Field<?>, String> set = new LinkedHashMap<>();
        for (FieldValue f : c.fields()) {
            set.put(field(t, f.name()), f.value());
        }
        writeFields(t, c.recordId(), set, false);
    }

    /**
     * Two laptops may each have made a site or staff code, or a directory name, that the other has under another id.
     * Such names are unique: on every vault alike the row with the greater id gets its name marked with the start
     * of its id ({@code KTV-03~1f2e}), for a coordinator to tidy; nothing is lost and no bundle fails on it.
     */
    @SuppressWarnings("unchecked")
    private void sameNaturalKey(Table<?> t, String id, Map<Field<?>, Object> values) {
        Field<String> key = t == SITE ? SITE.CODE : t == STAFF ? STAFF.CODE
                : t == DIRECTORY_ENTRY ? DIRECTORY_ENTRY.ORG_NAME : null;
        if (key == null || values.get(key) == null) {
            return;
        }
        String name = (String) values.get(key);
        Field<UUID> idField = (Field<UUID>) t.getPrimaryKey().getFields().get(0);
        UUID other = dsl.select(idField).from(t).where(key.eq(name)).fetchOne(idField);
        if (other == null || other.toString().equals(id)) {
            return;
        }
        int max = key.getDataType().length();
        if (id.compareTo(other.toString()) > 0) {
            values.put(key, marked(name, id, max));
        } else {
            dsl.update(t).set(key, marked(name, other.toString(), max)).where(idField.eq(other)).execute();
        }
    }

    private static String marked(String name, String id, int max) {
        String tail = "~" + id.substring(0, 4);
        return (name.length() + tail.length() > max ? name.substring(0, max - tail.length()) : name) + tail;
    }

    private int writeFields(Table<?> t, String id, Map<Field<?>, String> values, boolean alsoVersion) {
        if (values.isEmpty()) {
            return 0;
        }
        Map<Field<?>, Object> set = new LinkedHashMap<>();
        values.forEach((f, v) -> set.put(f, value(f, v)));
        Field<?> version = t.field("row_version") != null ? t.field("row_version") : t.field("ROW_VERSION");
        if (version != null) {
            @SuppressWarnings("unchecked")
            Field<Integer> v = (Field<Integer>) version;
            set.put(v, v.plus(1));
        }
        return dsl.update(t).set(set).where(keyCondition(t, id)).execute();
    }

    /** Whether a change is held (applied or made here). */
    public boolean holds(UUID device, long seq) {
        return vector().getOrDefault(device, 0L) >= seq;
    }

    /**
     * The shared content of every table, one line per record in key order, without what is each vault's own (row
     * version, derived facts, who touched it last and when): equal on two vaults that hold the same changes.
     */
    public List<String> canonicalDump() {
        List<String> out = new ArrayList<>();
        for (Table<?> t : TABLES) {
            String type = t.getName().toLowerCase(Locale.ROOT);
            dsl.selectFrom(t).orderBy(t.getPrimaryKey().getFields()).forEach(r -> {
                StringBuilder line = new StringBuilder(type);
                for (Field<?> f : t.fields()) {
                    String n = name(f);
                    if (!LOCAL.contains(n) && !TOUCH.contains(n)) {
                        line.append('|').append(n).append('=').append(text(r.get(f)));
                    }
                }
                out.add(line.toString());
            });
        }
        return out;
    }

    /** The number of log rows per record type (tests: every write logged). */
    public Map<String, Integer> logCounts() {
        Map<String, Integer> out = new HashMap<>();
        dsl.select(CHANGE_LOG.RECORD_TYPE, DSL.count()).from(CHANGE_LOG).groupBy(CHANGE_LOG.RECORD_TYPE)
                .forEach(r -> out.put(r.value1(), r.value2()));
        return out;
    }

    /** Live contacts other than those given with the UIC of one of them (same person under two ids). */
    public Map<String, List<UUID>> liveContactsSharingUic(Collection<UUID> contactIds) {
        Map<String, List<UUID>> out = new LinkedHashMap<>();
        if (contactIds.isEmpty()) {
            return out;
        }
        List<String> uics = dsl.selectDistinct(CONTACT.UIC).from(CONTACT)
                .where(CONTACT.ID.in(contactIds), CONTACT.MERGED_INTO.isNull()).orderBy(CONTACT.UIC).fetch(CONTACT.UIC);
        for (List<String> chunk : Batches.chunks(uics)) {
            dsl.select(CONTACT.UIC, CONTACT.ID).from(CONTACT)
                    .where(CONTACT.UIC.in(chunk), CONTACT.MERGED_INTO.isNull()).orderBy(CONTACT.UIC, CONTACT.ID)
                    .forEach(r -> out.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
        }
        out.values().removeIf(ids -> ids.size() < 2);
        return out;
    }

    /**
     * Merged-away contacts that records still name (arrived from a vault that did not know of the merge yet), with
     * the contact each was merged into.
     */
    public Map<UUID, UUID> mergedContactsWithRecords() {
        Map<UUID, UUID> out = new LinkedHashMap<>();
        dsl.select(CONTACT.ID, CONTACT.MERGED_INTO).from(CONTACT)
                .where(CONTACT.MERGED_INTO.isNotNull())
                .and(DSL.exists(DSL.selectOne().from(ENCOUNTER).where(ENCOUNTER.CONTACT_ID.eq(CONTACT.ID)))
                        .or(DSL.exists(DSL.selectOne().from(REFERRAL).where(REFERRAL.CONTACT_ID.eq(CONTACT.ID))))
                        .or(DSL.exists(DSL.selectOne().from(INCIDENT).where(INCIDENT.CONTACT_ID.eq(CONTACT.ID))))
                        .or(DSL.exists(DSL.selectOne().from(SAFEGUARDING_SCREEN)
                                .where(SAFEGUARDING_SCREEN.CONTACT_ID.eq(CONTACT.ID)))))
                .orderBy(CONTACT.ID)
                .forEach(r -> out.put(r.value1(), r.value2()));
        return out;
    }

    /** The contacts of these encounters (after an apply: whose facts to refresh). */
    public Set<UUID> contactsOfEncounters(Collection<UUID> encounterIds) {
        Set<UUID> out = new HashSet<>();
        for (List<UUID> chunk : Batches.chunks(encounterIds)) {
            out.addAll(dsl.selectDistinct(ENCOUNTER.CONTACT_ID).from(ENCOUNTER).where(ENCOUNTER.ID.in(chunk))
                    .fetch(ENCOUNTER.CONTACT_ID));
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------- values

    private static Table<?> table(String type) {
        Table<?> t = BY_NAME.get(type);
        if (t == null) {
            throw new StoreException("a change names a record type this version does not know");
        }
        return t;
    }

    private static Field<?> field(Table<?> t, String name) {
        for (Field<?> f : t.fields()) {
            if (name(f).equals(name)) {
                return f;
            }
        }
        throw new StoreException("a change names a field this version does not know");
    }

    private static String name(Field<?> f) {
        return f.getName().toLowerCase(Locale.ROOT);
    }

    private static String idOf(Table<?> t, Record r) {
        StringBuilder id = new StringBuilder();
        for (Field<?> f : t.getPrimaryKey().getFields()) {
            if (!id.isEmpty()) {
                id.append('|');
            }
            id.append(text(r.get(f)));
        }
        return id.toString();
    }

    private static String idOf(Table<?> t, List<String> columns, Object[] row) {
        StringBuilder id = new StringBuilder();
        for (Field<?> f : t.getPrimaryKey().getFields()) {
            if (!id.isEmpty()) {
                id.append('|');
            }
            id.append(text(row[columns.indexOf(name(f))]));
        }
        return id.toString();
    }

    private static Condition keyCondition(Table<?> t, String id) {
        String[] parts = id.split("\\|", -1);
        List<? extends Field<?>> key = t.getPrimaryKey().getFields();
        Condition c = DSL.noCondition();
        for (int i = 0; i < key.size(); i++) {
            @SuppressWarnings("unchecked")
            Field<Object> f = (Field<Object>) key.get(i);
            c = c.and(f.eq(value(f, parts[i])));
        }
        return c;
    }

    /** A value as canonical text: ISO dates and instants, UUIDs, plain numbers, true/false; null stays null. */
    static String text(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Date d) {
            return d.toLocalDate().toString();
        }
        if (v instanceof Timestamp ts) {
            return ts.toInstant().toString();
        }
        if (v instanceof OffsetDateTime o) {
            return o.toInstant().toString();
        }
        if (v instanceof BigDecimal b) {
            return b.toPlainString();
        }
        return v.toString();
    }

    /** The value of canonical text for a field's type. */
    static Object value(Field<?> f, String text) {
        if (text == null) {
            return null;
        }
        Class<?> type = f.getType();
        if (type == UUID.class) {
            return UUID.fromString(text);
        }
        if (type == LocalDate.class) {
            return LocalDate.parse(text);
        }
        if (type == OffsetDateTime.class) {
            return OffsetDateTime.parse(text);
        }
        if (type == Boolean.class) {
            return Boolean.valueOf(text);
        }
        if (type == Integer.class) {
            return Integer.valueOf(text);
        }
        if (type == Short.class) {
            return Short.valueOf(text);
        }
        if (type == Long.class) {
            return Long.valueOf(text);
        }
        if (type == BigDecimal.class) {
            return new BigDecimal(text);
        }
        return text;
    }
}
