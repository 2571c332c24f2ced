package org.outreachdesk.ui.report;

import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.outreachdesk.app.Dashboard;
import org.outreachdesk.domain.KpPrevStatus;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.ui.common.Controls;
import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.common.Wrapped;

/**
 * The DASHBOARD section (home view for managers and coordinators): reach this month and its 12-month trend, the
 * KP_PREV breakdown, coverage of sites against their estimated size, overdue referrals and stock running low.
 * The figures are worked out in the background when the view is first shown and on Refresh.
 */
public final class DashboardView extends VBox {

    private final DashboardViewModel model;
    private final Messages messages;
    private final Label month = new Label();
    private final Label reached = tileValue("dashboard-reached");
    private final Label fresh = tileValue("dashboard-new");
    private final Label encounters = tileValue("dashboard-encounters");
    private final Label overdue = tileValue("dashboard-overdue");
    private final Label lowStock = tileValue("dashboard-low-stock");
    private final LineChart<String, Number> trend;
    private final BarChart<String, Number> kpPrev;
    private final TableView<Dashboard.SiteCoverage> coverage = new TableView<>();
    private final TableView<Map.Entry<ServiceType, Long>> overdueTable = new TableView<>();
    private final TableView<Dashboard.StockLevel> stock = new TableView<>();

    public DashboardView(DashboardViewModel model, Messages messages) {
        super(10);
        this.model = model;
        this.messages = messages;
        setPadding(new Insets(4));

        Label title = new Label(messages.get("dashboard.title"));
        title.getStyleClass().add("section-title");
        month.setId("dashboard-month");
        Button refresh = new Button(messages.get("dashboard.refresh"));
        refresh.setId("dashboard-refresh");
        refresh.setOnAction(e -> model.refresh());
        refresh.disableProperty().bind(model.loadingProperty());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(20, 20);
        progress.visibleProperty().bind(model.loadingProperty());
        Label error = new Label();
        error.setId("dashboard-error");
        error.getStyleClass().add("field-error");
        error.textProperty().bind(model.errorProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(12, title, month, gap, error, progress, refresh);
        top.setAlignment(Pos.CENTER_LEFT);

        HBox tiles = new HBox(10,
                tile("dashboard.reached", reached),
                tile("dashboard.new", fresh),
                tile("dashboard.encounters", encounters),
                tile("dashboard.overdue", overdue),
                tile("dashboard.lowStock", lowStock));
        tiles.getChildren().forEach(t -> HBox.setHgrow(t, Priority.ALWAYS));

        CategoryAxis tx = new CategoryAxis();
        NumberAxis ty = new NumberAxis();
        ty.setForceZeroInRange(true);
        ty.setMinorTickVisible(false);
        trend = new LineChart<>(tx, ty);
        trend.setId("dashboard-trend");
        trend.setTitle(messages.get("dashboard.trend"));
        trend.setLegendVisible(false);
        trend.setAnimated(false);
        trend.setCreateSymbols(true);
        trend.setMinHeight(220);
        trend.setPrefHeight(250);

        CategoryAxis kx = new CategoryAxis();
        NumberAxis ky = new NumberAxis();
        ky.setMinorTickVisible(false);
        kpPrev = new BarChart<>(kx, ky);
        kpPrev.setId("dashboard-kp-prev");
        kpPrev.setTitle(messages.get("dashboard.kpPrev"));
        kpPrev.setLegendVisible(false);
        kpPrev.setAnimated(false);
        kpPrev.setMinHeight(220);
        kpPrev.setPrefHeight(250);

        buildCoverage();
        buildOverdue();
        buildStock();

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(12);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        grid.getColumnConstraints().addAll(half, half);
        grid.add(card(trend), 0, 0);
        grid.add(card(kpPrev), 1, 0);
        grid.add(card(titled("dashboard.coverage", coverage)), 0, 1);
        VBox right = new VBox(12, titled("dashboard.overdue.title", overdueTable), titled("dashboard.stock.title", stock));
        grid.add(card(right), 1, 1);

        VBox content = new VBox(12, syncReminder(), tiles, grid);
        content.setPadding(new Insets(0, 4, 4, 0));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(top, scroll);

        model.dashboardProperty().addListener((o, a, d) -> show(d));
        show(model.dashboardProperty().get());
        // first figures as soon as the view is on screen
        sceneProperty().addListener((o, a, s) -> {
            if (s != null && model.dashboardProperty().get() == null) {
                model.refresh();
            }
        });
    }

    /** The reminder to sync (a member laptop, 14 days or more), with the way to the Sync section. */
    private Node syncReminder() {
        Wrapped text = new Wrapped();
        text.setId("dashboard-sync-reminder");
        text.sourceProperty().bind(model.syncReminderProperty());
        HBox.setHgrow(text, Priority.ALWAYS);
        Button open = new Button(messages.get("dashboard.syncReminder.open"));
        open.setId("dashboard-sync-open");
        open.setMinWidth(Region.USE_PREF_SIZE);
        open.setOnAction(e -> model.openSync());
        HBox bar = new HBox(12, text, open);
        bar.setId("dashboard-sync-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("sync-reminder");
        bar.setPadding(new Insets(8, 12, 8, 12));
        bar.visibleProperty().bind(model.syncReminderProperty().isNotEmpty());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    private void buildCoverage() {
        coverage.setId("dashboard-coverage");
        Controls.headersReadable(coverage);
        Controls.headersReadable(overdueTable);
        Controls.headersReadable(stock);
        TableColumn<Dashboard.SiteCoverage, String> site = new TableColumn<>(messages.get("dashboard.coverage.site"));
        site.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().code() + " · " + c.getValue().name()));
        site.setPrefWidth(190);
        TableColumn<Dashboard.SiteCoverage, Number> size = new TableColumn<>(messages.get("dashboard.coverage.size"));
        size.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().estimatedSize()));
        size.setStyle("-fx-alignment: CENTER-RIGHT;");
        size.setPrefWidth(80);
        TableColumn<Dashboard.SiteCoverage, Number> reach = new TableColumn<>(messages.get("dashboard.coverage.reached"));
        reach.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().reached()));
        reach.setStyle("-fx-alignment: CENTER-RIGHT;");
        reach.setPrefWidth(70);
        TableColumn<Dashboard.SiteCoverage, Dashboard.SiteCoverage> pct =
                new TableColumn<>(messages.get("dashboard.coverage.percent"));
        pct.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue()));
        pct.setCellFactory(c -> new TableCell<>() {
            private final ProgressBar bar = new ProgressBar();
            private final Label text = new Label();
            private final HBox box = new HBox(6, bar, text);

            {
                bar.setPrefWidth(70);
                box.setAlignment(Pos.CENTER_LEFT);
            }

            @Override
            protected void updateItem(Dashboard.SiteCoverage s, boolean empty) {
                super.updateItem(s, empty);
                if (empty || s == null || s.coveragePercent() == null) {
                    setGraphic(null);
                    setText(empty || s == null ? null : "—");
                    return;
                }
                bar.setProgress(Math.min(1.0, s.coveragePercent() / 100.0));
                text.setText(String.format(locale(), "%.1f %%", s.coveragePercent()));
                setText(null);
                setGraphic(box);
            }
        });
        pct.setPrefWidth(160);
        coverage.getColumns().add(site);
        coverage.getColumns().add(size);
        coverage.getColumns().add(reach);
        coverage.getColumns().add(pct);
        coverage.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        coverage.setPlaceholder(new Label(messages.get("dashboard.coverage.none")));
        coverage.setPrefHeight(230);
    }

    private void buildOverdue() {
        overdueTable.setId("dashboard-overdue-table");
        TableColumn<Map.Entry<ServiceType, Long>, String> service = new TableColumn<>(messages.get("dashboard.overdue.service"));
        service.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().getKey().code()));
        TableColumn<Map.Entry<ServiceType, Long>, Number> n = new TableColumn<>(messages.get("dashboard.overdue.count"));
        n.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().getValue()));
        n.setStyle("-fx-alignment: CENTER-RIGHT;");
        overdueTable.getColumns().add(service);
        overdueTable.getColumns().add(n);
        overdueTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        overdueTable.setPlaceholder(new Label(messages.get("dashboard.overdue.none")));
        overdueTable.setPrefHeight(100);
    }

    private void buildStock() {
        stock.setId("dashboard-stock");
        TableColumn<Dashboard.StockLevel, String> c = new TableColumn<>(messages.get("dashboard.stock.commodity"));
        c.setCellValueFactory(x -> new SimpleStringProperty(messages.get("dashboard.commodity." + x.getValue().commodity().name())));
        c.setPrefWidth(140);
        TableColumn<Dashboard.StockLevel, Number> have = new TableColumn<>(messages.get("dashboard.stock.onHand"));
        have.setCellValueFactory(x -> new SimpleObjectProperty<>(x.getValue().onHand()));
        have.setStyle("-fx-alignment: CENTER-RIGHT;");
        TableColumn<Dashboard.StockLevel, Number> used = new TableColumn<>(messages.get("dashboard.stock.used"));
        used.setCellValueFactory(x -> new SimpleObjectProperty<>(x.getValue().usedInWindow()));
        used.setStyle("-fx-alignment: CENTER-RIGHT;");
        TableColumn<Dashboard.StockLevel, String> days = new TableColumn<>(messages.get("dashboard.stock.daysLeft"));
        days.setCellValueFactory(x -> new SimpleStringProperty(x.getValue().daysLeft() == null ? "—"
                : x.getValue().daysLeft().toString()));
        days.setStyle("-fx-alignment: CENTER-RIGHT;");
        TableColumn<Dashboard.StockLevel, String> low = new TableColumn<>(messages.get("dashboard.stock.low"));
        low.setCellValueFactory(x -> new SimpleStringProperty(x.getValue().low() ? messages.get("dashboard.stock.lowYes") : ""));
        low.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                getStyleClass().remove("stock-low");
                if (!empty && s != null && !s.isEmpty()) {
                    getStyleClass().add("stock-low");
                }
            }
        });
        stock.getColumns().add(c);
        stock.getColumns().add(have);
        stock.getColumns().add(used);
        stock.getColumns().add(days);
        stock.getColumns().add(low);
        stock.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        stock.setPrefHeight(150);
    }

    private void show(Dashboard d) {
        if (d == null) {
            month.setText(messages.get("dashboard.loading"));
            for (Label l : new Label[] {reached, fresh, encounters, overdue, lowStock}) {
                l.setText("—");
            }
            return;
        }
        month.setText(messages.get("dashboard.month",
                d.month().getMonth().getDisplayName(TextStyle.FULL, locale()) + " " + d.month().getYear()));
        reached.setText(Long.toString(d.reached()));
        fresh.setText(Long.toString(d.newContacts()));
        encounters.setText(Long.toString(d.encounters()));
        overdue.setText(Long.toString(d.overdueTotal()));
        lowStock.setText(Long.toString(d.lowStockCount()));
        overdue.getStyleClass().remove("tile-alert");
        lowStock.getStyleClass().remove("tile-alert");
        if (d.overdueTotal() > 0) {
            overdue.getStyleClass().add("tile-alert");
        }
        if (d.lowStockCount() > 0) {
            lowStock.getStyleClass().add("tile-alert");
        }

        XYChart.Series<String, Number> t = new XYChart.Series<>();
        t.setName(messages.get("dashboard.trend.series"));
        for (Dashboard.MonthReach m : d.trend()) {
            t.getData().add(new XYChart.Data<>(m.month().getMonth().getDisplayName(TextStyle.SHORT,
                    locale()) + " " + (m.month().getYear() % 100), m.reached()));
        }
        trend.getData().setAll(List.of(t));

        XYChart.Series<String, Number> k = new XYChart.Series<>();
        for (KpPrevStatus s : KpPrevStatus.values()) {
            k.getData().add(new XYChart.Data<>(messages.get("dashboard.kpPrev." + s.name()), d.kpPrev().getOrDefault(s, 0L)));
        }
        kpPrev.getData().setAll(List.of(k));

        coverage.setItems(FXCollections.observableArrayList(d.coverage()));
        overdueTable.setItems(FXCollections.observableArrayList(d.overdueReferrals().entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).toList()));
        stock.setItems(FXCollections.observableArrayList(d.stock()));
    }

    private static Label tileValue(String id) {
        Label l = new Label("—");
        l.setId(id);
        l.getStyleClass().add("tile-value");
        return l;
    }

    private VBox tile(String key, Label value) {
        Wrapped caption = new Wrapped(messages.get(key));
        caption.getStyleClass().add("tile-caption");
        VBox box = new VBox(2, value, caption);
        box.getStyleClass().add("tile");
        box.setPadding(new Insets(8, 12, 8, 12));
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    private VBox titled(String key, Node content) {
        Label l = new Label(messages.get(key));
        l.getStyleClass().add("subsection-title");
        VBox.setVgrow(content, Priority.ALWAYS);
        return new VBox(6, l, content);
    }

    private static Node card(Node content) {
        StackPane p = new StackPane(content);
        p.getStyleClass().add("card");
        p.setPadding(new Insets(8));
        return p;
    }

    /** The locale for month names and numbers (the English bundle is the base bundle, whose locale is empty). */
    private Locale locale() {
        Locale l = messages.locale();
        return l.getLanguage().isEmpty() ? Locale.ENGLISH : l;
    }
}
