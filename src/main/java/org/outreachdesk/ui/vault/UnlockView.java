package org.outreachdesk.ui.vault;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.common.Forms;

/** The unlock screen: user name, password, Unlock (Enter in either field submits). */
public final class UnlockView extends StackPane {

    private final UnlockViewModel model;
    private final PasswordField password = new PasswordField();
    private final TextField user = new TextField();
    private final Timeline countdown;

    public UnlockView(UnlockViewModel model, Messages messages) {
        this.model = model;
        getStyleClass().add("start-screen");
        setId("unlock-screen");

        Label app = new Label(messages.get("app.title"));
        app.getStyleClass().add("app-name");
        Label title = new Label(messages.get("unlock.title"));
        title.getStyleClass().add("screen-title");

        Label notice = Forms.message("unlock-notice", model.noticeProperty(), "notice");

        user.setId("unlock-user");
        user.textProperty().bindBidirectional(model.userNameProperty());
        user.setOnAction(e -> {
            if (password.getCharacters().length() == 0) {
                password.requestFocus();
            } else {
                submit();
            }
        });
        password.setId("unlock-password");
        password.setOnAction(e -> submit());

        Button unlock = new Button(messages.get("unlock.submit"));
        unlock.setId("unlock-button");
        unlock.setMaxWidth(Double.MAX_VALUE);
        unlock.getStyleClass().add("primary");
        unlock.disableProperty().bind(model.canSubmitProperty().not());
        unlock.setOnAction(e -> submit());

        Label error = Forms.message("unlock-error", model.errorProperty(), "field-error");
        Label wait = Forms.message("unlock-wait", model.waitTextProperty(), "wait");
        Label hint = Forms.text(messages.get("unlock.recoveryHint"), "hint");

        user.disableProperty().bind(model.busyProperty());
        password.disableProperty().bind(model.busyProperty());

        VBox card = new VBox(10, app, title, notice,
                Forms.field(messages.get("unlock.user"), user),
                Forms.field(messages.get("unlock.password"), password),
                unlock,
                Forms.busy("unlock-busy", messages.get("unlock.busy"), model.busyProperty()),
                error, wait, hint);
        if (model.restoreOffered()) {
            Button restore = new Button(messages.get("restore.open"));
            restore.setId("unlock-restore");
            restore.setMinWidth(Region.USE_PREF_SIZE);
            restore.disableProperty().bind(model.busyProperty());
            restore.setOnAction(e -> model.openRestore());
            card.getChildren().add(restore);
        }
        card.getStyleClass().add("card");
        card.setMaxWidth(400);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        card.setPadding(new Insets(24));
        card.setFillWidth(true);

        ScrollPane scroll = new ScrollPane(centre(card));
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("start-scroll");
        getChildren().add(scroll);

        countdown = new Timeline(new KeyFrame(Duration.millis(250), e -> model.tick()));
        countdown.setCycleCount(Timeline.INDEFINITE);
        model.waitSecondsProperty().addListener((obs, old, now) -> runCountdown(now.longValue() > 0));
        runCountdown(model.waitSecondsProperty().get() > 0);
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                countdown.stop();
            }
        });
        model.busyProperty().addListener((obs, was, now) -> {
            if (!now) {
                Forms.focusLater(user.getText().isBlank() ? user : password);
            }
        });
        // a user name already given (after a restore): straight to the password
        Forms.focusLater(user.getText().isBlank() ? user : password);
    }

    static StackPane centre(VBox card) {
        StackPane centre = new StackPane(card);
        centre.setAlignment(Pos.CENTER);
        centre.setPadding(new Insets(24));
        return centre;
    }

    private void runCountdown(boolean on) {
        if (on) {
            countdown.play();
        } else {
            countdown.stop();
        }
    }

    private void submit() {
        if (model.submit(Forms.take(password))) {
            password.requestFocus();
        }
    }
}
