package org.outreachdesk.app;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.Commodity;
import org.outreachdesk.domain.CommodityMovement;
import org.outreachdesk.domain.MovementKind;
import org.outreachdesk.domain.SettingKey;
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

    /** One page of the ledger, newest first; {@code commodity} and {@code team} null for all. */
    public Paged<CommodityMovement> ledger(Commodity commodity, String team, int offset, int limit) {
        OpsChecks.page(offset, limit);
        String t = team(team);
        return ws.read(Permission.RECORDS, tx -> new Paged<>(tx.stock().ledger(commodity, t, offset, limit),
                tx.stock().ledgerCount(commodity, t), offset, limit));
    }

    /** Team names known from the ledger and from staff. */
    public List<String> teams() {
        return ws.read(Permission.RECORDS, tx -> tx.stock().teams());
    }

    private CommodityMovement movement(Commodity commodity, MovementKind kind, int signedQuantity, LocalDate date,
                                       String team, String note) {
        OpsChecks.required(commodity, "The commodity");
        OpsChecks.pastOrToday(date, ws.today(), "The date");
        String t = team(team);
        String n = OpsChecks.optionalText(note, 200, "The note");
        return new CommodityMovement(ws.newMeta(), date, commodity, kind, signedQuantity, t, null, n);
    }

    private static void checkQuantity(int quantity) {
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new InvalidInputException(String.format(Locale.ROOT, "The quantity must be 1-%,d", MAX_QUANTITY))
                    .keyed("stock.quantity", MAX_QUANTITY);
        }
    }

    private static String team(String team) {
        return OpsChecks.optionalText(team, 40, "The team");
    }
}
