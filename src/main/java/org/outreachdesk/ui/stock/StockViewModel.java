package org.outreachdesk.ui.stock;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.outreachdesk.app.Permission;
import org.outreachdesk.app.StockService;
import org.outreachdesk.domain.Commodity;
import org.outreachdesk.domain.CommodityMovement;
import org.outreachdesk.domain.LedgerLine;
import org.outreachdesk.domain.RecordChange;
import org.outreachdesk.domain.VoidReason;
import org.outreachdesk.domain.MovementKind;
import org.outreachdesk.ui.common.Status;
import org.outreachdesk.ui.common.UiContext;
import org.outreachdesk.ui.common.WithStatus;
import org.outreachdesk.ui.common.Paging;

/**
 * State of the stock screen: stock on hand per commodity (overall or one team) with the low-stock
 * warning, the receipt/issue form, the thresholds, and one page of the ledger.
 */
public final class StockViewModel implements WithStatus {

    public static final int PAGE_SIZE = 50;

    private final UiContext ctx;
    private final StockService stock;

    private final ObjectProperty<String> levelTeam = new SimpleObjectProperty<>();
    private final ObservableList<StockService.Level> levels = FXCollections.observableArrayList();
    private final ObservableList<String> teams = FXCollections.observableArrayList();

    private final ObjectProperty<MovementKind> kind = new SimpleObjectProperty<>(MovementKind.RECEIPT);
    private final ObjectProperty<Commodity> commodity = new SimpleObjectProperty<>(Commodity.MALE_CONDOM);
    private final StringProperty quantity = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    private final StringProperty team = new SimpleStringProperty("");
    private final StringProperty note = new SimpleStringProperty("");

    private final Map<Commodity, StringProperty> thresholds = new EnumMap<>(Commodity.class);

    private final ObjectProperty<Commodity> ledgerCommodity = new SimpleObjectProperty<>();
    private final ObservableList<LedgerLine> ledger = FXCollections.observableArrayList();
    private final Paging paging = new Paging(PAGE_SIZE, ledger, this::refreshLedger);
    private final ObjectProperty<LedgerLine> selected = new SimpleObjectProperty<>();

    private final Status status;

    public StockViewModel(UiContext ctx) {
        this.ctx = ctx;
        this.status = new Status(ctx.messages());
        this.stock = new StockService(ctx.workspace());
        for (Commodity c : Commodity.values()) {
            thresholds.put(c, new SimpleStringProperty(""));
        }
        date.set(ctx.workspace().today());
        levelTeam.addListener((o, a, b) -> refreshLevels());
        ledgerCommodity.addListener((o, a, b) -> paging.first());
    }

    public boolean canEdit() {
        return ctx.workspace().can(Permission.COORDINATE);
    }

    public LocalDate today() {
        return ctx.workspace().today();
    }

    public void load() {
        refreshLevels();
        refreshLedger();
        status.load(ctx.executor(), stock::thresholds, t -> t.forEach((c, v) -> thresholds.get(c).set(Integer.toString(v))));
        status.load(ctx.executor(), stock::teams, teams::setAll);
    }

    public void refreshLevels() {
        String t = levelTeam.get();
        status.load(ctx.executor(), () -> stock.levels(t), levels::setAll);
    }

    public void refreshLedger() {
        Commodity c = ledgerCommodity.get();
        int from = paging.offset();
        status.load(ctx.executor(), () -> stock.ledger(c, null, from, PAGE_SIZE), page -> {
            selected.set(null);
            ledger.setAll(page.rows());
            paging.loaded(page.total());
        });
    }

    public void nextPage() {
        paging.next();
    }

    public void previousPage() {
        paging.previous();
    }

    /** Records the receipt or issue in the form. */
    public void saveMovement() {
        int qty;
        try {
            qty = Integer.parseInt(quantity.get() == null ? "" : quantity.get().strip());
        } catch (NumberFormatException e) {
            status.show(ctx.messages().get("ops.stock.quantityNumber"), true);
            return;
        }
        if (date.get() == null) {
            status.show(ctx.messages().get("ops.stock.dateRequired"), true);
            return;
        }
        MovementKind k = kind.get();
        Commodity c = commodity.get();
        LocalDate d = date.get();
        String t = team.get();
        String n = note.get();
        status.run(ctx.executor(), () -> k == MovementKind.ISSUE ? stock.issue(c, qty, d, t, n) : stock.receive(c, qty, d, t, n),
                saved -> {
                    ctx.shell().saved(saved.meta().createdAt());
                    status.show(ctx.messages().get(k == MovementKind.ISSUE ? "ops.stock.issued" : "ops.stock.received",
                            qty, ctx.labels().of(c)), false);
                    quantity.set("");
                    note.set("");
                    paging.offsetProperty().set(0);
                    load();
                });
    }

    // --- corrections, voids, counts (issue 14) ---------------------------------------------------------

    /** Whether the ledger line may be corrected or voided here (not voided, not a hand-out; COORDINATE). */
    public boolean mayChange(LedgerLine l) {
        return l != null && !l.voided() && l.movement().kind() != MovementKind.HANDOUT && canEdit();
    }

    /** Saves a correction of a receipt, issue or adjustment as the dialog filled it. */
    public void correct(CommodityMovement original, StockService.MovementCorrection c) {
        status.run(ctx.executor(), () -> stock.correct(original, c), saved -> {
            ctx.shell().saved(saved.meta().updatedAt());
            status.show(ctx.messages().get("correction.saved"), false);
            load();
        });
    }

    /** Voids a receipt, issue or adjustment with the reason chosen. */
    public void voidMovement(CommodityMovement original, VoidReason reason) {
        status.run(ctx.executor(), () -> stock.voidMovement(original, reason), after -> {
            ctx.shell().saved(after.updatedAt());
            status.show(ctx.messages().get("correction.voided"), false);
            load();
        });
    }

    /**
     * Records a stock count of {@code team}: {@code typed} the quantity counted per commodity as typed (blank: not
     * counted); an adjustment is saved for each difference.
     */
    public void count(String team, LocalDate day, Map<Commodity, String> typed, String reason) {
        Map<Commodity, Integer> counted = new EnumMap<>(Commodity.class);
        for (Map.Entry<Commodity, String> e : typed.entrySet()) {
            String t = e.getValue() == null ? "" : e.getValue().strip();
            if (t.isEmpty()) {
                continue;
            }
            try {
                counted.put(e.getKey(), Integer.parseInt(t));
            } catch (NumberFormatException x) {
                status.show(ctx.messages().get("ops.stock.count.number"), true);
                return;
            }
        }
        if (day == null) {
            status.show(ctx.messages().get("ops.stock.dateRequired"), true);
            return;
        }
        status.run(ctx.executor(), () -> stock.count(team, day, counted, reason), adjustments -> {
            ctx.shell().saved(ctx.workspace().clock().instant());
            status.show(adjustments.isEmpty() ? ctx.messages().get("ops.stock.count.matched")
                    : ctx.messages().get("ops.stock.count.saved", adjustments.size()), false);
            paging.offsetProperty().set(0);
            load();
        });
    }

    /** Reads a movement's history and gives it to {@code show}. */
    public void history(UUID movementId, Consumer<List<RecordChange>> show) {
        status.load(ctx.executor(), () -> stock.history(movementId), show);
    }

    public ObjectProperty<LedgerLine> selectedProperty() {
        return selected;
    }

    /** Saves the four low-stock thresholds as typed. */
    public void saveThresholds() {
        Map<Commodity, Integer> values = new EnumMap<>(Commodity.class);
        for (Commodity c : Commodity.values()) {
            try {
                values.put(c, Integer.parseInt(thresholds.get(c).get().strip()));
            } catch (NumberFormatException | NullPointerException e) {
                status.show(ctx.messages().get("ops.stock.thresholdNumber"), true);
                return;
            }
        }
        status.run(ctx.executor(), () -> {
            values.forEach(stock::setThreshold);
            return values;
        }, saved -> {
            ctx.shell().saved(ctx.workspace().clock().instant());
            status.show(ctx.messages().get("ops.stock.thresholdsSaved"), false);
            refreshLevels();
        });
    }

    /** The movements a coordinator enters here (hand-outs come from the encounter desk). */
    public static List<MovementKind> enteredKinds() {
        return List.of(MovementKind.RECEIPT, MovementKind.ISSUE);
    }

    public ObjectProperty<String> levelTeamProperty() {
        return levelTeam;
    }

    public ObservableList<StockService.Level> levels() {
        return levels;
    }

    public ObservableList<String> teams() {
        return teams;
    }

    public ObjectProperty<MovementKind> kindProperty() {
        return kind;
    }

    public ObjectProperty<Commodity> commodityProperty() {
        return commodity;
    }

    public StringProperty quantityProperty() {
        return quantity;
    }

    public ObjectProperty<LocalDate> dateProperty() {
        return date;
    }

    public StringProperty teamProperty() {
        return team;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public StringProperty thresholdProperty(Commodity c) {
        return thresholds.get(c);
    }

    public ObjectProperty<Commodity> ledgerCommodityProperty() {
        return ledgerCommodity;
    }

    public ObservableList<LedgerLine> ledger() {
        return ledger;
    }

    /** The list's paging (for the page bar). */
    public Paging paging() {
        return paging;
    }

    @Override
    public Status status() {
        return status;
    }
}
