package org.outreachdesk.ui.directory;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.outreachdesk.domain.DirectoryEntry;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.domain.StaffKind;
import org.outreachdesk.domain.VenueType;
import org.outreachdesk.ui.common.Labels;
import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.common.UiContext;
import org.outreachdesk.ui.common.Wrapped;
import org.outreachdesk.ui.common.Controls;

/**
 * The DIRECTORY section: three tabs — Services (the organisations contacts are referred to), Sites
 * (hotspots) and Staff (codes). Each is a list with an editor beside it; deactivating keeps the row for
 * history. Only coordinators, managers and admins can edit; everyone can look. Ctrl+S saves the editor.
 */
public final class DirectoryView extends BorderPane {

    private final Messages m;
    private final Labels names;
    private final TabPane tabs = new TabPane();

    public DirectoryView(UiContext ctx) {
        this(new ServicesViewModel(ctx), new SitesViewModel(ctx), new StaffViewModel(ctx), ctx.messages());
    }

    public DirectoryView(ServicesViewModel services, SitesViewModel sites, StaffViewModel staff, Messages messages) {
        this.m = messages;
        this.names = new Labels(messages);
        setId("directory");
        getStylesheets().add(Controls.STYLESHEET);
        setTop(Controls.title(m.get("ops.directory.title")));
        BorderPane.setMargin(getTop(), new Insets(0, 0, 8, 0));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(
                tab("tab-services", m.get("ops.directory.tab.services"), servicesPane(services)),
                tab("tab-sites", m.get("ops.directory.tab.sites"), sitesPane(sites)),
                tab("tab-staff", m.get("ops.directory.tab.staff"), staffPane(staff)));
        setCenter(tabs);
        parentProperty().addListener((o, was, now) -> {
            if (now != null && was == null) {
                services.refresh();
                sites.refresh();
                staff.refresh();
            }
        });
        services.refresh();
        sites.refresh();
        staff.refresh();
    }

    public TabPane tabs() {
        return tabs;
    }

    private static Tab tab(String id, String title, Node content) {
        Tab t = new Tab(title, content);
        t.setId(id);
        return t;
    }

    // --- services -----------------------------------------------------------------------------------

    private Node servicesPane(ServicesViewModel vm) {
        TextField search = new TextField();
        search.setId("services-search");
        search.setPromptText(m.get("ops.directory.searchPrompt"));
        search.textProperty().bindBidirectional(vm.searchProperty());
        search.setPrefColumnCount(24);
        ComboBox<ServiceType> filter = Controls.combo("services-filter", s -> names.coded(s),
                m.get("ops.referrals.anyService"));
        filter.getItems().setAll(Controls.withNone(Arrays.asList(ServiceType.values())));
        filter.setValue(null);
        filter.setPrefWidth(250);
        filter.valueProperty().addListener((o, a, s) -> vm.filterProperty().set(s));
        HBox bar = filterBar(vm, "services", Controls.fieldLabel(m.get("ops.directory.search"), search), search,
                Controls.fieldLabel(m.get("ops.referrals.service"), filter), filter);

        TableView<DirectoryEntry> t = table(vm, "services-table");
        // names, service lists and places run long: they take a second line rather than end in "…"
        t.getColumns().add(Controls.wrappedColumn(m.get("ops.directory.col.name"), 235, DirectoryEntry::name));
        t.getColumns().add(Controls.wrappedColumn(m.get("ops.directory.col.services"), 225,
                e -> e.services().stream().sorted().map(ServiceType::code).collect(Collectors.joining(", "))));
        t.getColumns().add(Controls.column(m.get("ops.directory.col.phone"), 105,
                e -> e.publicPhone() == null ? "" : e.publicPhone()));
        t.getColumns().add(Controls.wrappedColumn(m.get("ops.directory.col.location"), 140,
                e -> e.location() == null ? "" : e.location()));
        t.getColumns().add(activeColumn(DirectoryEntry::active));

        TextField name = field("service-name", vm.nameProperty());
        TextArea description = new TextArea();
        description.setId("service-description");
        description.setPrefRowCount(3);
        description.setWrapText(true);
        description.textProperty().bindBidirectional(vm.descriptionProperty());
        TextField phone = field("service-phone", vm.phoneProperty());
        Label phoneHint = hint(m.get("ops.directory.phoneHint"));
        TextField location = field("service-location", vm.locationProperty());
        FlowPane types = new FlowPane(8, 6);
        types.setId("service-types");
        types.setPrefWrapLength(320);
        for (ServiceType s : ServiceType.values()) {
            CheckBox c = new CheckBox(s.code());
            c.setMnemonicParsing(false);
            c.setId("service-type-" + s.name().toLowerCase(Locale.ROOT));
            Tooltip.install(c, new Tooltip(names.coded(s)));
            c.setSelected(vm.services().contains(s));
            c.selectedProperty().addListener((o, a, on) -> {
                if (on) {
                    vm.services().add(s);
                } else {
                    vm.services().remove(s);
                }
            });
            vm.services().addListener((SetChangeListener<ServiceType>) ch -> c.setSelected(vm.services().contains(s)));
            types.getChildren().add(c);
        }
        GridPane g = grid();
        int r = 0;
        g.addRow(r++, Controls.fieldLabel(m.get("ops.directory.name"), name), name);
        g.addRow(r++, Controls.fieldLabel(m.get("ops.directory.description"), description), description);
        g.addRow(r++, Controls.fieldLabel(m.get("ops.directory.phone"), phone), phone);
        g.add(phoneHint, 1, r++);
        g.addRow(r++, Controls.fieldLabel(m.get("ops.directory.location"), location), location);
        g.addRow(r++, Controls.fieldLabel(m.get("ops.directory.services"), types), types);
        return layout(vm, "service", bar, t, g, m.get("ops.directory.editTitle.services"));
    }

    // --- sites --------------------------------------------------------------------------------------

    private Node sitesPane(SitesViewModel vm) {
        HBox bar = filterBar(vm, "sites");
        TableView<Site> t = table(vm, "sites-table");
        t.getColumns().add(Controls.column(m.get("ops.sites.col.code"), 80, Site::code));
        t.getColumns().add(Controls.column(m.get("ops.sites.col.name"), 195, Site::name));
        t.getColumns().add(Controls.column(m.get("ops.sites.col.venue"), 130, s -> names.of(s.venueType())));
        t.getColumns().add(Controls.column(m.get("ops.sites.col.district"), 105, s -> nz(s.district())));
        t.getColumns().add(Controls.column(m.get("ops.sites.col.commune"), 125, s -> nz(s.commune())));
        t.getColumns().add(Controls.column(m.get("ops.sites.col.size"), 55,
                s -> s.estimatedSize() == null ? "" : Integer.toString(s.estimatedSize())));
        t.getColumns().add(activeColumn(Site::active));

        TextField code = field("site-code", vm.codeProperty());
        code.setPromptText("KTV-03");
        TextField name = field("site-name", vm.nameProperty());
        ComboBox<VenueType> venue = Controls.combo("site-venue", v -> names.of(v), null);
        venue.getItems().setAll(VenueType.values());
        venue.setPromptText(m.get("ops.choose"));
        venue.valueProperty().bindBidirectional(vm.venueProperty());
        venue.setMaxWidth(Double.MAX_VALUE);
        TextField district = field("site-district", vm.districtProperty());
        TextField commune = field("site-commune", vm.communeProperty());
        TextField size = field("site-size", vm.sizeProperty());
        size.setTextFormatter(new TextFormatter<String>(
                c -> c.getControlNewText().matches("\\d{0,6}") ? c : null));
        GridPane g = grid();
        int r = 0;
        g.addRow(r++, Controls.fieldLabel(m.get("ops.sites.code"), code), code);
        g.add(hint(m.get("ops.sites.codeHint")), 1, r++);
        g.addRow(r++, Controls.fieldLabel(m.get("ops.sites.name"), name), name);
        g.addRow(r++, Controls.fieldLabel(m.get("ops.sites.venue"), venue), venue);
        g.addRow(r++, Controls.fieldLabel(m.get("ops.sites.district"), district), district);
        g.addRow(r++, Controls.fieldLabel(m.get("ops.sites.commune"), commune), commune);
        g.addRow(r++, Controls.fieldLabel(m.get("ops.sites.size"), size), size);
        g.add(hint(m.get("ops.sites.sizeHint")), 1, r++);
        return layout(vm, "site", bar, t, g, m.get("ops.directory.editTitle.sites"));
    }

    // --- staff --------------------------------------------------------------------------------------

    private Node staffPane(StaffViewModel vm) {
        HBox bar = filterBar(vm, "staff");
        TableView<Staff> t = table(vm, "staff-table");
        t.getColumns().add(Controls.column(m.get("ops.staff.col.code"), 100, Staff::code));
        t.getColumns().add(Controls.column(m.get("ops.staff.col.kind"), 180, s -> names.of(s.kind())));
        t.getColumns().add(Controls.column(m.get("ops.staff.col.team"), 160, s -> nz(s.team())));
        t.getColumns().add(activeColumn(Staff::active));

        TextField code = field("staff-code", vm.codeProperty());
        code.setPromptText("OW01");
        ComboBox<StaffKind> kind = Controls.combo("staff-kind", k -> names.of(k), null);
        kind.getItems().setAll(StaffKind.values());
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        kind.setMaxWidth(Double.MAX_VALUE);
        TextField team = field("staff-team", vm.teamProperty());
        GridPane g = grid();
        int r = 0;
        g.addRow(r++, Controls.fieldLabel(m.get("ops.staff.code"), code), code);
        g.add(hint(m.get("ops.staff.codeHint")), 1, r++);
        g.addRow(r++, Controls.fieldLabel(m.get("ops.staff.kind"), kind), kind);
        g.addRow(r++, Controls.fieldLabel(m.get("ops.staff.team"), team), team);
        return layout(vm, "staff", bar, t, g, m.get("ops.directory.editTitle.staff"));
    }

    // --- shared layout -------------------------------------------------------------------------------

    private HBox filterBar(EditorState<?> vm, String prefix, Node... before) {
        CheckBox inactive = new CheckBox(m.get("ops.directory.showInactive"));
        inactive.setId(prefix + "-show-inactive");
        inactive.selectedProperty().bindBidirectional(vm.includeInactiveProperty());
        HBox bar = new HBox(8);
        bar.getChildren().addAll(before);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        bar.getChildren().addAll(gap, inactive);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 0, 8, 0));
        return bar;
    }

    private <T> TableView<T> table(EditorState<T> vm, String id) {
        TableView<T> t = new TableView<>(vm.rows());
        Controls.headersReadable(t);
        t.setId(id);
        t.setPlaceholder(new Label(m.get("ops.directory.empty")));
        // every column gives way in proportion when the table is narrow (Khmer at 1280 px), none below its header
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        t.setRowFactory(tv -> new TableRow<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("inactive");
                if (!empty && item != null && !vm.isActive(item)) {
                    getStyleClass().add("inactive");
                }
            }
        });
        t.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (row != null) {
                vm.editingProperty().set(row);
            }
        });
        // after a save the list is read again: select the saved row in it
        vm.rows().addListener((ListChangeListener<T>) c -> {
            T editing = vm.editingProperty().get();
            if (editing != null) {
                vm.rows().stream().filter(row -> sameRecord(row, editing)).findFirst()
                        .ifPresentOrElse(row -> t.getSelectionModel().select(row),
                                () -> t.getSelectionModel().clearSelection());
            }
        });
        return t;
    }

    private static boolean sameRecord(Object a, Object b) {
        return id(a) != null && id(a).equals(id(b));
    }

    private static Object id(Object row) {
        if (row instanceof DirectoryEntry e) {
            return e.meta().id();
        }
        if (row instanceof Site s) {
            return s.meta().id();
        }
        if (row instanceof Staff s) {
            return s.meta().id();
        }
        return null;
    }

    private <T> BorderPane layout(EditorState<T> vm, String prefix, HBox bar, TableView<T> table, GridPane fields,
                                  String editTitle) {
        Label title = new Label();
        title.getStyleClass().add("ops-form-title");
        title.setId(prefix + "-editor-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> vm.editingProperty().get() == null
                ? m.get("ops.directory.new", editTitle) : m.get("ops.directory.edit", editTitle), vm.editingProperty()));

        Button add = new Button(m.get("ops.directory.newButton"));
        add.setId(prefix + "-new");
        add.setOnAction(e -> {
            table.getSelectionModel().clearSelection();
            vm.startNew();
            fields.getChildren().stream().filter(n -> n instanceof TextField).findFirst().ifPresent(Node::requestFocus);
        });
        Button save = new Button(m.get("ops.directory.save"));
        save.setId(prefix + "-save");
        save.setDefaultButton(false);
        save.setOnAction(e -> vm.save());
        save.disableProperty().bind(vm.busyProperty());
        Button toggle = new Button();
        toggle.setId(prefix + "-toggle-active");
        toggle.textProperty().bind(Bindings.createStringBinding(() -> {
            T row = vm.editingProperty().get();
            return m.get(row != null && !vm.isActive(row) ? "ops.directory.reactivate" : "ops.directory.deactivate");
        }, vm.editingProperty()));
        toggle.disableProperty().bind(vm.editingProperty().isNull().or(vm.busyProperty()));
        toggle.setOnAction(e -> vm.toggleActive());
        HBox buttons = new HBox(8, save, toggle, add);

        Label message = Controls.messageLine(prefix + "-message");
        vm.messageProperty().addListener((o, a, t) -> Controls.showMessage(message, t, vm.errorProperty().get()));

        VBox editor = new VBox(10, title, fields, buttons, message);
        editor.getStyleClass().add("ops-form");
        if (!vm.canEdit()) {
            fields.setDisable(true);
            buttons.setVisible(false);
            buttons.setManaged(false);
            Label locked = hint(m.get("ops.directory.coordinatorsOnly"));
            locked.setId(prefix + "-locked");
            editor.getChildren().add(1, locked);
        }
        Controls.onShortcut(editor, new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), save);
        ScrollPane side = new ScrollPane(editor);
        side.setFitToWidth(true);
        side.setPrefWidth(370);
        side.setMinWidth(340);
        side.getStyleClass().add("ops-scroll");
        side.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);

        BorderPane pane = new BorderPane();
        pane.setTop(bar);
        pane.setCenter(table);
        pane.setRight(side);
        BorderPane.setMargin(side, new Insets(0, 0, 0, 12));
        return pane;
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(110);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        g.getColumnConstraints().addAll(labels, fields);
        return g;
    }

    private static TextField field(String id, StringProperty value) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(value);
        return f;
    }

    private static Label hint(String text) {
        Wrapped l = new Wrapped(text);
        l.getStyleClass().add("ops-hint");
        return l;
    }

    /** "Active": Yes or No, never cut ("បាទ/ចាស" is wider than its Khmer header). */
    private <T> TableColumn<T, T> activeColumn(Predicate<T> active) {
        TableColumn<T, T> c = Controls.column(m.get("ops.directory.col.active"), 60, row -> yesNo(active.test(row)));
        Controls.valuesReadable(c, List.of(yesNo(true), yesNo(false)));
        return c;
    }

    private String yesNo(boolean b) {
        return m.get(b ? "ops.yes" : "ops.no");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
