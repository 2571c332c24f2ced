package org.outreachdesk.ui.settings;

import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.outreachdesk.ui.common.Wrapped;

/**
 * A question asked once more, in place under the button that asked it (disabling a user, revoking a laptop): the
 * question, a red "yes" and Cancel. Hidden until {@link #ask}; ids {@code <prefix>-confirm|question|yes|cancel}.
 */
final class AskAgain extends VBox {

    private final Wrapped question = new Wrapped();
    private final Button yes;

    AskAgain(String idPrefix, String yesText, String cancelText, Runnable onYes) {
        super(6);
        question.setId(idPrefix + "-question");
        question.getStyleClass().add("notice");
        yes = new Button(yesText);
        yes.setId(idPrefix + "-yes");
        yes.getStyleClass().add("danger");
        Button cancel = new Button(cancelText);
        cancel.setId(idPrefix + "-cancel");
        getChildren().addAll(question, new HBox(8, yes, cancel));
        setId(idPrefix + "-confirm");
        setVisible(false);
        managedProperty().bind(visibleProperty());
        yes.setOnAction(e -> {
            setVisible(false);
            onYes.run();
        });
        cancel.setOnAction(e -> setVisible(false));
    }

    /** Shows {@code text} with its answers, the "yes" focused. */
    void ask(String text) {
        question.sourceProperty().set(text);
        setVisible(true);
        yes.requestFocus();
    }
}
