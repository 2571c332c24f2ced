package org.outreachdesk.ui.vault;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.outreachdesk.ui.common.Controls;
import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.common.PasswordCheck;
import org.outreachdesk.ui.common.Forms;

/**
 * The first-run screen: there is no vault yet, so the person creates one and becomes its first admin.
 */
public final class FirstRunView extends StackPane {

    private final FirstRunViewModel model;
    private final PasswordField password = new PasswordField();
    private final PasswordField confirm = new PasswordField();
    private final TextField joinCode = new TextField();
    private final Messages messages;
    /** Asks for the join file (owner → file, or null when cancelled; tests replace it). */
    private Function<Window, File> joinChooser = this::chooseJoinFile;
    /** Holds the "Explore a demo vault" button beside Create, when the flow offers a demo vault. */
    private final HBox demoVaultSlot = new HBox(8);

    public FirstRunView(FirstRunViewModel model, Messages messages, Path vaultFolder) {
        this.model = model;
        this.messages = messages;
        getStyleClass().add("start-screen");
        setId("first-run-screen");

        Label app = new Label(messages.get("app.title"));
        app.getStyleClass().add("app-name");
        Label title = new Label(messages.get("firstRun.title"));
        title.getStyleClass().add("screen-title");
        Label intro = Forms.text(messages.get("firstRun.intro"), null);

        TextField org = new TextField();
        org.setId("first-run-org");
        org.textProperty().bindBidirectional(model.organisationProperty());
        TextField admin = new TextField();
        admin.setId("first-run-admin");
        admin.textProperty().bindBidirectional(model.adminNameProperty());
        password.setId("first-run-password");
        confirm.setId("first-run-confirm");
        confirm.setOnAction(e -> create());

        Label nameHint = Forms.text(messages.get("user.nameRule"), "hint");
        Label rules = Forms.text(PasswordCheck.rules(messages), "hint");
        rules.setId("first-run-rules");

        Button create = new Button(messages.get("firstRun.create"));
        create.setId("first-run-create");
        create.getStyleClass().add("primary");
        create.disableProperty().bind(model.busyProperty());
        create.setOnAction(e -> create());

        demoVaultSlot.setId("first-run-demo-slot");
        demoVaultSlot.managedProperty().bind(demoVaultSlot.visibleProperty());
        demoVaultSlot.visibleProperty().bind(Bindings.isNotEmpty(demoVaultSlot.getChildren()));
        if (model.demoOffered()) {
            Button demo = new Button(messages.get("firstRun.demo"));
            demo.setId("first-run-demo");
            demo.disableProperty().bind(model.busyProperty());
            demo.setOnAction(e -> model.openDemo(Forms.take(password), Forms.take(confirm)));
            demoVaultSlot.getChildren().add(demo);
        }
        HBox actions = new HBox(12, create, demoVaultSlot);

        Label demoHint = Forms.text(messages.get("firstRun.demoHint"), "hint");
        demoHint.setId("first-run-demo-hint");
        demoHint.managedProperty().bind(demoVaultSlot.visibleProperty());
        demoHint.visibleProperty().bind(demoVaultSlot.visibleProperty());
        Label folder = Forms.text(messages.get("firstRun.folder", vaultFolder.toAbsolutePath().toString()), "hint");
        folder.setId("first-run-folder");

        VBox form = new VBox(10,
                Forms.field(messages.get("firstRun.org"), org),
                new VBox(3, Forms.field(messages.get("firstRun.admin"), admin), nameHint),
                Forms.field(messages.get("firstRun.password"), password),
                new VBox(3, Forms.field(messages.get("firstRun.confirm"), confirm), rules));
        form.disableProperty().bind(model.busyProperty());

        VBox card = new VBox(12, app, title, intro, form, joinPane(), actions, demoHint,
                Forms.busy("first-run-busy", messages.get("firstRun.busy"), model.busyProperty()),
                Forms.message("first-run-error", model.errorProperty(), "field-error"));
        if (model.restoreOffered()) {
            Button restore = new Button(messages.get("restore.open"));
            restore.setId("first-run-restore");
            restore.setMinWidth(Region.USE_PREF_SIZE);
            restore.disableProperty().bind(model.busyProperty());
            restore.setOnAction(e -> model.openRestore());
            Label restoreHint = Forms.text(messages.get("restore.firstRunHint"), "hint");
            restoreHint.setId("first-run-restore-hint");
            card.getChildren().add(new VBox(6, restoreHint, restore));
        }
        card.getChildren().add(folder);
        card.getStyleClass().add("card");
        card.setMaxWidth(520);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        card.setPadding(new Insets(24));

        ScrollPane scroll = new ScrollPane(UnlockView.centre(card));
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("start-scroll");
        getChildren().add(scroll);
        Forms.focusLater(org);
    }

    /** The place of the demo-vault action. */
    public HBox demoVaultSlot() {
        return demoVaultSlot;
    }

    /** "Join a team with a join file": a tick, then the file and its one-time code. */
    private VBox joinPane() {
        CheckBox join = new CheckBox(messages.get("firstRun.join"));
        join.setId("first-run-join");
        join.setWrapText(true);
        join.selectedProperty().bindBidirectional(model.joinTeamProperty());
        HBox fileRow = Controls.chosenFile("first-run-join", messages.get("team.join.choose"),
                messages.get("team.join.noFile"), model.joinFileProperty(),
                () -> joinChooser.apply(getScene() == null ? null : getScene().getWindow()));
        joinCode.setId("first-run-join-code");
        joinCode.setPromptText("XXXX-XXXX-XXXX-XXXX-XXXX");
        VBox details = new VBox(8, Forms.text(messages.get("firstRun.joinIntro"), "hint"), fileRow,
                Forms.field(messages.get("team.join.code"), joinCode));
        details.setId("first-run-join-details");
        details.visibleProperty().bind(model.joinTeamProperty());
        details.managedProperty().bind(details.visibleProperty());
        VBox box = new VBox(8, join, details);
        box.disableProperty().bind(model.busyProperty());
        return box;
    }

    /** Replaces the join file's chooser (tests: a headless run cannot drive the system's dialog). */
    public void setJoinFileChooser(Function<Window, File> chooser) {
        this.joinChooser = chooser;
    }

    private File chooseJoinFile(Window owner) {
        FileChooser fc = new FileChooser();
        fc.setTitle(messages.get("team.join.choose"));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("*.odjoin", "*.odjoin"));
        return fc.showOpenDialog(owner);
    }

    private void create() {
        // the code stays in its field, so a mistyped one can be corrected; the screen goes once the vault is made
        char[] code = model.joinTeamProperty().get() ? joinCode.getText().toCharArray() : new char[0];
        model.create(Forms.take(password), Forms.take(confirm), code);
    }
}
