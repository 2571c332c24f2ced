package org.outreachdesk.ui.common;

import java.time.Instant;
import java.util.function.Predicate;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * State of the main window: the section shown, and what the status bar says (vault, user, role, last
 * save). Holds no JavaFX controls, so it can be tested without a stage.
 */
public final class ShellViewModel {

    private final ObjectProperty<Section> section = new SimpleObjectProperty<>(Section.ENCOUNTERS);
    private final StringProperty vaultName = new SimpleStringProperty("");
    private final StringProperty userName = new SimpleStringProperty("");
    private final StringProperty roleName = new SimpleStringProperty("");
    private final ObjectProperty<Instant> lastSave = new SimpleObjectProperty<>();
    private final IntegerProperty autoLockMinutes = new SimpleIntegerProperty(10);
    private Predicate<Section> shown = s -> true;
    private Runnable onLock = () -> { };
    private Runnable onLanguageChanged = () -> { };

    public ReadOnlyObjectProperty<Section> sectionProperty() {
        return section;
    }

    public void show(Section s) {
        section.set(s);
    }

    /** Which sections the navigation offers the signed-in role (the services check again). Set before the view. */
    public void setShown(Predicate<Section> shown) {
        this.shown = shown;
    }

    public boolean shows(Section s) {
        return shown.test(s);
    }

    public StringProperty vaultNameProperty() {
        return vaultName;
    }

    public StringProperty userNameProperty() {
        return userName;
    }

    public StringProperty roleNameProperty() {
        return roleName;
    }

    public ObjectProperty<Instant> lastSaveProperty() {
        return lastSave;
    }

    /** Called by the views' view-models after a successful save. */
    public void saved(Instant at) {
        lastSave.set(at);
    }

    /** Minutes without use before the session locks (the vault setting; Settings changes it). */
    public IntegerProperty autoLockMinutesProperty() {
        return autoLockMinutes;
    }

    /** What locking does; set by the session that owns this shell. */
    /** What happens after the user chose another interface language: the session's views are rebuilt. */
    public void setOnLanguageChanged(Runnable r) {
        this.onLanguageChanged = r == null ? () -> { } : r;
    }

    public void languageChanged() {
        onLanguageChanged.run();
    }

    public void setOnLock(Runnable onLock) {
        this.onLock = onLock == null ? () -> { } : onLock;
    }

    /** Locks the vault now (the Lock button, Ctrl+L). */
    public void lock() {
        onLock.run();
    }
}
