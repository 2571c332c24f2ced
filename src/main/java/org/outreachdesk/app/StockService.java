package org.outreachdesk.app;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.ChangeKind;
import org.outreachdesk.domain.Commodity;
import org.outreachdesk.domain.CommodityMovement;
import org.outreachdesk.domain.FieldChange;
import org.outreachdesk.domain.LedgerLine;
import org.outreachdesk.domain.MovementKind;
import org.outreachdesk.domain.RecordChange;
import org.outreachdesk.domain.RecordMeta;
import org.outreachdesk.domain.RecordType;
import org.outreachdesk.domain.SettingKey;
import org.outreachdesk.domain.VoidReason;
import org.outreachdesk.store.Tx;

/**
 * Commodity stock: receipts into stock and issues out (COORDINATE), stock on hand with a low-stock
 * warning and the ledger (RECORDS). Encounter hand-outs are written by the encounter desk as
 * {@link MovementKind#HANDOUT} lines; they show here like any other movement.
 *
 * <p>A movement's team is whose stock it changes; without a team it is the programme's central stock.
 * Stock on hand for a team counts that team's lines only; overall stock counts every line.
 */
public final class StockService {

    static final String RECORD_TYPE = "commodity_movement";
    /** The most one receipt or issue may move (a typing mistake otherwise). */
    public static final int MAX_QUANTITY = 1_000_000;
    public static final int MAX_THRESHOLD = 10_000_000;

    private final Workspace ws;

    public StockService(Workspace ws) {
        this.ws = ws;
    }

    /** Stock on hand of one commodity against its low-stock threshold. */
    public record Level(Commodity commodity, int onHand, int threshold) {
        /** Below the threshold (a threshold of 0 never warns). */
        public boolean low() {
            return onHand < threshold;
        }
    }

    /** Thresholds used until a coordinator sets one: about a month's hand-outs of a small team. */
    public static int defaultThreshold(Commodity c) {
        return switch (c) {
            case MALE_CONDOM -> 1000;
            case FEMALE_CONDOM -> 100;
            case LUBRICANT -> 500;
            case HIV_SELF_TEST -> 50;
        };
    }

    /** Stock on hand of every commodity, overall ({@code team} null) or for one team, with the warning. */
    public List<Level> levels(String team) {
        String t = team(team);
        return ws.read(Permission.RECORDS, tx -> {
            Map<Commodity, Integer> onHand = tx.stock().onHand(t);
            Map<Commodity, Integer> thresholds = thresholds(tx);
            List<Level> out = new ArrayList<>();
            for (Commodity c : Commodity.values()) {
                out.add(new Level(c, onHand.getOrDefault(c, 0), thresholds.get(c)));
            }
            return out;
        });
    }

    public Map<Commodity, Integer> thresholds() {
        return ws.read(Permission.RECORDS, StockService::thresholds);
    }

    private static Map<Commodity, Integer> thresholds(Tx tx) {
        Map<Commodity, Integer> out = new EnumMap<>(Commodity.class);
        for (Commodity c : Commodity.values()) {
            int value = defaultThreshold(c);
            var stored = tx.settings().get(SettingKey.lowStock(c));
            if (stored.isPresent()) {
                try {
                    value = Integer.parseInt(stored.get().strip());
                } catch (NumberFormatException e) {
                    // a damaged setting falls back to the default rather than hiding the stock view
                }
            }
            out.put(c, value);
        }
        return out;
    }

    /** Sets the low-stock threshold of {@code commodity} (COORDINATE). */
    public void setThreshold(Commodity commodity, int threshold) {
        ws.require(Permission.COORDINATE);
        OpsChecks.required(commodity, "The commodity");
        if (threshold < 0 || threshold > MAX_THRESHOLD) {
            throw new InvalidInputException("The low-stock threshold must be 0-" + MAX_THRESHOLD)
                    .keyed("stock.threshold", MAX_THRESHOLD);
        }
        SettingKey key = SettingKey.lowStock(commodity);
        ws.write(Permission.COORDINATE, AuditAction.SETTING_CHANGED, "setting", key.key(), Integer.toString(threshold), tx -> {
            tx.settings().put(key, Integer.toString(threshold), ws.user().id(), ws.clock().instant());
            return null;
        });
    }

    /** Records commodities received into stock. */
    public CommodityMovement receive(Commodity commodity, int quantity, LocalDate date, String team, String note) {
        ws.require(Permission.COORDINATE);
        checkQuantity(quantity);
        CommodityMovement m = movement(commodity, MovementKind.RECEIPT, quantity, date, team, note);
        return ws.write(Permission.COORDINATE, AuditAction.CREATE, RECORD_TYPE, m.meta().id().toString(),
                "receipt", tx -> {
                    tx.stock().insert(m);
                    return m;
                });
    }

    /**
     * Records commodities issued out of stock (to another programme, expired, damaged). An issue cannot
     * take more than is on hand (for its team, or overall without a team).
     */
    public CommodityMovement issue(Commodity commodity, int quantity, LocalDate date, String team, String note) {
        ws.require(Permission.COORDINATE);
        checkQuantity(quantity);
        CommodityMovement m = movement(commodity, MovementKind.ISSUE, -quantity, date, team, note);
        return ws.write(Permission.COORDINATE, AuditAction.CREATE, RECORD_TYPE, m.meta().id().toString(),
                "issue", tx -> {
                    int onHand = tx.stock().onHand(m.team()).getOrDefault(commodity, 0);
                    if (quantity > onHand) {
                        throw new InvalidInputException("Only " + Math.max(onHand, 0)
                                + " in stock; an issue cannot take more than is on hand")
                                .keyed("stock.notEnough", Math.max(onHand, 0));
                    }
                    tx.stock().insert(m);
                    return m;
                });
    }

    /**
     * One page of the ledger, newest first; {@code commodity} and {@code team} null for all. Voided movements stay
     * in it with their reason (struck through on screen) and count for nothing in {@link #levels}.
     */
    public Paged<LedgerLine> ledger(Commodity commodity, String team, int offset, int limit) {
        OpsChecks.page(offset, limit);
        String t = team(team);
        return ws.read(Permission.RECORDS, tx -> new Paged<>(tx.stock().ledger(commodity, t, offset, limit),
                tx.stock().ledgerCount(commodity, t), offset, limit));
    }

    /** Team names known from the ledger and from staff. */
    public List<String> teams() {
        return ws.read(Permission.RECORDS, tx -> tx.stock().teams());
    }

    // --- corrections, voids and counts (issue 14, ADR 13) -----------------------------------------------

    /**
     * What a correction of a receipt, issue or adjustment may change. {@code quantity} as the form shows it: how
     * many were received or issued (1-{@value #MAX_QUANTITY}); for an adjustment the signed difference it made.
     */
    public record MovementCorrection(LocalDate date, Commodity commodity, int quantity, String team, String note) {

        /** The form filled with the movement as it is. */
        public static MovementCorrection of(CommodityMovement m) {
            return new MovementCorrection(m.date(), m.commodity(),
                    m.kind() == MovementKind.ADJUSTMENT ? m.quantity() : Math.abs(m.quantity()), m.team(), m.note());
        }

        @Override
        public String toString() {
            return "MovementCorrection[" + commodity + "]";
        }
    }

    /**
     * Corrects a receipt, issue or adjustment ({@code original} as read; COORDINATE). Hand-outs follow their
     * encounter and are not corrected here. Refused when it would leave a team's (or, without a team, the overall)
     * stock of a commodity below zero where it was not before, when nothing changed, and "changed elsewhere" when
     * the movement moved on or was voided since.
     */
    public CommodityMovement correct(CommodityMovement original, MovementCorrection c) {
        ws.require(Permission.COORDINATE);
        OpsChecks.required(original, "The movement");
        OpsChecks.required(c, "The movement");
        requireNotHandout(original);
        Commodity commodity = OpsChecks.required(c.commodity(), "The commodity");
        LocalDate date = OpsChecks.pastOrToday(c.date(), ws.today(), "The date");
        int signed = switch (original.kind()) {
            case RECEIPT -> checkQuantity(c.quantity());
            case ISSUE -> -checkQuantity(c.quantity());
            default -> {
                if (c.quantity() == 0) {
                    throw new InvalidInputException("An adjustment changes stock by at least one")
                            .keyed("stock.adjustmentZero");
                }
                yield (c.quantity() < 0 ? -1 : 1) * checkQuantity(Math.abs(c.quantity()));
            }
        };
        CommodityMovement corrected = new CommodityMovement(ws.touch(original.meta()), date, commodity,
                original.kind(), signed, team(c.team()), original.encounterId(),
                OpsChecks.optionalText(c.note(), 200, "The note"));
        List<FieldChange> fields = CorrectionWrites.diff(
                "date", original.date(), corrected.date(),
                "commodity", original.commodity(), corrected.commodity(),
                "quantity", original.quantity(), corrected.quantity(),
                "team", original.team(), corrected.team(),
                "note", original.note(), corrected.note());
        CorrectionWrites.requireSomeChange(fields);
        return CorrectionWrites.write(ws, Permission.COORDINATE, RecordType.MOVEMENT, RECORD_TYPE, "movement",
                original.meta(), ChangeKind.CORRECT, null, fields, null, tx -> stored(tx, original.meta().id()),
                (tx, after) -> {
                    Map<String, Map<Commodity, Integer>> before = onHandOf(tx, original.team(), corrected.team());
                    tx.stock().correct(corrected);
                    requireNotBelowZero(tx, before, original.commodity(), corrected.commodity());
                    return corrected;
                });
    }

    /**
     * Voids a receipt, issue or adjustment ({@code original} as read; COORDINATE) with a reason: kept in the
     * ledger, struck through, out of stock on hand. Refused when that would leave stock below zero where it was not.
     */
    public RecordMeta voidMovement(CommodityMovement original, VoidReason reason) {
        ws.require(Permission.COORDINATE);
        OpsChecks.required(original, "The movement");
        requireNotHandout(original);
        return CorrectionWrites.voidRecord(ws, Permission.COORDINATE, RecordType.MOVEMENT, RECORD_TYPE, "movement",
                original.meta(), reason, null, tx -> stored(tx, original.meta().id()), tx -> {
                    // runs after the void was marked: compare with stock as it was with the movement
                    Map<Commodity, Integer> now = tx.stock().onHand(original.team());
                    int after = now.getOrDefault(original.commodity(), 0);
                    if (after < 0 && original.quantity() > 0) {
                        throw belowZero(after);
                    }
                });
    }

    /**
     * Records a stock count of {@code team} on {@code date}: for every commodity counted whose stock on hand differs,
     * an {@link MovementKind#ADJUSTMENT} movement of the difference, with {@code reason} as its note (COORDINATE).
     * Returns the adjustments (none when every count matched; the count is audited either way).
     *
     * @param counted the quantity counted per commodity; commodities not counted are left alone
     */
    public List<CommodityMovement> count(String team, LocalDate date, Map<Commodity, Integer> counted, String reason) {
        ws.require(Permission.COORDINATE);
        String t = OpsChecks.requiredText(team, 40, "The team");
        LocalDate d = OpsChecks.pastOrToday(date, ws.today(), "The date");
        String why = OpsChecks.requiredText(reason, 200, "The reason");
        OpsChecks.required(counted, "The count");
        if (counted.isEmpty()) {
            throw new InvalidInputException("Enter the quantity counted of at least one commodity")
                    .keyed("stock.countEmpty");
        }
        counted.values().forEach(q -> {
            if (q == null || q < 0 || q > MAX_QUANTITY) {
                throw new InvalidInputException(String.format(Locale.ROOT, "A counted quantity must be 0-%,d",
                        MAX_QUANTITY)).keyed("stock.countQuantity", MAX_QUANTITY);
            }
        });
        Map<Commodity, Integer> count = new EnumMap<>(counted);
        return ws.write(Permission.COORDINATE, AuditAction.CREATE, RECORD_TYPE, null, "stock count", tx -> {
            Map<Commodity, Integer> onHand = tx.stock().onHand(t);
            List<CommodityMovement> out = new ArrayList<>();
            for (Map.Entry<Commodity, Integer> e : count.entrySet()) {
                int difference = e.getValue() - onHand.getOrDefault(e.getKey(), 0);
                if (difference != 0) {
                    CommodityMovement m = new CommodityMovement(ws.newMeta(), d, e.getKey(), MovementKind.ADJUSTMENT,
                            difference, t, null, why);
                    tx.stock().insert(m);
                    out.add(m);
                }
            }
            return out;
        });
    }

    /** Every correction and void of a movement, oldest first (as reading the ledger: RECORDS). */
    public List<RecordChange> history(UUID movementId) {
        Objects.requireNonNull(movementId, "movementId");
        return ws.read(Permission.RECORDS, tx -> tx.history().forRecord(movementId));
    }

    private static void requireNotHandout(CommodityMovement m) {
        if (m.kind() == MovementKind.HANDOUT) {
            throw new InvalidInputException("A hand-out follows its encounter: correct or void the encounter")
                    .keyed("stock.handoutFollowsEncounter");
        }
    }

    private static Optional<RecordMeta> stored(Tx tx, UUID id) {
        return tx.stock().findById(id).map(CommodityMovement::meta);
    }

    /** Stock on hand of the teams a change touches (null: overall), before it. */
    private static Map<String, Map<Commodity, Integer>> onHandOf(Tx tx, String... teams) {
        Map<String, Map<Commodity, Integer>> out = new HashMap<>();
        for (String team : teams) {
            out.computeIfAbsent(team, k -> tx.stock().onHand(k));
        }
        return out;
    }

    /** Fails when a change left a commodity of a team it touched below zero, lower than it was before. */
    private static void requireNotBelowZero(Tx tx, Map<String, Map<Commodity, Integer>> before, Commodity... touched) {
        for (Map.Entry<String, Map<Commodity, Integer>> e : before.entrySet()) {
            Map<Commodity, Integer> now = tx.stock().onHand(e.getKey());
            for (Commodity c : touched) {
                int after = now.getOrDefault(c, 0);
                if (after < 0 && after < e.getValue().getOrDefault(c, 0)) {
                    throw belowZero(after);
                }
            }
        }
    }

    private static AppException belowZero(int after) {
        return new InvalidInputException("This change would leave " + after
                + " in stock, less than nothing; count the stock instead").keyed("stock.belowZero", after);
    }

    private CommodityMovement movement(Commodity commodity, MovementKind kind, int signedQuantity, LocalDate date,
                                       String team, String note) {
        OpsChecks.required(commodity, "The commodity");
        OpsChecks.pastOrToday(date, ws.today(), "The date");
        String t = team(team);
        String n = OpsChecks.optionalText(note, 200, "The note");
        return new CommodityMovement(ws.newMeta(), date, commodity, kind, signedQuantity, t, null, n);
    }

    private static int checkQuantity(int quantity) {
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new InvalidInputException(String.format(Locale.ROOT, "The quantity must be 1-%,d", MAX_QUANTITY))
                    .keyed("stock.quantity", MAX_QUANTITY);
        }
        return quantity;
    }

    private static String team(String team) {
        return OpsChecks.optionalText(team, 40, "The team");
    }
}
