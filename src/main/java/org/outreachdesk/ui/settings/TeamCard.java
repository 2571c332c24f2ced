package org.outreachdesk.ui.settings;

import java.io.File;
import java.util.List;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Window;

import org.outreachdesk.ui.common.Controls;
import org.outreachdesk.ui.common.Forms;
import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.common.Wrapped;

/**
 * Settings → Team (admins; issue 15): create or join a team, or, on the hub, invite a laptop (its one-time code in
 * a window of its own, once), list the team's laptops and revoke a lost one; on a member, the team, its hub, this
 * laptop's name and its last sync.
 */
public final class TeamCard extends VBox {

    /** Asks for a file (tests replace it: a headless run cannot drive the system's dialog). */
    @FunctionalInterface
    public interface FileAsk {
        /** The file chosen, or null when cancelled; {@code save} with {@code initialName} for the join file. */
        File ask(Window owner, boolean save, String initialName);
    }

    static final String JOIN_EXTENSION = ".odjoin";

    private final TeamViewModel model;
    private final Messages m;
    private FileAsk chooser = this::choose;
    private Alert codeWindow;

    public TeamCard(TeamViewModel model, Messages messages) {
        super(8);
        this.model = model;
        this.m = messages;
        setId("settings-team");
        getStyleClass().add("settings-card");
        setPadding(new Insets(12));
        Label title = new Label(m.get("team.title"));
        title.getStyleClass().add("card-title");
        VBox none = shownIn(TeamViewModel.Mode.NONE, noTeamPane());
        VBox hub = shownIn(TeamViewModel.Mode.HUB, hubPane());
        VBox member = shownIn(TeamViewModel.Mode.MEMBER, memberPane());
        getChildren().addAll(title, none, hub, member,
                SettingsView.outcome("settings-team", model.part(), m.get("settings.busy")));
        model.shownCodeProperty().addListener((o, a, code) -> {
            if (code != null) {
                showCode(code);
            }
        });
        model.load();
    }

    private VBox shownIn(TeamViewModel.Mode mode, VBox pane) {
        pane.visibleProperty().bind(model.modeProperty().isEqualTo(mode));
        pane.managedProperty().bind(pane.visibleProperty());
        return pane;
    }

    private static Label sub(String text) {
        Label l = new Wrapped(text);
        l.getStyleClass().add("sub-title");
        return l;
    }

    private static Label bound(String id, ObservableValue<String> text) {
        Wrapped l = new Wrapped();
        l.setId(id);
        l.sourceProperty().bind(text);
        return l;
    }

    // ---- no team

    private VBox noTeamPane() {
        TextField name = new TextField();
        name.setId("team-create-name");
        name.textProperty().bindBidirectional(model.newTeamNameProperty());
        Button create = new Button(m.get("team.create"));
        create.setId("team-create");
        create.disableProperty().bind(model.part().busyProperty());
        create.setOnAction(e -> model.create());
        name.setOnAction(e -> model.create());

        HBox fileRow = Controls.chosenFile("team-join", m.get("team.join.choose"), m.get("team.join.noFile"),
                model.joinFileProperty(), () -> chooser.ask(window(), false, null));
        TextField code = new TextField();
        code.setId("team-join-code");
        code.setPromptText("XXXX-XXXX-XXXX-XXXX-XXXX");
        Button join = new Button(m.get("team.join"));
        join.setId("team-join");
        join.disableProperty().bind(model.part().busyProperty());
        Runnable go = () -> {
            char[] typed = code.getText().toCharArray();
            code.clear();
            model.join(typed);
        };
        join.setOnAction(e -> go.run());
        code.setOnAction(e -> go.run());

        VBox box = new VBox(8, Forms.text(m.get("team.none"), null),
                sub(m.get("team.create.title")), Forms.text(m.get("team.create.intro"), "hint"),
                Forms.field(m.get("team.create.name"), name), create,
                sub(m.get("team.join.title")), Forms.text(m.get("team.join.intro"), "hint"), fileRow,
                Forms.field(m.get("team.join.code"), code), join);
        box.setId("team-none");
        return box;
    }

    // ---- hub

    private VBox hubPane() {
        TableView<TeamViewModel.DeviceRow> table = new TableView<>(model.devices());
        table.setId("team-devices");
        Controls.headersReadable(table);
        table.setPrefHeight(200);
        table.setMinHeight(130);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // widths measured at 1366×768 in English and Khmer: long laptop names and the revoked date were cut
        table.getColumns().add(column(m.get("team.col.name"), 230, r -> r.name()
                + (r.self() ? " " + m.get("team.col.thisLaptop") : "")));
        table.getColumns().add(column(m.get("team.col.role"), 100, TeamViewModel.DeviceRow::role));
        table.getColumns().add(column(m.get("team.col.lastFrom"), 160, TeamViewModel.DeviceRow::lastFrom));
        table.getColumns().add(column(m.get("team.col.lastFor"), 170, TeamViewModel.DeviceRow::lastFor));
        table.getColumns().add(column(m.get("team.col.state"), 180, TeamViewModel.DeviceRow::state));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, now) -> model.selectedProperty().set(now));
        model.selectedProperty().addListener((o, a, now) -> {
            if (table.getSelectionModel().getSelectedItem() != now) {
                if (now == null) {
                    table.getSelectionModel().clearSelection();
                } else {
                    table.getSelectionModel().select(now);
                }
            }
        });

        TextField name = new TextField();
        name.setId("team-invite-name");
        name.textProperty().bindBidirectional(model.inviteNameProperty());
        Button invite = new Button(m.get("team.invite"));
        invite.setId("team-invite");
        invite.disableProperty().bind(model.part().busyProperty());
        Runnable go = () -> {
            String laptop = model.checkInviteName();
            if (laptop == null) {
                return;
            }
            File f = chooser.ask(window(), true, safeFileName(laptop) + JOIN_EXTENSION);
            if (f != null) {
                model.invite(f.toPath());
            }
        };
        invite.setOnAction(e -> go.run());
        name.setOnAction(e -> go.run());

        VBox box = new VBox(8, bound("team-hub-team", model.teamLineProperty()),
                bound("team-hub-line", model.hubLineProperty()),
                sub(m.get("team.devices.title")), table, revokeRow(),
                sub(m.get("team.invite.title")), Forms.text(m.get("team.invite.intro"), "hint"),
                Forms.field(m.get("team.invite.name"), name), invite);
        box.setId("team-hub");
        return box;
    }

    private static TableColumn<TeamViewModel.DeviceRow, String> column(String title, double width,
            Function<TeamViewModel.DeviceRow, String> text) {
        TableColumn<TeamViewModel.DeviceRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(text.apply(x.getValue())));
        return c;
    }

    /** Revoke asks once more, in place (as disabling a user does). */
    private VBox revokeRow() {
        BooleanBinding notRevocable = Bindings.createBooleanBinding(() -> {
            TeamViewModel.DeviceRow r = model.selectedProperty().get();
            return r == null || r.hub() || r.revoked();
        }, model.selectedProperty());
        Button revoke = new Button(m.get("team.revoke"));
        revoke.setId("team-revoke");
        revoke.setMinWidth(Region.USE_PREF_SIZE);
        AskAgain confirm = new AskAgain("team-revoke", m.get("team.revoke.yes"), m.get("settings.users.cancel"),
                model::revokeSelected);
        revoke.disableProperty().bind(notRevocable.or(model.part().busyProperty()).or(confirm.visibleProperty()));
        revoke.setOnAction(e -> confirm.ask(m.get("team.revoke.confirm", model.selectedProperty().get().name())));
        model.selectedProperty().addListener((o, a, now) -> confirm.setVisible(false));
        Label hint = Forms.text(m.get("team.revoke.hint"), "hint");
        // in Khmer the hint was squeezed into three short lines beside the button
        hint.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(hint, Priority.ALWAYS);
        HBox row = new HBox(8, revoke, hint);
        row.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, row, confirm);
    }

    // ---- member

    private VBox memberPane() {
        VBox box = new VBox(6, bound("team-member-team", model.teamLineProperty()),
                bound("team-member-hub", model.hubLineProperty()),
                bound("team-member-self", model.selfLineProperty()),
                bound("team-member-last", model.lastLineProperty()),
                Forms.text(m.get("team.member.hint"), "hint"));
        box.setId("team-member");
        return box;
    }

    // ---- the code, once

    private void showCode(TeamViewModel.ShownCode shown) {
        Label code = new Label(shown.code());
        code.setId("team-code");
        code.getStyleClass().add("recovery-key");
        code.setMinWidth(Region.USE_PREF_SIZE);
        code.setMaxWidth(Double.MAX_VALUE);
        code.setAlignment(Pos.CENTER);
        code.setFocusTraversable(false);
        Label intro = Forms.text(m.get("team.code.intro", shown.device(), shown.fileName()), null);
        Label once = Forms.text(m.get("team.code.once"), "notice");
        once.setId("team-code-once");
        VBox content = new VBox(12, intro, code, once);
        content.setPrefWidth(560);
        content.setPadding(new Insets(8));
        ButtonType close = new ButtonType(m.get("team.code.close"), ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", close);
        alert.setTitle(m.get("team.code.title"));
        alert.setHeaderText(null);
        alert.setGraphic(null);
        alert.getDialogPane().setContent(content);
        alert.getDialogPane().setId("team-code-dialog");
        alert.getDialogPane().getStylesheets().addAll(getScene() == null ? List.of()
                : getScene().getStylesheets());
        alert.getDialogPane().lookupButton(close).setId("team-code-close");
        alert.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        alert.setResizable(true);
        alert.initModality(Modality.APPLICATION_MODAL);
        if (window() != null) {
            alert.initOwner(window());
        }
        alert.setOnHidden(e -> {
            code.setText("");
            codeWindow = null;
            model.codeSeen();
        });
        codeWindow = alert;
        alert.show();
    }

    /** The code's window while it is open (tests). */
    Alert codeWindow() {
        return codeWindow;
    }

    // ---- files

    /** Replaces the file chooser (tests). */
    public void setFileChooser(FileAsk chooser) {
        this.chooser = chooser;
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    private File choose(Window owner, boolean save, String initialName) {
        FileChooser fc = new FileChooser();
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("*" + JOIN_EXTENSION, "*" + JOIN_EXTENSION));
        if (save) {
            fc.setTitle(m.get("team.invite.fileTitle"));
            fc.setInitialFileName(initialName);
            return fc.showSaveDialog(owner);
        }
        fc.setTitle(m.get("team.join.choose"));
        return fc.showOpenDialog(owner);
    }

    /** A laptop's name as a file name: letters, digits, dash and underscore kept, the rest a dash. */
    static String safeFileName(String laptop) {
        String s = laptop.strip().replaceAll("[^\\p{L}\\p{N}_-]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "laptop" : s;
    }
}
