package org.outreachdesk.ui.vault;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.common.Forms;

/**
 * Restoring a backup while no vault is unlocked: the backup file (chosen with the system's open dialog), the
 * user name and password of an admin of the backup, and, when a vault is already in the folder, a plain warning
 * that it will be replaced and kept aside, with a box to tick before Restore can be pressed. Enter in the
 * password field restores; Escape goes back.
 */
public final class RestoreView extends StackPane {

    private final RestoreViewModel model;
    private final Function<Window, File> chooser;
    private final PasswordField password = new PasswordField();

    /**
     * @param vaultFolder the folder the backup is restored into (the app's vault folder)
     * @param chooser     asks for the backup file (owner window → file, or null when cancelled)
     * @param back        returns to the screen this one was opened from
     */
    public RestoreView(RestoreViewModel model, Messages messages, Path vaultFolder, Function<Window, File> chooser,
                       Runnable back) {
        this.model = model;
        this.chooser = chooser;
        getStyleClass().add("start-screen");
        setId("restore-screen");

        Label app = new Label(messages.get("app.title"));
        app.getStyleClass().add("app-name");
        Label title = new Label(messages.get("restore.title"));
        title.getStyleClass().add("screen-title");
        Label intro = Forms.text(messages.get("restore.intro"), null);

        TextField file = new TextField();
        file.setId("restore-file");
        file.setEditable(false);
        file.setFocusTraversable(false);
        file.setPromptText(messages.get("restore.file.none"));
        file.textProperty().bind(Bindings.createStringBinding(() -> model.backupFileProperty().get() == null ? ""
                : model.backupFileProperty().get().toAbsolutePath().toString(), model.backupFileProperty()));
        Button choose = new Button(messages.get("restore.file.choose"));
        choose.setId("restore-choose");
        choose.setMinWidth(Region.USE_PREF_SIZE);
        choose.setOnAction(e -> choose());
        Label fileLabel = new Label(messages.get("restore.file"));
        fileLabel.getStyleClass().add("field-label");
        fileLabel.setLabelFor(choose);
        HBox fileRow = new HBox(8, file, choose);
        fileRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(file, Priority.ALWAYS);
        file.setMaxWidth(Double.MAX_VALUE);

        TextField user = new TextField();
        user.setId("restore-user");
        user.textProperty().bindBidirectional(model.userNameProperty());
        user.setOnAction(e -> password.requestFocus());
        password.setId("restore-password");
        password.setOnAction(e -> submit());
        Label userHint = Forms.text(messages.get("restore.userHint"), "hint");

        // user name and password side by side: the screen stays within 768 pixels also in Khmer
        VBox userField = Forms.field(messages.get("restore.user"), user);
        VBox passwordField = Forms.field(messages.get("restore.password"), password);
        HBox credentials = new HBox(12, userField, passwordField);
        HBox.setHgrow(userField, Priority.ALWAYS);
        HBox.setHgrow(passwordField, Priority.ALWAYS);
        userField.setPrefWidth(1);
        passwordField.setPrefWidth(1);
        VBox form = new VBox(8,
                new VBox(3, fileLabel, fileRow),
                new VBox(3, credentials, userHint));

        if (model.replacesVault()) {
            Label warning = Forms.text(messages.get("restore.replace.warning", breakablePath(vaultFolder),
                    String.valueOf(vaultFolder.toAbsolutePath().getFileName())), null);
            warning.setId("restore-replace-warning");
            CheckBox confirm = new CheckBox(messages.get("restore.replace.confirm"));
            confirm.setId("restore-confirm");
            confirm.setWrapText(true);
            confirm.selectedProperty().bindBidirectional(model.replaceConfirmedProperty());
            VBox box = new VBox(8, warning, confirm);
            box.getStyleClass().add("restore-warning");
            form.getChildren().add(box);
        } else {
            Label target = Forms.text(messages.get("restore.target", breakablePath(vaultFolder)), "hint");
            target.setId("restore-target");
            form.getChildren().add(target);
        }
        form.disableProperty().bind(model.busyProperty());

        Button restore = new Button(messages.get(model.replacesVault() ? "restore.submit.replace" : "restore.submit"));
        restore.setId("restore-submit");
        restore.setMinWidth(Region.USE_PREF_SIZE);
        restore.getStyleClass().add(model.replacesVault() ? "danger" : "primary");
        restore.disableProperty().bind(model.canSubmitProperty().not());
        restore.setOnAction(e -> submit());
        Button cancel = new Button(messages.get("restore.back"));
        cancel.setId("restore-back");
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setCancelButton(true);
        cancel.disableProperty().bind(model.busyProperty());
        cancel.setOnAction(e -> back.run());
        HBox actions = new HBox(12, restore, cancel);

        // what went wrong (or that work runs) right above the buttons, where the eye is after pressing one
        VBox card = new VBox(10, app, title, intro, form,
                Forms.busy("restore-busy", messages.get("restore.busy"), model.busyProperty()),
                Forms.message("restore-error", model.errorProperty(), "field-error"),
                actions);
        card.getStyleClass().add("card");
        card.setMaxWidth(680);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        card.setPadding(new Insets(24));

        ScrollPane scroll = new ScrollPane(UnlockView.centre(card));
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("start-scroll");
        getChildren().add(scroll);

        model.busyProperty().addListener((obs, was, now) -> {
            if (!now && !model.errorProperty().get().isEmpty()) {
                Forms.focusLater(password);
            }
        });
        Forms.focusLater(choose);
    }

    /**
     * A folder path to show in wrapped text: a zero-width space after each separator lets a long path break there
     * instead of being cut off (Khmer text is broken only at spaces, see {@link org.outreachdesk.ui.common.Wrapped}).
     */
    static String breakablePath(Path path) {
        String s = path.toAbsolutePath().toString();
        return s.replace("/", "/\u200B").replace("\\", "\\\u200B");
    }

    private void choose() {
        File f = chooser.apply(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            model.backupFileProperty().set(f.toPath());
            Forms.focusLater(model.userNameProperty().get().isBlank() ? lookup("#restore-user") : password);
        }
    }

    private void submit() {
        model.submit(Forms.take(password));
    }
}
