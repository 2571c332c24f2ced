package org.outreachdesk.ui.vault;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.common.Forms;

/**
 * Shows the new vault's recovery key, once. It is never put on the clipboard, logged or stored; the
 * person confirms they have written it down before going on, and then this view is dropped.
 */
public final class RecoveryKeyView extends StackPane {

    public RecoveryKeyView(char[] recoveryKey, Messages messages, Runnable onContinue) {
        this(recoveryKey, messages, "", false, onContinue);
    }

    /**
     * @param notice        how joining a team went, when the first-run screen joined one (empty: nothing to say)
     * @param noticeIsError whether joining failed (the vault exists, in no team)
     */
    public RecoveryKeyView(char[] recoveryKey, Messages messages, String notice, boolean noticeIsError,
                           Runnable onContinue) {
        getStyleClass().add("start-screen");
        setId("recovery-screen");

        Label title = new Label(messages.get("recovery.title"));
        title.getStyleClass().add("screen-title");
        Label intro = Forms.text(messages.get("recovery.intro"), null);

        Label key = new Label(new String(recoveryKey));
        key.setId("recovery-key");
        key.getStyleClass().add("recovery-key");
        key.setMinWidth(Region.USE_PREF_SIZE);
        key.setMaxWidth(Double.MAX_VALUE);
        key.setAlignment(Pos.CENTER);
        // selectable text would invite copying it somewhere; the key is for paper
        key.setFocusTraversable(false);

        Label steps = Forms.text(messages.get("recovery.steps"), null);
        Label warn = Forms.text(messages.get("recovery.once"), "notice");

        CheckBox written = new CheckBox(messages.get("recovery.written"));
        written.setId("recovery-written");
        Button go = new Button(messages.get("recovery.continue"));
        go.setId("recovery-continue");
        go.getStyleClass().add("primary");
        go.disableProperty().bind(written.selectedProperty().not());
        boolean[] done = {false};
        go.setOnAction(e -> {
            if (!done[0] && written.isSelected()) {
                done[0] = true;
                onContinue.run();
            }
        });

        VBox card = new VBox(14, title, intro, key, steps, warn, written, go);
        if (notice != null && !notice.isEmpty()) {
            Label team = Forms.text(notice, noticeIsError ? "field-error" : "good-news");
            team.setId("recovery-team-notice");
            card.getChildren().add(1, team);
        }
        card.getStyleClass().add("card");
        card.setMaxWidth(720);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        card.setPadding(new Insets(24));

        ScrollPane scroll = new ScrollPane(UnlockView.centre(card));
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("start-scroll");
        getChildren().add(scroll);
        Forms.focusLater(written);
    }
}
