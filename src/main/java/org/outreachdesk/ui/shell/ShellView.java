package org.outreachdesk.ui.shell;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.common.ShellViewModel;
import org.outreachdesk.ui.common.Section;

/**
 * The main window's layout: a navigation bar on the left (also Ctrl+1 … Ctrl+9 and Ctrl+0), the current section in
 * the middle, and a status bar with vault, user, role, last save and the Lock button (also Ctrl+L).
 */
public final class ShellView extends BorderPane {

    private final ShellViewModel model;
    private final Messages messages;
    private final Function<Section, Node> sectionViews;
    private final Map<Section, Node> built = new EnumMap<>(Section.class);
    private final StackPane content = new StackPane();
    private final List<KeyCombination> shortcuts = new ArrayList<>();

    /**
     * @param sectionViews makes the view of a section the first time it is shown
     */
    public ShellView(ShellViewModel model, Messages messages, Function<Section, Node> sectionViews) {
        this.model = model;
        this.messages = messages;
        this.sectionViews = sectionViews;
        getStyleClass().add("shell");
        setLeft(navigation());
        content.getStyleClass().add("content");
        content.setPadding(new Insets(12));
        setCenter(content);
        setBottom(statusBar());
        showSection(model.sectionProperty().get());
        model.sectionProperty().addListener((obs, old, now) -> showSection(now));
        sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                // a locked session's shortcuts must not reach its dropped views
                shortcuts.forEach(k -> old.getAccelerators().remove(k));
                shortcuts.clear();
            }
            if (scene != null) {
                installShortcuts();
            }
        });
    }

    private Node navigation() {
        VBox nav = new VBox(4);
        nav.getStyleClass().add("nav");
        nav.setPadding(new Insets(8));
        ToggleGroup group = new ToggleGroup();
        for (Section s : Section.values()) {
            ToggleButton b = new ToggleButton(messages.get(s.titleKey()));
            b.setId("nav-" + s.name().toLowerCase(Locale.ROOT));
            b.setToggleGroup(group);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setSelected(s == model.sectionProperty().get());
            b.setOnAction(e -> {
                model.show(s);
                b.setSelected(true);
            });
            model.sectionProperty().addListener((obs, old, now) -> b.setSelected(now == s));
            if (model.shows(s)) {
                nav.getChildren().add(b);
            }
        }
        nav.setPrefWidth(170);
        return nav;
    }

    private void installShortcuts() {
        Section[] all = Section.values();
        for (int i = 0; i < all.length && i < 10; i++) {
            Section s = all[i];
            KeyCombination k = new KeyCodeCombination(KeyCode.getKeyCode(String.valueOf((i + 1) % 10)),
                    KeyCombination.SHORTCUT_DOWN);
            getScene().getAccelerators().put(k, () -> model.show(s));
            shortcuts.add(k);
        }
        KeyCombination lock = new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN);
        getScene().getAccelerators().put(lock, model::lock);
        shortcuts.add(lock);
    }

    private void showSection(Section s) {
        Node view = built.computeIfAbsent(s, sectionViews);
        content.getChildren().setAll(view);
    }

    private Node statusBar() {
        Label vault = statusLabel("status-vault");
        vault.textProperty().bind(Bindings.createStringBinding(
                () -> messages.get("status.vault", orDash(model.vaultNameProperty().get())), model.vaultNameProperty()));
        Label user = statusLabel("status-user");
        user.textProperty().bind(Bindings.createStringBinding(
                () -> messages.get("status.user", orDash(model.userNameProperty().get())), model.userNameProperty()));
        Label role = statusLabel("status-role");
        role.textProperty().bind(Bindings.createStringBinding(
                () -> messages.get("status.role", orDash(model.roleNameProperty().get())), model.roleNameProperty()));
        Label saved = statusLabel("status-saved");
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                .withLocale(messages.locale()).withZone(ZoneId.systemDefault());
        saved.textProperty().bind(Bindings.createStringBinding(() -> {
            Instant at = model.lastSaveProperty().get();
            return at == null ? messages.get("status.saved.never") : messages.get("status.saved", time.format(at));
        }, model.lastSaveProperty()));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button lock = new Button(messages.get("shell.lock"));
        lock.setId("lock-button");
        lock.setTooltip(new Tooltip(messages.get("shell.lock.tooltip")));
        lock.setOnAction(e -> model.lock());
        HBox bar = new HBox(16, vault, user, role, gap, saved, lock);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        bar.setPadding(new Insets(4, 8, 4, 8));
        return bar;
    }

    private String orDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    private static Label statusLabel(String id) {
        Label l = new Label();
        l.setId(id);
        return l;
    }
}
