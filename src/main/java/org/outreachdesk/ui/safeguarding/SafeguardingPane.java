package org.outreachdesk.ui.safeguarding;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.outreachdesk.domain.DirectoryEntry;
import org.outreachdesk.ui.common.Wrapped;
import org.outreachdesk.ui.common.Forms;
import org.outreachdesk.ui.common.Labels;

/**
 * The safeguarding screen: the five indicators, and — as soon as one is ticked — the protocol: the NCCT hotline
 * 1288, the anti-trafficking and child-protection organisations of the directory, and the one-step referral.
 * Ctrl+Enter saves, Esc goes back.
 */
public final class SafeguardingPane extends VBox {

    private final SafeguardingViewModel vm;
    private final CheckBox first;

    public SafeguardingPane(SafeguardingViewModel vm) {
        super(8);
        this.vm = vm;
        Labels l = vm.labels();
        setId("safeguarding-pane");
        getStylesheets().add(Forms.stylesheet());
        setPadding(new Insets(4));

        Label title = new Label(l.get("safeguarding.title"));
        title.getStyleClass().add("section-title");
        Label person = new Label();
        person.setId("sg-person");
        person.textProperty().bind(vm.personProperty());
        Wrapped message = new Wrapped();
        message.setId("sg-message");
        message.getStyleClass().add("warning-banner");
        message.sourceProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(message.sourceProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        // the screen
        Label intro = Forms.hint(l.get("safeguarding.intro"));
        CheckBox debt = check("sg-debt", l.get("safeguarding.debtBondage"), vm.debtBondageProperty());
        CheckBox conf = check("sg-confinement", l.get("safeguarding.confinement"), vm.confinementProperty());
        CheckBox docs = check("sg-documents", l.get("safeguarding.documents"), vm.documentsConfiscatedProperty());
        CheckBox ctrl = check("sg-control", l.get("safeguarding.control"), vm.extremeControlProperty());
        CheckBox minor = check("sg-under18", l.get("safeguarding.under18"), vm.under18Property());
        first = debt;
        GridPane indicators = new GridPane();
        indicators.setHgap(24);
        indicators.setVgap(6);
        indicators.add(debt, 0, 0);
        indicators.add(conf, 1, 0);
        indicators.add(docs, 0, 1);
        indicators.add(ctrl, 1, 1);
        indicators.add(minor, 0, 2);
        Label indicatorsTitle = new Label(l.get("safeguarding.indicators"));
        indicatorsTitle.getStyleClass().add("group-title");
        VBox screen = new VBox(6, indicatorsTitle, intro, indicators);
        screen.getStyleClass().add("desk-card");

        // the protocol
        Label protocolTitle = new Label(l.get("safeguarding.protocol.title"));
        protocolTitle.getStyleClass().add("group-title");
        Wrapped hotline = new Wrapped();
        hotline.setId("sg-hotline");
        hotline.getStyleClass().add("hotline");
        hotline.sourceProperty().bind(Bindings.createStringBinding(
                () -> l.get("safeguarding.hotline", vm.hotlineProperty().get()), vm.hotlineProperty()));
        Wrapped steps = new Wrapped(l.get("safeguarding.protocol.steps"));
        Label traffickingTitle = new Label(l.get("safeguarding.orgs.trafficking"));
        traffickingTitle.getStyleClass().add("group-title");
        Wrapped traffickingOrgs = new Wrapped();
        traffickingOrgs.setId("sg-trafficking-orgs");
        traffickingOrgs.sourceProperty().bind(SafeguardingViewModel.joined(vm.traffickingOrgs(),
                l.get("safeguarding.orgs.none")));
        Label childTitle = new Label(l.get("safeguarding.orgs.child"));
        childTitle.getStyleClass().add("group-title");
        Wrapped childOrgs = new Wrapped();
        childOrgs.setId("sg-child-orgs");
        childOrgs.sourceProperty().bind(SafeguardingViewModel.joined(vm.childProtectionOrgs(),
                l.get("safeguarding.orgs.none")));
        GridPane orgs = new GridPane();
        orgs.setHgap(24);
        orgs.setVgap(4);
        orgs.add(traffickingTitle, 0, 0);
        orgs.add(traffickingOrgs, 0, 1);
        orgs.add(childTitle, 1, 0);
        orgs.add(childOrgs, 1, 1);
        GridPane.setValignment(traffickingOrgs, VPos.TOP);
        GridPane.setValignment(childOrgs, VPos.TOP);

        Label referTitle = new Label(l.get("safeguarding.refer.title"));
        referTitle.getStyleClass().add("group-title");
        CheckBox referT = check("sg-refer-trafficking", l.get("safeguarding.refer.trafficking"),
                vm.referTraffickingProperty());
        ComboBox<DirectoryEntry> destT = destinations("sg-trafficking-dest", vm.traffickingOrgs(), l);
        destT.valueProperty().bindBidirectional(vm.traffickingDestinationProperty());
        destT.disableProperty().bind(vm.referTraffickingProperty().not());
        CheckBox referC = check("sg-refer-child", l.get("safeguarding.refer.child"), vm.referChildProtectionProperty());
        ComboBox<DirectoryEntry> destC = destinations("sg-child-dest", vm.childProtectionOrgs(), l);
        destC.valueProperty().bindBidirectional(vm.childProtectionDestinationProperty());
        destC.disableProperty().bind(vm.referChildProtectionProperty().not());
        referT.disableProperty().bind(vm.canReferProperty().not());
        referC.disableProperty().bind(vm.canReferProperty().not());
        GridPane refer = new GridPane();
        refer.setHgap(12);
        refer.setVgap(6);
        refer.add(referT, 0, 0);
        refer.add(destT, 1, 0);
        refer.add(referC, 0, 1);
        refer.add(destC, 1, 1);
        Label noContact = Forms.hint(l.get("safeguarding.refer.needsContact"));
        noContact.setId("sg-needs-contact");
        noContact.visibleProperty().bind(vm.canReferProperty().not());
        noContact.managedProperty().bind(noContact.visibleProperty());
        Label referError = Forms.errorLabel("sg-referral-error", vm.errors(), "referral", null);

        VBox protocol = new VBox(8, protocolTitle, hotline, steps, orgs, referTitle, refer, noContact, referError);
        protocol.setId("sg-protocol");
        protocol.getStyleClass().add("protocol");
        protocol.visibleProperty().bind(vm.flaggedProperty());
        protocol.managedProperty().bind(protocol.visibleProperty());

        Button save = new Button(l.get("safeguarding.save"));
        save.setId("sg-save");
        save.setDefaultButton(false);
        save.disableProperty().bind(vm.busyProperty());
        save.setOnAction(e -> vm.save());
        Button back = new Button(l.get("safeguarding.back"));
        back.setId("sg-cancel");
        back.setOnAction(e -> vm.cancel());
        Label keys = Forms.hint(l.get("safeguarding.keys"));
        HBox buttons = new HBox(10, save, back, keys);
        buttons.setAlignment(Pos.CENTER_LEFT);

        VBox body = new VBox(10, message, screen, protocol, buttons);
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        Forms.followFocus(scroll, body);
        scroll.setFocusTraversable(false);
        scroll.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(title, person, scroll);

        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                vm.save();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                vm.cancel();
                e.consume();
            }
        });
    }

    private static CheckBox check(String id, String text, BooleanProperty p) {
        CheckBox c = new CheckBox(text);
        c.setId(id);
        c.setWrapText(true);
        c.selectedProperty().bindBidirectional(p);
        return c;
    }

    private static ComboBox<DirectoryEntry> destinations(String id, ObservableList<DirectoryEntry> orgs, Labels l) {
        ComboBox<DirectoryEntry> c = new ComboBox<>();
        c.setId(id);
        c.setPrefWidth(320);
        Forms.keyboardCombo(c, DirectoryEntry::name, null, l.get("safeguarding.destination.later"));
        Runnable fill = () -> {
            DirectoryEntry keep = c.getValue();
            c.getItems().setAll((DirectoryEntry) null);
            c.getItems().addAll(orgs);
            c.setValue(orgs.contains(keep) ? keep : null);
        };
        orgs.addListener((ListChangeListener<DirectoryEntry>) ch -> fill.run());
        fill.run();
        return c;
    }

    /** Puts the keyboard on the first indicator. */
    public void focusFirst() {
        first.requestFocus();
    }

    public SafeguardingViewModel viewModel() {
        return vm;
    }
}
