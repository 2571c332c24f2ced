package org.outreachdesk.store;

import static org.outreachdesk.store.jooq.Tables.COMMODITY_MOVEMENT;
import static org.outreachdesk.store.jooq.Tables.STAFF;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.impl.DSL;
import org.outreachdesk.domain.Commodity;
import org.outreachdesk.domain.CommodityMovement;
import org.outreachdesk.domain.LedgerLine;
import org.outreachdesk.domain.MovementKind;
import org.outreachdesk.domain.VoidReason;
import org.outreachdesk.store.jooq.tables.records.CommodityMovementRecord;

/** The commodity ledger. Stock on hand is the sum of movements. */
public final class StockRepository {

    private final DSLContext dsl;

    public StockRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void insert(CommodityMovement m) {
        dsl.executeInsert(record(m));
    }

    /** Inserts many movements in JDBC batches. */
    public void insertAll(Collection<CommodityMovement> movements) {
        Batches.insert(dsl, COMMODITY_MOVEMENT, movements, CommodityMovement::meta,
                List.of(COMMODITY_MOVEMENT.MOVEMENT_DATE, COMMODITY_MOVEMENT.COMMODITY, COMMODITY_MOVEMENT.MOVEMENT_KIND,
                        COMMODITY_MOVEMENT.QUANTITY, COMMODITY_MOVEMENT.TEAM, COMMODITY_MOVEMENT.ENCOUNTER_ID,
                        COMMODITY_MOVEMENT.NOTE),
                m -> new Object[] {m.date(), m.commodity(), m.kind(), m.quantity(), m.team(), m.encounterId(),
                    m.note()});
    }

    static CommodityMovementRecord record(CommodityMovement m) {
        CommodityMovementRecord r = new CommodityMovementRecord()
                .setMovementDate(m.date())
                .setCommodity(m.commodity())
                .setMovementKind(m.kind())
                .setQuantity(m.quantity())
                .setTeam(m.team())
                .setEncounterId(m.encounterId())
                .setNote(m.note());
        Meta.write(r, COMMODITY_MOVEMENT, m.meta());
        return r;
    }

    /** The live (not voided) hand-outs recorded for an encounter. */
    public List<CommodityMovement> handoutsOf(UUID encounterId) {
        return dsl.selectFrom(COMMODITY_MOVEMENT)
                .where(COMMODITY_MOVEMENT.ENCOUNTER_ID.eq(encounterId), COMMODITY_MOVEMENT.VOIDED.isFalse())
                .orderBy(COMMODITY_MOVEMENT.COMMODITY)
                .fetch(StockRepository::map);
    }

    /**
     * Writes a hand-out whose encounter was corrected (date, quantity, team; {@code m.meta()} touched): fails with
     * {@link ConcurrentChangeException} when it moved on meanwhile or was voided.
     */
    public void updateHandout(CommodityMovement m) {
        int n = dsl.update(COMMODITY_MOVEMENT)
                .set(Meta.updateValues(COMMODITY_MOVEMENT, m.meta()))
                .set(COMMODITY_MOVEMENT.MOVEMENT_DATE, m.date())
                .set(COMMODITY_MOVEMENT.QUANTITY, m.quantity())
                .set(COMMODITY_MOVEMENT.TEAM, m.team())
                .where(COMMODITY_MOVEMENT.ID.eq(m.meta().id()),
                        COMMODITY_MOVEMENT.ROW_VERSION.eq(m.meta().version() - 1),
                        COMMODITY_MOVEMENT.VOIDED.isFalse())
                .execute();
        ConcurrentChangeException.check(n, "movement");
    }

    /** Stock on hand of every commodity (zero when nothing moved; voided movements left out), optionally for one team. */
    public Map<Commodity, Integer> onHand(String team) {
        Map<Commodity, Integer> out = new EnumMap<>(Commodity.class);
        for (Commodity c : Commodity.values()) {
            out.put(c, 0);
        }
        dsl.select(COMMODITY_MOVEMENT.COMMODITY, DSL.sum(COMMODITY_MOVEMENT.QUANTITY))
                .from(COMMODITY_MOVEMENT)
                .where(COMMODITY_MOVEMENT.VOIDED.isFalse())
                .and(team == null ? DSL.noCondition() : COMMODITY_MOVEMENT.TEAM.eq(team))
                .groupBy(COMMODITY_MOVEMENT.COMMODITY)
                .forEach(r -> out.put(r.value1(), r.value2() == null ? 0 : r.value2().intValue()));
        return out;
    }

    /** The newest {@code limit} movements, newest first. */
    public List<CommodityMovement> ledger(Commodity commodity, int offset, int limit) {
        return dsl.selectFrom(COMMODITY_MOVEMENT)
                .where(commodity == null ? DSL.noCondition() : COMMODITY_MOVEMENT.COMMODITY.eq(commodity))
                .orderBy(COMMODITY_MOVEMENT.MOVEMENT_DATE.desc(), COMMODITY_MOVEMENT.CREATED_AT.desc())
                .offset(offset)
                .limit(limit)
                .fetch(StockRepository::map);
    }

    // --- ops: the ledger view ----------------------------------------------------------------------

    /**
     * One page of the ledger, newest first, optionally for one commodity and/or one team. The ledger is a register:
     * voided movements stay in it with their reason (and count for nothing in {@link #onHand}).
     */
    public List<LedgerLine> ledger(Commodity commodity, String team, int offset, int limit) {
        return dsl.selectFrom(COMMODITY_MOVEMENT)
                .where(ledgerCondition(commodity, team))
                .orderBy(COMMODITY_MOVEMENT.MOVEMENT_DATE.desc(), COMMODITY_MOVEMENT.CREATED_AT.desc(),
                        COMMODITY_MOVEMENT.ID.asc())
                .offset(offset)
                .limit(limit)
                .fetch(r -> new LedgerLine(map(r), r.getVoided() ? VoidReason.valueOf(r.getVoidReason()) : null));
    }

    public Optional<CommodityMovement> findById(UUID id) {
        return dsl.selectFrom(COMMODITY_MOVEMENT).where(COMMODITY_MOVEMENT.ID.eq(id))
                .fetchOptional(StockRepository::map);
    }

    /**
     * Writes a corrected receipt, issue or adjustment ({@code m.meta()} touched): fails with
     * {@link ConcurrentChangeException} when it moved on meanwhile or was voided. Hand-outs follow their encounter.
     */
    public void correct(CommodityMovement m) {
        int n = dsl.update(COMMODITY_MOVEMENT)
                .set(Meta.updateValues(COMMODITY_MOVEMENT, m.meta()))
                .set(COMMODITY_MOVEMENT.MOVEMENT_DATE, m.date())
                .set(COMMODITY_MOVEMENT.COMMODITY, m.commodity())
                .set(COMMODITY_MOVEMENT.QUANTITY, m.quantity())
                .set(COMMODITY_MOVEMENT.TEAM, m.team())
                .set(COMMODITY_MOVEMENT.NOTE, m.note())
                .where(COMMODITY_MOVEMENT.ID.eq(m.meta().id()),
                        COMMODITY_MOVEMENT.ROW_VERSION.eq(m.meta().version() - 1),
                        COMMODITY_MOVEMENT.VOIDED.isFalse(),
                        COMMODITY_MOVEMENT.MOVEMENT_KIND.ne(MovementKind.HANDOUT))
                .execute();
        ConcurrentChangeException.check(n, "movement");
    }

    public long ledgerCount(Commodity commodity, String team) {
        return dsl.fetchCount(COMMODITY_MOVEMENT, ledgerCondition(commodity, team));
    }

    private static Condition ledgerCondition(Commodity commodity, String team) {
        return (commodity == null ? DSL.noCondition() : COMMODITY_MOVEMENT.COMMODITY.eq(commodity))
                .and(team == null ? DSL.noCondition() : COMMODITY_MOVEMENT.TEAM.eq(team));
    }

    /** Team names known from the ledger and from staff, sorted. */
    public List<String> teams() {
        return dsl.selectDistinct(COMMODITY_MOVEMENT.TEAM).from(COMMODITY_MOVEMENT)
                .where(COMMODITY_MOVEMENT.TEAM.isNotNull())
                .union(DSL.selectDistinct(STAFF.TEAM).from(STAFF).where(STAFF.TEAM.isNotNull()))
                .fetch(Record1::value1)
                .stream().sorted().toList();
    }

    static CommodityMovement map(Record r) {
        return new CommodityMovement(Meta.read(COMMODITY_MOVEMENT, r), r.get(COMMODITY_MOVEMENT.MOVEMENT_DATE),
                r.get(COMMODITY_MOVEMENT.COMMODITY),
                r.get(COMMODITY_MOVEMENT.MOVEMENT_KIND),
                r.get(COMMODITY_MOVEMENT.QUANTITY), r.get(COMMODITY_MOVEMENT.TEAM),
                r.get(COMMODITY_MOVEMENT.ENCOUNTER_ID), r.get(COMMODITY_MOVEMENT.NOTE));
    }
}
