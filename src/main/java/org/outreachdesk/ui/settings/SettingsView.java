package org.outreachdesk.ui.settings;

import java.io.File;
import java.time.LocalDate;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

import org.outreachdesk.app.BackupService;
import org.outreachdesk.app.SettingsService;
import org.outreachdesk.domain.Role;
import org.outreachdesk.ui.common.Controls;
import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.common.Wrapped;
import org.outreachdesk.ui.common.Forms;
import org.outreachdesk.ui.common.PasswordCheck;
import org.outreachdesk.ui.common.Roles;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleGroup;

/**
 * The Settings section. Everyone: their own password, and how soon the vault locks. Admins also: users, the
 * audit chain, the auto-lock time, backups and the team ({@link TeamCard}). What a role may not do is not shown, and the services
 * refuse it anyway.
 */
public final class SettingsView extends ScrollPane {

    private final SettingsViewModel model;
    private final Messages messages;
    /** Settings → Team, for admins only (null otherwise). */
    private TeamCard teamCard;

    public SettingsView(SettingsViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        setId("settings-view");
        setFitToWidth(true);
        getStyleClass().add("settings-scroll");

        Label title = new Label(messages.get("nav.settings"));
        title.getStyleClass().add("section-title");

        VBox left = new VBox(12, ownPasswordCard(), autoLockCard());
        left.setPrefWidth(380);
        left.setMinWidth(320);
        HBox columns = new HBox(16, left);
        if (model.isAdmin()) {
            left.getChildren().add(auditCard());
            left.getChildren().add(backupCard());
            teamCard = new TeamCard(model.team(), messages);
            VBox right = new VBox(12, usersCard(), teamCard);
            HBox.setHgrow(right, Priority.ALWAYS);
            columns.getChildren().add(right);
        }
        left.getChildren().add(languageCard());
        if (model.isReportsManager()) {
            left.getChildren().add(siteNamesCard());
        }
        VBox content = new VBox(12, title, columns);
        content.setPadding(new Insets(0, 4, 8, 0));
        setContent(content);
    }

    private static VBox card(String id, String title, Node... children) {
        Label t = new Label(title);
        t.getStyleClass().add("card-title");
        VBox box = new VBox(8, t);
        box.getChildren().addAll(children);
        box.getStyleClass().add("settings-card");
        box.setId(id);
        box.setPadding(new Insets(12));
        return box;
    }

    /** Settings → Team (admins), or null. */
    public TeamCard teamCard() {
        return teamCard;
    }

    static Node outcome(String idPrefix, SettingsViewModel.Part part, String busyText) {
        return new VBox(4,
                Forms.busy(idPrefix + "-busy", busyText, part.busyProperty()),
                Forms.message(idPrefix + "-message", part.messageProperty(), "good-news"),
                Forms.message(idPrefix + "-error", part.errorProperty(), "field-error"));
    }

    // ---- everyone

    /** English or Khmer, per user; applied at once. Each language is named in its own script. */
    private Node languageCard() {
        ComboBox<String> choice = new ComboBox<>(
                FXCollections.observableArrayList("en", "km"));
        choice.setId("settings-language");
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(String code) {
                return code == null ? "" : "km".equals(code) ? "ខ្មែរ (Khmer)" : "English";
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        choice.setValue(model.currentLanguage());
        choice.disableProperty().bind(model.language().busyProperty());
        choice.setOnAction(e -> model.chooseLanguage(choice.getValue()));
        return card("settings-language-card", messages.get("settings.language.title"),
                Forms.text(messages.get("settings.language.intro"), "hint"), choice,
                outcome("settings-language", model.language(), messages.get("settings.busy")));
    }

    /** Donor reports name sites: by name / by code only (managers and admins). */
    private Node siteNamesCard() {
        ToggleGroup group = new ToggleGroup();
        RadioButton code = new RadioButton(
                messages.get("settings.siteNames.code"));
        code.setId("settings-site-names-code");
        code.setToggleGroup(group);
        RadioButton name = new RadioButton(
                messages.get("settings.siteNames.name"));
        name.setId("settings-site-names-name");
        name.setToggleGroup(group);
        Runnable show = () -> group.selectToggle(model.donorSiteNamesProperty().get() ? name : code);
        show.run();
        model.donorSiteNamesProperty().addListener((o, a, b) -> show.run());
        code.setOnAction(e -> model.saveDonorSiteNames(false));
        name.setOnAction(e -> model.saveDonorSiteNames(true));
        code.disableProperty().bind(model.siteNames().busyProperty());
        name.disableProperty().bind(model.siteNames().busyProperty());
        // folded by default: it is chosen once, and the cards above keep their place
        TitledPane pane = new TitledPane(
                messages.get("settings.siteNames.title"), new VBox(8,
                        Forms.text(messages.get("settings.siteNames.intro"), "hint"), new HBox(12, code, name),
                        outcome("settings-site-names", model.siteNames(), messages.get("settings.busy"))));
        pane.setId("settings-site-names");
        pane.setExpanded(false);
        pane.setAnimated(false);
        return pane;
    }

    private Node ownPasswordCard() {
        PasswordField pw = new PasswordField();
        pw.setId("settings-own-password");
        PasswordField confirm = new PasswordField();
        confirm.setId("settings-own-confirm");
        Button save = new Button(messages.get("settings.password.save"));
        save.setId("settings-own-save");
        save.disableProperty().bind(model.ownPassword().busyProperty());
        Runnable go = () -> model.changeOwnPassword(Forms.take(pw), Forms.take(confirm));
        save.setOnAction(e -> go.run());
        confirm.setOnAction(e -> go.run());
        return card("settings-own", messages.get("settings.password.title"),
                Forms.text(messages.get("settings.password.user", model.userName()), null),
                Forms.field(messages.get("settings.password.new"), pw),
                Forms.field(messages.get("settings.password.confirm"), confirm),
                Forms.text(PasswordCheck.rules(messages), "hint"),
                save,
                outcome("settings-own", model.ownPassword(), messages.get("settings.busy")));
    }

    private Node autoLockCard() {
        if (!model.isAdmin()) {
            Wrapped text = new Wrapped();
            text.setId("settings-lock-readonly");
            text.sourceProperty().bind(Bindings.createStringBinding(
                    () -> messages.get("settings.lock.readonly", model.idleMinutesProperty().get()),
                    model.idleMinutesProperty()));
            return card("settings-lock", messages.get("settings.lock.title"), text);
        }
        Spinner<Integer> minutes = new Spinner<>();
        SpinnerValueFactory.IntegerSpinnerValueFactory f = new SpinnerValueFactory.IntegerSpinnerValueFactory(
                SettingsService.MIN_IDLE_MINUTES, SettingsService.MAX_IDLE_MINUTES, model.idleMinutesProperty().get());
        minutes.setValueFactory(f);
        minutes.setEditable(true);
        minutes.setId("settings-lock-minutes");
        minutes.setPrefWidth(100);
        model.idleMinutesProperty().addListener((obs, old, now) -> f.setValue(now.intValue()));
        Button save = new Button(messages.get("settings.lock.save"));
        save.setId("settings-lock-save");
        save.disableProperty().bind(model.autoLock().busyProperty());
        save.setOnAction(e -> {
            commit(minutes);
            model.saveIdleMinutes(minutes.getValue());
        });
        HBox row = new HBox(8, minutes, save);
        row.setAlignment(Pos.CENTER_LEFT);
        Label label = new Wrapped(messages.get("settings.lock.minutes"));
        label.setLabelFor(minutes);
        return card("settings-lock", messages.get("settings.lock.title"), label, row,
                outcome("settings-lock", model.autoLock(), messages.get("settings.busy")));
    }

    /** Takes the number typed into an editable spinner (the spinner only commits it on Enter). */
    private static void commit(Spinner<Integer> spinner) {
        String typed = spinner.getEditor().getText();
        try {
            int v = Integer.parseInt(typed.strip());
            spinner.getValueFactory().setValue(v);
        } catch (NumberFormatException e) {
            spinner.getEditor().setText(String.valueOf(spinner.getValue()));
        }
    }

    // ---- admin

    private Node auditCard() {
        Button verify = new Button(messages.get("settings.audit.verify"));
        verify.setId("settings-audit-verify");
        verify.disableProperty().bind(model.audit().busyProperty());
        verify.setOnAction(e -> model.verifyAudit());
        return card("settings-audit", messages.get("settings.audit.title"),
                Forms.text(messages.get("settings.audit.intro"), null), verify,
                outcome("settings-audit", model.audit(), messages.get("settings.audit.busy")));
    }

    /** Backup now (one encrypted file); restoring is done from the command line, with the vault closed. */
    private Node backupCard() {
        Button save = new Button(messages.get("settings.backup.now"));
        save.setId("settings-backup-now");
        save.disableProperty().bind(model.backup().busyProperty());
        save.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(messages.get("settings.backup.now"));
            chooser.setInitialFileName("outreach-desk-" + LocalDate.now() + BackupService.FILE_EXTENSION);
            File file = chooser.showSaveDialog(getScene().getWindow());
            if (file != null) {
                model.backupTo(file.toPath());
            }
        });
        model.replaceAskedProperty().addListener((obs, old, file) -> {
            if (file == null) {
                return;
            }
            Alert ask = new Alert(
                    Alert.AlertType.CONFIRMATION,
                    messages.get("settings.backup.replaceAsk", file.getFileName().toString()),
                    ButtonType.OK, ButtonType.CANCEL);
            ask.setTitle(messages.get("settings.backup.replaceTitle"));
            ask.setHeaderText(null);
            ask.initOwner(getScene().getWindow());
            if (ask.showAndWait().filter(ButtonType.OK::equals).isPresent()) {
                model.backupTo(file, true);
            }
        });
        return card("settings-backup", messages.get("settings.backup.title"),
                Forms.text(messages.get("settings.backup.intro"), null), save,
                Forms.text(messages.get("settings.backup.restoreHint"), "hint"),
                outcome("settings-backup", model.backup(), messages.get("settings.backup.busy")));
    }

    private Node usersCard() {
        TableView<UserRow> table = new TableView<>(model.userRows());
        Controls.headersReadable(table);
        table.setId("settings-users-table");
        table.setPrefHeight(210);
        table.setMinHeight(150);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(messages.get("settings.users.empty")));
        TableColumn<UserRow, String> name = new TableColumn<>(messages.get("settings.users.name"));
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()
                + (c.getValue().self() ? " " + messages.get("settings.users.you") : "")));
        TableColumn<UserRow, String> role = new TableColumn<>(messages.get("settings.users.role"));
        role.setCellValueFactory(c -> new ReadOnlyStringWrapper(Roles.label(c.getValue().role(), messages)));
        TableColumn<UserRow, String> status = new TableColumn<>(messages.get("settings.users.status"));
        status.setCellValueFactory(c -> new ReadOnlyStringWrapper(messages.get(
                c.getValue().active() ? "settings.users.active" : "settings.users.disabledState")));
        table.getColumns().add(name);
        table.getColumns().add(role);
        table.getColumns().add(status);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.selectedProperty().set(now));
        model.selectedProperty().addListener((obs, old, now) -> {
            if (table.getSelectionModel().getSelectedItem() != now) {
                if (now == null) {
                    table.getSelectionModel().clearSelection();
                } else {
                    table.getSelectionModel().select(now);
                }
            }
        });

        VBox selectedBox = selectedUserPane();
        VBox addBox = addUserPane();
        HBox.setHgrow(selectedBox, Priority.ALWAYS);
        HBox.setHgrow(addBox, Priority.ALWAYS);
        selectedBox.setPrefWidth(300);
        addBox.setPrefWidth(300);
        HBox lower = new HBox(16, selectedBox, addBox);

        return card("settings-users", messages.get("settings.users.title"), table,
                outcome("settings-users", model.users(), messages.get("settings.busy")), lower);
    }

    private VBox selectedUserPane() {
        Wrapped which = new Wrapped();
        which.setId("settings-selected-user");
        which.sourceProperty().bind(Bindings.createStringBinding(() -> {
            UserRow r = model.selectedProperty().get();
            return r == null ? messages.get("settings.users.none") : messages.get("settings.users.selected", r.name());
        }, model.selectedProperty()));

        BooleanBinding noActiveOther = Bindings.createBooleanBinding(() -> {
            UserRow r = model.selectedProperty().get();
            return r == null || r.self() || !r.active();
        }, model.selectedProperty());
        BooleanBinding noActive = Bindings.createBooleanBinding(() -> {
            UserRow r = model.selectedProperty().get();
            return r == null || !r.active();
        }, model.selectedProperty());

        // disabling asks once more, in place
        Button disable = new Button(messages.get("settings.users.disable"));
        disable.setId("settings-user-disable");
        AskAgain confirm = new AskAgain("settings-user-disable", messages.get("settings.users.disable.yes"),
                messages.get("settings.users.cancel"), model::disableSelected);
        disable.disableProperty().bind(noActiveOther.or(model.users().busyProperty()).or(confirm.visibleProperty()));
        disable.setOnAction(e -> confirm.ask(messages.get("settings.users.disable.confirm",
                model.selectedProperty().get().name())));
        model.selectedProperty().addListener((obs, old, now) -> confirm.setVisible(false));

        PasswordField pw = new PasswordField();
        pw.setId("settings-reset-password");
        PasswordField again = new PasswordField();
        again.setId("settings-reset-confirm");
        Button reset = new Button(messages.get("settings.users.reset.submit"));
        reset.setId("settings-reset-save");
        reset.disableProperty().bind(noActive.or(model.users().busyProperty()));
        pw.disableProperty().bind(noActive);
        again.disableProperty().bind(noActive);
        reset.setOnAction(e -> model.resetSelected(Forms.take(pw), Forms.take(again)));

        Label heading = new Label(messages.get("settings.users.selectedTitle"));
        heading.getStyleClass().add("sub-title");
        return new VBox(8, heading, which, disable, confirm,
                Forms.field(messages.get("settings.users.reset.password"), pw),
                Forms.field(messages.get("settings.users.reset.confirm"), again), reset);
    }

    private VBox addUserPane() {
        TextField name = new TextField();
        name.setId("settings-add-name");
        name.textProperty().bindBidirectional(model.newUserNameProperty());
        ComboBox<Role> role = new ComboBox<>();
        role.getItems().addAll(Role.OUTREACH_WORKER, Role.COORDINATOR, Role.MANAGER, Role.ADMIN);
        role.setId("settings-add-role");
        role.valueProperty().bindBidirectional(model.newUserRoleProperty());
        StringConverter<Role> words = new StringConverter<>() {
            @Override
            public String toString(Role r) {
                return r == null ? "" : Roles.label(r, messages);
            }

            @Override
            public Role fromString(String s) {
                return null;
            }
        };
        role.setConverter(words);
        role.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(Role r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? "" : Roles.label(r, messages));
            }
        });
        PasswordField pw = new PasswordField();
        pw.setId("settings-add-password");
        PasswordField again = new PasswordField();
        again.setId("settings-add-confirm");
        Button add = new Button(messages.get("settings.users.add.submit"));
        add.setId("settings-add-save");
        // not disabled while the user is added (the view-model ignores a second press): a focused button that is
        // disabled hands the focus on to the next control, and the page scrolled down to the Team card
        Runnable go = () -> model.addUser(Forms.take(pw), Forms.take(again));
        add.setOnAction(e -> go.run());
        again.setOnAction(e -> go.run());

        Label heading = new Label(messages.get("settings.users.add.title"));
        heading.getStyleClass().add("sub-title");
        // one field under the other: side by side, the role's name and the second password's label were cut in
        // Khmer at 1280 px
        role.setMaxWidth(Double.MAX_VALUE);
        VBox nameRole = new VBox(8, Forms.field(messages.get("settings.users.add.name"), name),
                Forms.field(messages.get("settings.users.add.role"), role));
        VBox pws = new VBox(8, Forms.field(messages.get("settings.users.add.password"), pw),
                Forms.field(messages.get("settings.users.add.confirm"), again));
        return new VBox(8, heading, nameRole, pws,
                Forms.text(messages.get("user.nameRule") + " " + PasswordCheck.rules(messages), "hint"), add);
    }
}
