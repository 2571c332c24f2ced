package org.outreachdesk.ui.report;

import java.io.File;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.IntStream;

import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.Region;
import javafx.scene.text.TextAlignment;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

import org.outreachdesk.app.ReportPreview;
import org.outreachdesk.domain.NationalFormat;
import org.outreachdesk.domain.PeriodKind;
import org.outreachdesk.domain.ReportAudience;
import org.outreachdesk.domain.ReportLanguage;
import org.outreachdesk.ui.common.Controls;
import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.common.Wrapped;

/**
 * The REPORTS section: choose a period and an audience, preview the key figures, save the workbook (optionally
 * password-protected for e-mail). Everything slow happens in the view-model's background work.
 */
public final class ReportsView extends VBox {

    private final ReportsViewModel model;
    private final Messages messages;
    private final BiFunction<Window, String, File> chooser;
    private final Function<Window, File> mappingChooser;
    private static final double LABEL_WIDTH = 90;

    /** The view with the system's save dialog. */
    public ReportsView(ReportsViewModel model, Messages messages) {
        this(model, messages, null);
    }

    /**
     * @param chooser asks where to save (window, suggested name → file, or null when cancelled); null for the
     *                system's save dialog (tests give their own)
     */
    public ReportsView(ReportsViewModel model, Messages messages, BiFunction<Window, String, File> chooser) {
        this(model, messages, chooser, null);
    }

    /**
     * @param chooser        asks where to save (window, suggested name → file, or null when cancelled); null for the
     *                       system's save dialog (tests give their own)
     * @param mappingChooser asks for the national export's mapping file (null when cancelled); null for the system's
     *                       open dialog
     */
    public ReportsView(ReportsViewModel model, Messages messages, BiFunction<Window, String, File> chooser,
                       Function<Window, File> mappingChooser) {
        super(12);
        this.model = model;
        this.messages = messages;
        this.chooser = chooser != null ? chooser : this::systemChooser;
        this.mappingChooser = mappingChooser != null ? mappingChooser : this::systemMappingChooser;
        setPadding(new Insets(4));
        Label title = new Label(messages.get("report.title"));
        title.getStyleClass().add("section-title");
        Label intro = new Wrapped(messages.get("report.intro"));
        intro.getStyleClass().add("hint");
        if (model.audiences().isEmpty()) {
            Label none = new Wrapped(messages.get("report.notAllowed"));
            none.setId("report-not-allowed");
            getChildren().addAll(title, none);
            return;
        }
        HBox body = new HBox(24, choices(), results());
        HBox.setHgrow(body.getChildren().get(1), Priority.ALWAYS);
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(title, intro, scroll);
    }

    /** The left-hand form: period, audience, workbook language, encryption, then the buttons. */
    private VBox choices() {
        VBox form = new VBox(8);
        form.setMinWidth(330);
        form.setPrefWidth(330);
        form.getChildren().addAll(periodRows());
        form.getChildren().add(audienceRow());
        form.getChildren().addAll(languageRows());
        form.getChildren().addAll(encryptionRows());
        form.getChildren().add(buttonRow());
        if (model.nationalAllowed()) {
            form.getChildren().add(nationalRows());
        }
        return form;
    }

    /** The period kind, then the rows for the chosen kind (year and month / quarter / half, or from and to). */
    private Node[] periodRows() {
        ComboBox<PeriodKind> kind = new ComboBox<>(model.periodKinds());
        kind.setId("report-period-kind");
        kind.setConverter(converter(k -> messages.get("report.period." + k.name().toLowerCase(Locale.ROOT))));
        kind.valueProperty().bindBidirectional(model.kindProperty());
        HBox kindRow = row("report.period", kind);

        Spinner<Integer> year = new Spinner<>(2000, 2099, model.yearProperty().get());
        year.setId("report-year");
        year.setEditable(true);
        year.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.yearProperty().set(b);
            }
        });
        HBox yearRow = row("report.year", year);

        HBox monthRow = numberChoice("report-month", "report.month", 12, model.monthProperty(),
                m -> Month.of(m).getDisplayName(TextStyle.FULL, locale()));
        HBox quarterRow = numberChoice("report-quarter", "report.quarter", 4, model.quarterProperty(),
                q -> messages.get("report.quarter." + q));
        HBox halfRow = numberChoice("report-half", "report.half", 2, model.halfProperty(),
                h -> messages.get("report.half." + h));

        DatePicker from = new DatePicker();
        from.setId("report-from");
        from.valueProperty().bindBidirectional(model.fromProperty());
        HBox fromRow = row("report.from", from);
        DatePicker to = new DatePicker();
        to.setId("report-to");
        to.valueProperty().bindBidirectional(model.toProperty());
        HBox toRow = row("report.to", to);

        var k = model.kindProperty();
        show(Bindings.createBooleanBinding(() -> k.get() != PeriodKind.CUSTOM, k), yearRow);
        show(Bindings.createBooleanBinding(() -> k.get() == PeriodKind.MONTH, k), monthRow);
        show(Bindings.createBooleanBinding(() -> k.get() == PeriodKind.QUARTER, k), quarterRow);
        show(Bindings.createBooleanBinding(() -> k.get() == PeriodKind.HALF_YEAR, k), halfRow);
        show(Bindings.createBooleanBinding(() -> k.get() == PeriodKind.CUSTOM, k), fromRow, toRow);
        return new Node[] {kindRow, yearRow, monthRow, quarterRow, halfRow, fromRow, toRow};
    }

    /** A labelled choice of 1..count (month, quarter, half-year) kept in the model's property. */
    private HBox numberChoice(String id, String key, int count, IntegerProperty into, Function<Integer, String> text) {
        ComboBox<Integer> box = new ComboBox<>(FXCollections.observableArrayList(
                IntStream.rangeClosed(1, count).boxed().toList()));
        box.setId(id);
        box.setConverter(converter(text));
        box.setValue(into.get());
        box.valueProperty().addListener((o, a, b) -> into.set(b));
        return row(key, box);
    }

    /** Audience: donor is the default; internal is offered only to managers and admins. */
    private HBox audienceRow() {
        ToggleGroup group = new ToggleGroup();
        VBox audiences = new VBox(6);
        for (ReportAudience a : model.audiences()) {
            RadioButton b = new RadioButton();
            b.setId("report-audience-" + a.code());
            b.setToggleGroup(group);
            b.setUserData(a);
            b.setSelected(a == model.audienceProperty().get());
            audiences.getChildren().add(choiceWithText(b, messages.get("report.audience." + a.code())));
        }
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.audienceProperty().set((ReportAudience) b.getUserData());
            }
        });
        HBox audienceRow = row("report.audience", audiences);
        audienceRow.setAlignment(Pos.TOP_LEFT);
        audienceRow.setPadding(new Insets(8, 0, 0, 0));
        return audienceRow;
    }

    /** The workbook's labels: English unless asked (donors read it); Khmer for the provincial health department. */
    private Node[] languageRows() {
        ToggleGroup languages = new ToggleGroup();
        HBox languageChoice = new HBox(16);
        for (ReportLanguage lang : ReportLanguage.values()) {
            RadioButton b = new RadioButton(messages.get("report.language." + lang.code()));
            b.setId("report-language-" + lang.code());
            b.setToggleGroup(languages);
            b.setUserData(lang);
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.setSelected(lang == model.languageProperty().get());
            languageChoice.getChildren().add(b);
        }
        languages.selectedToggleProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.languageProperty().set((ReportLanguage) b.getUserData());
            }
        });
        HBox languageRow = row("report.language", languageChoice);
        languageRow.setPadding(new Insets(8, 0, 0, 0));
        Label languageHint = new Wrapped(messages.get("report.language.hint"));
        languageHint.getStyleClass().add("hint");
        return new Node[] {languageRow, row(null, languageHint)};
    }

    /** "Protect with a password" and, when ticked, the password twice with its hint. */
    private Node[] encryptionRows() {
        CheckBox encrypt = new CheckBox();
        encrypt.setId("report-encrypt");
        encrypt.selectedProperty().bindBidirectional(model.encryptProperty());
        HBox encryptRow = row(null, choiceWithText(encrypt, messages.get("report.encrypt")));
        encryptRow.setPadding(new Insets(8, 0, 0, 0));
        PasswordField pw = new PasswordField();
        pw.setId("report-password");
        pw.textProperty().bindBidirectional(model.passwordProperty());
        HBox pwRow = row("report.password", pw);
        PasswordField pw2 = new PasswordField();
        pw2.setId("report-password-repeat");
        pw2.textProperty().bindBidirectional(model.passwordRepeatProperty());
        HBox pw2Row = row("report.passwordRepeat", pw2);
        Label pwHint = new Wrapped(messages.get("report.password.hint", ReportsViewModel.MIN_PASSWORD));
        pwHint.getStyleClass().add("hint");
        HBox hintRow = row(null, pwHint);
        show(model.encryptProperty(), pwRow, pw2Row, hintRow);
        return new Node[] {encryptRow, pwRow, pw2Row, hintRow};
    }

    /** Preview and save, with the busy indicator. */
    private HBox buttonRow() {
        Button preview = new Button(messages.get("report.preview"));
        preview.setId("report-preview");
        preview.setOnAction(e -> model.preview());
        preview.setDefaultButton(true);
        preview.setMinWidth(Region.USE_PREF_SIZE);
        Button save = new Button(messages.get("report.save"));
        save.setId("report-save");
        save.setMinWidth(Region.USE_PREF_SIZE);
        save.setOnAction(e -> {
            File f = chooser.apply(getScene() == null ? null : getScene().getWindow(), model.suggestedFileName());
            if (f != null) {
                model.save(f.toPath());
            }
        });
        preview.disableProperty().bind(model.busyProperty());
        save.disableProperty().bind(model.busyProperty());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(20, 20);
        show(model.busyProperty(), progress);
        HBox buttons = new HBox(8, preview, save, progress);
        buttons.setAlignment(Pos.CENTER_LEFT);
        HBox buttonRow = row(null, buttons);
        buttonRow.setPadding(new Insets(12, 0, 0, 0));
        return buttonRow;
    }

    /**
     * The national export (managers and admins only): format, mapping file, then the button that asks where to
     * save. The figures left out are listed under the status line.
     */
    private VBox nationalRows() {
        Label heading = new Wrapped(messages.get("report.national.title"));
        heading.getStyleClass().add("subsection-title");
        Label hint = new Wrapped(messages.get("report.national.hint"));
        hint.getStyleClass().add("hint");

        ToggleGroup formats = new ToggleGroup();
        VBox formatChoice = new VBox(6);
        for (NationalFormat f : NationalFormat.values()) {
            RadioButton b = new RadioButton();
            b.setId("report-national-" + f.code());
            b.setToggleGroup(formats);
            b.setUserData(f);
            b.setSelected(f == model.nationalFormatProperty().get());
            formatChoice.getChildren().add(choiceWithText(b, messages.get("report.national.format." + f.code())));
        }
        formats.selectedToggleProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.nationalFormatProperty().set((NationalFormat) b.getUserData());
            }
        });
        HBox formatRow = row("report.national.format", formatChoice);
        formatRow.setAlignment(Pos.TOP_LEFT);

        Button choose = new Button(messages.get("report.national.chooseMapping"));
        choose.setId("report-national-mapping");
        choose.setMinWidth(Region.USE_PREF_SIZE);
        choose.setOnAction(e -> {
            File f = mappingChooser.apply(getScene() == null ? null : getScene().getWindow());
            if (f != null) {
                model.mappingProperty().set(f.toPath());
            }
        });
        Wrapped mappingName = new Wrapped();
        mappingName.setId("report-national-mapping-file");
        mappingName.sourceProperty().bind(Bindings.createStringBinding(() -> {
            Path m = model.mappingProperty().get();
            return m == null ? messages.get("report.national.noMappingYet") : String.valueOf(m.getFileName());
        }, model.mappingProperty()));
        VBox mappingBox = new VBox(4, choose, mappingName);
        HBox mappingRow = row("report.national.mapping", mappingBox);

        Button export = new Button(messages.get("report.national.export"));
        export.setId("report-national-export");
        export.setMinWidth(Region.USE_PREF_SIZE);
        export.setOnAction(e -> {
            File f = chooser.apply(getScene() == null ? null : getScene().getWindow(),
                    model.suggestedNationalFileName());
            if (f != null) {
                model.exportNational(f.toPath());
            }
        });
        export.disableProperty().bind(model.busyProperty().or(model.mappingProperty().isNull()));
        HBox exportRow = row(null, export);

        VBox box = new VBox(8, heading, row(null, hint), formatRow, mappingRow, exportRow);
        box.setId("report-national");
        box.setPadding(new Insets(16, 0, 0, 0));
        return box;
    }

    /** The figures the last national export left out: not mapped, or mapped without a value this period. */
    private VBox leftOut() {
        Wrapped unmappedTitle = new Wrapped();
        unmappedTitle.sourceProperty().bind(Bindings.createStringBinding(
                () -> messages.get("report.national.unmapped", model.unmapped().size()), model.unmapped()));
        ListView<String> unmapped = new ListView<>(model.unmapped());
        unmapped.setId("report-national-unmapped");
        unmapped.setPrefHeight(160);
        Wrapped absentTitle = new Wrapped();
        absentTitle.sourceProperty().bind(Bindings.createStringBinding(
                () -> messages.get("report.national.absent", model.absent().size()), model.absent()));
        ListView<String> absent = new ListView<>(model.absent());
        absent.setId("report-national-absent");
        absent.setPrefHeight(80);
        show(Bindings.isNotEmpty(model.unmapped()), unmappedTitle, unmapped);
        show(Bindings.isNotEmpty(model.absent()), absentTitle, absent);
        return new VBox(6, unmappedTitle, unmapped, absentTitle, absent);
    }

    /**
     * A radio button or check box with its text beside it in a {@link Wrapped} label (JavaFX mis-draws Khmer that a
     * button wraps itself: words run over the next column and are repeated on the next line); a click on the text
     * acts as a click on the button.
     */
    private static HBox choiceWithText(ButtonBase button, String text) {
        button.setAccessibleText(text);
        Wrapped words = new Wrapped(text);
        words.setLabelFor(button);
        words.setOnMouseClicked(e -> button.fire());
        HBox.setHgrow(words, Priority.ALWAYS);
        HBox box = new HBox(2, button, words);
        box.setAlignment(Pos.TOP_LEFT);
        return box;
    }

    /** A label (or none) in a fixed-width column, then the control filling the rest. */
    private HBox row(String key, Node control) {
        // a long label ("Workbook language", Khmer) wraps in its column instead of ending in "…" (Wrapped: JavaFX
        // mis-draws Khmer it wraps itself)
        Wrapped l = new Wrapped(key == null ? "" : messages.get(key));
        l.setMinWidth(LABEL_WIDTH);
        l.setPrefWidth(LABEL_WIDTH);
        l.setMaxWidth(LABEL_WIDTH);
        l.setAlignment(Pos.CENTER_RIGHT);
        l.setTextAlignment(TextAlignment.RIGHT);
        l.setLabelFor(control);
        if (control instanceof Region r) {
            r.setMaxWidth(Double.MAX_VALUE);
        }
        HBox.setHgrow(control, Priority.ALWAYS);
        HBox row = new HBox(8, l, control);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private VBox results() {
        Label heading = new Label(messages.get("report.figures"));
        heading.getStyleClass().add("subsection-title");
        Wrapped period = new Wrapped();
        period.setId("report-period-shown");
        period.sourceProperty().bind(Bindings.createStringBinding(() -> {
            ReportPreview p = model.previewProperty().get();
            return p == null ? messages.get("report.noPreview")
                    : messages.get("report.periodShown", p.periodDescription(),
                    messages.get("report.audience." + p.audience().code()));
        }, model.previewProperty()));

        TableView<ReportPreview.Figure> table = new TableView<>(model.figures());
        table.setId("report-figures");
        Controls.headersReadable(table);
        TableColumn<ReportPreview.Figure, String> name = new TableColumn<>(messages.get("report.figures.indicator"));
        name.setCellValueFactory(c -> new SimpleStringProperty(
                messages.get("report.figure." + c.getValue().key())));
        name.setPrefWidth(280);
        name.setSortable(false);
        TableColumn<ReportPreview.Figure, String> value = new TableColumn<>(messages.get("report.figures.value"));
        value.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().value() == null
                ? c.getValue().shown() : NumberFormat.getIntegerInstance(locale()).format(c.getValue().value())));
        value.setStyle("-fx-alignment: CENTER-RIGHT;");
        value.setPrefWidth(120);
        value.setSortable(false);
        table.getColumns().add(name);
        table.getColumns().add(value);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label(messages.get("report.noPreview")));
        table.setFixedCellSize(26);
        table.setPrefHeight(12 * 26 + 30);
        table.setMinHeight(Region.USE_PREF_SIZE);
        table.setMaxWidth(520);

        Wrapped status = new Wrapped();
        status.setId("report-status");
        status.sourceProperty().bind(model.messageProperty());
        model.errorProperty().addListener((o, a, b) -> {
            status.getStyleClass().remove("field-error");
            if (b) {
                status.getStyleClass().add("field-error");
            }
        });
        VBox box = new VBox(8, heading, period, table, status);
        if (model.nationalAllowed()) {
            box.getChildren().add(leftOut());
        }
        box.setMaxWidth(560);
        return box;
    }

    private static void show(ObservableValue<Boolean> when, Node... nodes) {
        for (Node n : nodes) {
            n.visibleProperty().bind(when);
            n.managedProperty().bind(when);
        }
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : text.apply(t);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private File systemChooser(Window owner, String suggested) {
        FileChooser fc = new FileChooser();
        fc.setTitle(messages.get("report.chooser.title"));
        String ending = suggested.substring(suggested.lastIndexOf('.'));
        String filter = switch (ending) {
            case ".xml" -> "report.chooser.filter.xml";
            case ".json" -> "report.chooser.filter.json";
            default -> "report.chooser.filter";
        };
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get(filter), "*" + ending));
        fc.setInitialFileName(suggested);
        Path last = model.savedProperty().get();
        if (last != null && last.getParent() != null) {
            fc.setInitialDirectory(last.getParent().toFile());
        }
        return fc.showSaveDialog(owner);
    }

    private File systemMappingChooser(Window owner) {
        FileChooser fc = new FileChooser();
        fc.setTitle(messages.get("report.national.chooseMapping"));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get("report.chooser.filter.csv"), "*.csv"));
        Path last = model.mappingProperty().get();
        if (last != null && last.getParent() != null) {
            fc.setInitialDirectory(last.getParent().toFile());
        }
        return fc.showOpenDialog(owner);
    }

    /** The locale for month names and numbers (the English bundle is the base bundle, whose locale is empty). */
    private Locale locale() {
        Locale l = messages.locale();
        return l.getLanguage().isEmpty() ? Locale.ENGLISH : l;
    }
}
