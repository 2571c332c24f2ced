package org.outreachdesk.ui.encounters;

import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.outreachdesk.app.EncounterService;
import org.outreachdesk.domain.Commodity;
import org.outreachdesk.domain.DirectoryEntry;
import org.outreachdesk.domain.EncounterType;
import org.outreachdesk.domain.HivStatus;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.ui.common.Dates;
import org.outreachdesk.ui.common.Forms;
import org.outreachdesk.ui.common.Labels;

/**
 * The parts of an encounter's form, bound to {@link EncounterFields}: the round (date, site, worker), the quantities
 * given, the services, the referrals and the note. The desk and the correction window build their forms of these
 * (ids {@code <prefix>-male}, {@code <prefix>-site}, …). Each part adds its fields to the keyboard order in the order
 * Enter moves through them.
 */
public final class EncounterFormParts {

    private final EncounterFields f;
    private final Labels l;
    private final String p;
    private final List<Control> order;
    private final DatePicker date;

    /**
     * @param order the form's keyboard order, to which each part adds its fields as it is built
     */
    public EncounterFormParts(EncounterFields fields, Labels labels, String idPrefix, List<Control> order) {
        this.f = fields;
        this.l = labels;
        this.p = idPrefix;
        this.order = order;
        this.date = Dates.picker(idPrefix + "-date");
    }

    /** Date, site and worker, under {@code title}. */
    public Node round(String title) {
        date.setPrefWidth(150);
        date.valueProperty().bindBidirectional(f.dateProperty());
        ComboBox<Site> site = new ComboBox<>(f.sites());
        site.setId(p + "-site");
        site.setPrefWidth(240);
        Forms.keyboardCombo(site, s -> s.code() + " – " + s.name(), Site::code, l.get("desk.choose"));
        site.valueProperty().bindBidirectional(f.siteProperty());
        ComboBox<Staff> worker = new ComboBox<>(f.staff());
        worker.setId(p + "-worker");
        worker.setPrefWidth(140);
        Forms.keyboardCombo(worker, Staff::code, Staff::code, l.get("desk.choose"));
        worker.valueProperty().bindBidirectional(f.workerProperty());
        order.add(site);
        order.add(worker);
        GridPane g = grid();
        g.addRow(0, Forms.label(l.get("desk.field.date"), date), date, Forms.label(l.get("desk.field.site"), site),
                site, Forms.label(l.get("desk.field.worker"), worker), worker);
        g.add(new VBox(2, Forms.errorLabel(p + "-date-error", f.errors(), "date", date),
                Forms.errorLabel(p + "-site-error", f.errors(), "site", site),
                Forms.errorLabel(p + "-worker-error", f.errors(), "worker", worker)), 0, 1, 6, 1);
        return card(title, g);
    }

    /** The quantities handed out, and the confirmation of a large one. */
    public Node quantities() {
        GridPane g = grid();
        VBox errors = new VBox(2);
        String[] ids = {"male", "female", "lube", "selftests"};
        Commodity[] commodities = {Commodity.MALE_CONDOM, Commodity.FEMALE_CONDOM, Commodity.LUBRICANT,
            Commodity.HIV_SELF_TEST};
        for (int i = 0; i < ids.length; i++) {
            String field = EncounterService.QUANTITY_FIELDS.get(commodities[i]);
            String id = p + "-" + ids[i];
            TextField t = Forms.textField(id, f.quantityProperty(commodities[i]), 6);
            t.setPromptText("0");
            Forms.digitsOnly(t, 6);
            order.add(t);
            g.add(Forms.label(l.get("desk.field." + field), t), i, 0);
            g.add(t, i, 1);
            errors.getChildren().add(Forms.errorLabel(id + "-error", f.errors(), field, t));
        }
        g.add(errors, 0, 2, 4, 1);
        CheckBox confirm = new CheckBox(l.get("desk.confirmLarge"));
        confirm.setId(p + "-confirm-large");
        confirm.selectedProperty().bindBidirectional(f.confirmLargeProperty());
        confirm.visibleProperty().bind(f.confirmShownProperty());
        confirm.managedProperty().bind(confirm.visibleProperty());
        order.add(confirm);
        g.add(confirm, 0, 3, 4, 1);
        return card(l.get("desk.given"), g);
    }

    /** HIV testing status, STI screening, education, condom demonstration and the encounter's type. */
    public Node services() {
        ComboBox<HivStatus> hiv = new ComboBox<>();
        hiv.setId(p + "-hiv");
        hiv.getItems().add(null);
        hiv.getItems().addAll(HivStatus.values());
        hiv.setPrefWidth(200);
        Forms.keyboardCombo(hiv, l::of, null, l.get("desk.hiv.notAsked"));
        hiv.valueProperty().bindBidirectional(f.hivStatusProperty());
        CheckBox sti = check(p + "-sti", l.get("desk.field.sti"), f.stiScreenedProperty());
        CheckBox edu = check(p + "-education", l.get("desk.field.education"), f.educationProperty());
        CheckBox demo = check(p + "-demo", l.get("desk.field.demo"), f.condomDemoProperty());
        ComboBox<EncounterType> type = new ComboBox<>();
        type.setId(p + "-type");
        type.getItems().setAll(EncounterType.values());
        Forms.keyboardCombo(type, l::of, null, null);
        type.valueProperty().bindBidirectional(f.typeProperty());
        order.addAll(List.of(hiv, sti, edu, demo, type));
        GridPane g = grid();
        g.addRow(0, Forms.label(l.get("desk.field.hiv"), hiv), hiv, sti, edu, demo);
        g.addRow(1, Forms.label(l.get("desk.field.type"), type), type);
        return card(l.get("desk.services"), g);
    }

    /** The referrals to make (check boxes), each with its destination and due date once ticked. */
    public Node referrals(String title, String hintText) {
        // flowing, not in a grid: each service keeps its whole name (Khmer names are long) and the row wraps
        FlowPane boxes = new FlowPane(18, 6);
        VBox details = new VBox(4);
        for (ServiceType s : EncounterFields.DESK_SERVICES) {
            CheckBox c = check(p + "-ref-" + s.code(), l.of(s), f.referralProperty(s));
            c.setMinWidth(Region.USE_PREF_SIZE);
            boxes.getChildren().add(c);
            order.add(c);
            details.getChildren().add(referralRow(s));
        }
        return card(title, new VBox(6, boxes, details, Forms.hint(hintText)));
    }

    /** Destination and due date of one ticked referral (hidden while it is not ticked). */
    private Node referralRow(ServiceType s) {
        Label name = new Label(l.of(s));
        name.setMinWidth(130);
        name.getStyleClass().add("group-title");
        ComboBox<DirectoryEntry> dest = new ComboBox<>();
        dest.setId(p + "-dest-" + s.code());
        dest.setPrefWidth(280);
        Forms.keyboardCombo(dest, DirectoryEntry::name, null, l.get("desk.destination.later"));
        Runnable fill = () -> {
            DirectoryEntry keep = dest.getValue();
            dest.getItems().setAll((DirectoryEntry) null);
            dest.getItems().addAll(f.destinationsFor(s));
            dest.setValue(dest.getItems().contains(keep) ? keep : null);
        };
        f.choicesProperty().addListener((obs, old, now) -> fill.run());
        fill.run();
        dest.valueProperty().bindBidirectional(f.destinationProperty(s));
        DatePicker due = Dates.picker(p + "-due-" + s.code());
        due.setPrefWidth(150);
        due.valueProperty().bindBidirectional(f.dueDateProperty(s));
        due.promptTextProperty().bind(Bindings.createStringBinding(() -> f.dateProperty().get() == null ? ""
                : Dates.format(f.dateProperty().get().plusDays(7)), f.dateProperty()));
        HBox row = new HBox(8, name, Forms.label(l.get("desk.destination"), dest), dest,
                Forms.label(l.get("desk.due"), due), due);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(2, row, Forms.errorLabel(p + "-ref-error-" + s.code(), f.errors(), "referral." + s.code(),
                dest));
        box.visibleProperty().bind(f.referralProperty(s));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /** The note field (added to the keyboard order: the last field). */
    public TextField note() {
        TextField note = new TextField();
        note.setId(p + "-note");
        note.setPrefColumnCount(50);
        note.setPromptText(l.get("desk.note.prompt"));
        note.textProperty().bindBidirectional(f.noteProperty());
        order.add(note);
        return note;
    }

    /** The date picker of the round. */
    public DatePicker date() {
        return date;
    }

    /** A date typed but not yet confirmed with Enter still counts. */
    public void commitDate() {
        if (date.getEditor().isFocused()) {
            try {
                date.setValue(date.getConverter().fromString(date.getEditor().getText()));
            } catch (RuntimeException ignored) {
                // the picker keeps its last valid value; the service reports a missing date
            }
        }
    }

    /** Moves the keyboard to the next field of the order that can take it. */
    public void next(Control from) {
        int at = order.indexOf(from);
        for (int k = at + 1; k < order.size(); k++) {
            Control c = order.get(k);
            if (c.isVisible() && !c.isDisabled() && c.isManaged()) {
                c.requestFocus();
                return;
            }
        }
    }

    /** Puts the keyboard on the first field with a message (or on the confirmation of a large quantity). */
    public void focusFirstProblem() {
        if (f.confirmShownProperty().get() && !f.confirmLargeProperty().get()) {
            order.stream().filter(c -> (p + "-confirm-large").equals(c.getId())).findFirst()
                    .ifPresent(Control::requestFocus);
            return;
        }
        if (date.getStyleClass().contains("has-error")) {
            date.requestFocus();
            return;
        }
        for (Control c : order) {
            if (c.getStyleClass().contains("has-error") && c.isVisible()) {
                c.requestFocus();
                return;
            }
        }
    }

    static CheckBox check(String id, String text, BooleanProperty value) {
        CheckBox c = new CheckBox(text);
        c.setId(id);
        c.selectedProperty().bindBidirectional(value);
        return c;
    }

    static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(4);
        g.setAlignment(Pos.CENTER_LEFT);
        return g;
    }

    /** A titled card of the form (no title: {@code null}). */
    public static VBox card(String title, Node content) {
        VBox box = new VBox(6);
        box.getStyleClass().add("desk-card");
        if (title != null) {
            Label t = new Label(title);
            t.getStyleClass().add("group-title");
            box.getChildren().add(t);
        }
        box.getChildren().add(content);
        box.setMinHeight(Region.USE_PREF_SIZE);
        return box;
    }
}
