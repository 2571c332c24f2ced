package org.outreachdesk.ui.conflicts;

import java.util.ArrayList;
import java.util.List;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.outreachdesk.ui.common.Controls;
import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.common.Wrapped;

/**
 * The Conflicts section (issue 15, ADR 20; coordinators and above), after ODK Entities' conflict view: one card per
 * open conflict — the record in words, the field, then each value with the laptop, author and time it came from, the
 * provisional value marked — and a button per value that chooses it. A chosen conflict leaves the list.
 */
public final class ConflictsView extends ScrollPane {

    private final ConflictsViewModel model;
    private final Messages m;
    private final VBox cards = new VBox(12);

    public ConflictsView(ConflictsViewModel model, Messages messages) {
        this.model = model;
        this.m = messages;
        setId("conflicts-view");
        setFitToWidth(true);
        cards.setId("conflicts-list");
        Wrapped intro = new Wrapped();
        intro.setId("conflicts-intro");
        intro.getStyleClass().add("hint");
        intro.setSource(m.get("conflicts.intro"));
        Label message = Controls.messageLine("conflicts-message");
        model.status().messageProperty().addListener((o, a, now) ->
                Controls.showMessage(message, now, model.status().errorProperty().get()));
        VBox root = new VBox(12, Controls.title(m.get("conflicts.title")), intro, message, cards);
        root.setPadding(new Insets(16));
        root.disableProperty().bind(model.status().busyProperty());
        setContent(root);
        model.rows().addListener((ListChangeListener<ConflictsViewModel.Row>) c -> rebuild());
        model.load();
    }

    private void rebuild() {
        List<Node> shown = new ArrayList<>();
        int i = 0;
        for (ConflictsViewModel.Row row : model.rows()) {
            shown.add(card(row, i++));
        }
        cards.getChildren().setAll(shown);
    }

    private VBox card(ConflictsViewModel.Row row, int i) {
        Wrapped title = new Wrapped();
        title.setId("conflict-" + i + "-title");
        title.getStyleClass().add("card-title");
        title.setSource(row.title());
        Wrapped field = new Wrapped();
        field.setId("conflict-" + i + "-field");
        field.setSource(m.get("conflicts.fieldLine", row.field()));
        GridPane values = new GridPane();
        values.setHgap(12);
        values.setVgap(8);
        int j = 0;
        for (ConflictsViewModel.Choice c : row.choices()) {
            String id = "conflict-" + i + "-value-" + j;
            Wrapped value = new Wrapped();
            value.setId(id);
            value.getStyleClass().add("conflict-value");
            value.setSource(c.text());
            Wrapped origin = new Wrapped();
            origin.setId(id + "-origin");
            origin.getStyleClass().add("hint");
            origin.setSource(c.origin());
            VBox text = new VBox(2, value, origin);
            if (c.provisional()) {
                Label tag = new Label(m.get("conflicts.provisional"));
                tag.setId(id + "-provisional");
                tag.getStyleClass().add("conflict-provisional");
                tag.setMinWidth(Label.USE_PREF_SIZE);
                text.getChildren().add(tag);
            }
            Button choose = new Button(m.get(c.provisional() ? "conflicts.keep" : "conflicts.choose"));
            choose.setId(id + "-choose");
            choose.setMinWidth(Button.USE_PREF_SIZE);
            choose.setMaxWidth(Double.MAX_VALUE);
            choose.setOnAction(e -> model.choose(row, c));
            GridPane.setHgrow(text, Priority.ALWAYS);
            GridPane.setFillWidth(text, true);
            text.setMaxWidth(Double.MAX_VALUE);
            values.addRow(j, text, choose);
            GridPane.setValignment(choose, VPos.TOP);
            GridPane.setFillWidth(choose, true);
            j++;
        }
        VBox card = new VBox(8, title, field, values);
        card.setId("conflict-" + i);
        card.getStyleClass().add("card");
        card.setPadding(new Insets(12));
        card.setAlignment(Pos.TOP_LEFT);
        return card;
    }
}
