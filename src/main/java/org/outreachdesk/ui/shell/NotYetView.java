package org.outreachdesk.ui.shell;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.common.Wrapped;
import org.outreachdesk.ui.common.Section;

/** Says plainly that a section is not built yet, rather than showing controls that do nothing. */
public final class NotYetView extends VBox {

    public NotYetView(Section section, Messages messages) {
        super(8);
        setAlignment(Pos.TOP_LEFT);
        Label title = new Label(messages.get(section.titleKey()));
        title.getStyleClass().add("section-title");
        Wrapped text = new Wrapped(messages.get("section.notYet"));
        text.setId("not-yet");
        getChildren().addAll(title, text);
    }
}
