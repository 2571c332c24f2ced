package org.outreachdesk.ui.sync;

import java.io.File;
import java.util.List;
import java.util.function.BiFunction;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.outreachdesk.domain.Team;
import org.outreachdesk.ui.common.Controls;
import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.common.Wrapped;

/**
 * The Sync section (issue 15): the team and this laptop, "Write a bundle for the office" and "Read a bundle" with
 * a file chooser (a USB stick), the summary of the last bundle read and when this laptop last synced. A vault in no
 * team gets a short explanation instead.
 */
public final class SyncView extends ScrollPane {

    private static final FileChooser.ExtensionFilter BUNDLES = new FileChooser.ExtensionFilter("*.odsync",
            "*.odsync");

    private final SyncViewModel model;
    private final Messages m;
    /** Asks for a file: (window, true to save) → the file, or null when cancelled (tests replace it). */
    private BiFunction<Window, Boolean, File> chooser = this::choose;

    public SyncView(SyncViewModel model, Messages messages) {
        this.model = model;
        this.m = messages;
        setId("sync-view");
        setFitToWidth(true);
        VBox inTeam = teamBox();
        Wrapped noTeam = new Wrapped();
        noTeam.setId("sync-no-team");
        noTeam.setSource(m.get("sync.noTeam"));
        inTeam.visibleProperty().bind(model.teamProperty().isNotNull());
        inTeam.managedProperty().bind(inTeam.visibleProperty());
        noTeam.visibleProperty().bind(model.teamProperty().isNull());
        noTeam.managedProperty().bind(noTeam.visibleProperty());
        Label message = Controls.messageLine("sync-message");
        model.status().messageProperty().addListener((o, a, now) ->
                Controls.showMessage(message, now, model.status().errorProperty().get()));
        VBox root = new VBox(12, Controls.title(m.get("sync.title")), noTeam, inTeam, message);
        root.setPadding(new Insets(16));
        root.disableProperty().bind(model.status().busyProperty());
        setContent(root);
        model.load();
    }

    private VBox teamBox() {
        Label team = new Label();
        team.setId("sync-team");
        team.textProperty().bind(Bindings.createStringBinding(() -> {
            Team t = model.teamProperty().get();
            return t == null ? "" : m.get("sync.team", t.name());
        }, model.teamProperty()));
        Label laptop = new Label();
        laptop.setId("sync-laptop");
        laptop.textProperty().bind(model.laptopProperty());
        Label last = new Label();
        last.setId("sync-last");
        last.textProperty().bind(model.lastSyncProperty());
        Wrapped summary = new Wrapped();
        summary.setId("sync-summary");
        summary.sourceProperty().bind(model.summaryProperty());
        Hyperlink conflicts = new Hyperlink();
        conflicts.setId("sync-conflicts");
        conflicts.setWrapText(true);
        conflicts.textProperty().bind(Bindings.createStringBinding(
                () -> m.get("sync.conflicts", model.conflictsProperty().get()), model.conflictsProperty()));
        conflicts.visibleProperty().bind(model.conflictsProperty().greaterThan(0));
        conflicts.managedProperty().bind(conflicts.visibleProperty());
        conflicts.setOnAction(e -> model.openConflicts());
        return new VBox(8, team, laptop, last, conflicts, writeRow(), readButton(), summary);
    }

    private HBox writeRow() {
        ComboBox<String> member = new ComboBox<>(model.members());
        member.setId("sync-member");
        member.setPromptText(m.get("sync.member.prompt"));
        member.valueProperty().bindBidirectional(model.receiverProperty());
        Label memberLabel = Controls.fieldLabel(m.get("sync.member"), member);
        for (Node n : List.of(member, memberLabel)) {
            n.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.teamProperty().get() != null
                    && model.teamProperty().get().hub(), model.teamProperty()));
            n.managedProperty().bind(n.visibleProperty());
        }
        Button write = new Button();
        write.setId("sync-write");
        write.textProperty().bind(Bindings.createStringBinding(() -> m.get(model.teamProperty().get() != null
                && model.teamProperty().get().hub() ? "sync.writeForMember" : "sync.write"), model.teamProperty()));
        write.setOnAction(e -> {
            File f = chooser.apply(getScene() == null ? null : getScene().getWindow(), true);
            if (f != null) {
                model.write(f.toPath());
            }
        });
        HBox row = new HBox(8, memberLabel, member, write);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Button readButton() {
        Button read = new Button(m.get("sync.readBundle"));
        read.setId("sync-read");
        read.setOnAction(e -> {
            File f = chooser.apply(getScene() == null ? null : getScene().getWindow(), false);
            if (f != null) {
                model.read(f.toPath());
            }
        });
        return read;
    }

    /** Replaces the file chooser (tests: a headless run cannot drive the system's dialog). */
    public void setFileChooser(BiFunction<Window, Boolean, File> chooser) {
        this.chooser = chooser;
    }

    private File choose(Window owner, boolean save) {
        FileChooser fc = new FileChooser();
        fc.getExtensionFilters().add(BUNDLES);
        if (save) {
            fc.setTitle(m.get("sync.writeTitle"));
            fc.setInitialFileName("outreach-desk.odsync");
            return fc.showSaveDialog(owner);
        }
        fc.setTitle(m.get("sync.readBundle"));
        return fc.showOpenDialog(owner);
    }
}
