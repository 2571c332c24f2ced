package org.outreachdesk.ui.directory;

import java.util.List;
import java.util.concurrent.Callable;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.outreachdesk.app.Permission;
import org.outreachdesk.ui.common.Status;
import org.outreachdesk.ui.common.UiContext;
import org.outreachdesk.ui.common.WithStatus;

/**
 * What the three directory tabs (services, sites, staff) share: a list, the row being edited (null when
 * adding a new one), "show inactive", a message line, and whether the role may edit at all.
 */
abstract class EditorState<T> implements WithStatus {

    protected final UiContext ctx;
    private final ObservableList<T> rows = FXCollections.observableArrayList();
    private final ObjectProperty<T> editing = new SimpleObjectProperty<>();
    private final BooleanProperty includeInactive = new SimpleBooleanProperty(false);
    private final Status status;

    EditorState(UiContext ctx) {
        this.ctx = ctx;
        this.status = new Status(ctx.messages());
        includeInactive.addListener((o, a, b) -> refresh());
        editing.addListener((o, a, row) -> fill(row));
    }

    public boolean canEdit() {
        return ctx.workspace().can(Permission.COORDINATE);
    }

    /** Reads the list again (in the background). */
    public abstract void refresh();

    /** Puts {@code row} (null: empty form for a new one) into the form fields. */
    protected abstract void fill(T row);

    /** Whether the row is active (for the deactivate/reactivate button). */
    public abstract boolean isActive(T row);

    /**
     * Reads the form (on the FX thread) and returns the background work that adds ({@code original} null) or
     * updates; null when the form itself is not acceptable (the message is already shown).
     */
    protected abstract Callable<T> saveTask(T original);

    protected abstract T setActive(T original, boolean active);

    /** Starts a new row: empty form. */
    public void startNew() {
        editing.set(null);
        fill(null);
        status.show("", false);
    }

    /** Adds or updates, from the form. */
    public void save() {
        T original = editing.get();
        Callable<T> task = saveTask(original);
        if (task == null) {
            return;
        }
        status.run(ctx.executor(), task, saved -> {
            ctx.shell().saved(ctx.workspace().clock().instant());
            status.show(ctx.messages().get(original == null ? "ops.directory.added" : "ops.directory.updated"), false);
            afterWrite(saved);
        });
    }

    /** Deactivates the row being edited, or reactivates it. */
    public void toggleActive() {
        T original = editing.get();
        if (original == null) {
            return;
        }
        boolean active = !isActive(original);
        status.run(ctx.executor(), () -> setActive(original, active), saved -> {
            ctx.shell().saved(ctx.workspace().clock().instant());
            status.show(ctx.messages().get(active ? "ops.directory.reactivated" : "ops.directory.deactivated"), false);
            afterWrite(saved);
        });
    }

    private void afterWrite(T saved) {
        editing.set(saved);
        refresh();
    }

    /** Replaces the list, keeping the edited row selected when it is still shown. */
    protected void showRows(List<T> list) {
        status.busyProperty().set(false);
        rows.setAll(list);
    }

    protected void failed(Throwable t) {
        status.failed(t);
    }

    protected void show(String text, boolean isError) {
        status.show(text, isError);
    }

    public ObservableList<T> rows() {
        return rows;
    }

    public ObjectProperty<T> editingProperty() {
        return editing;
    }

    public BooleanProperty includeInactiveProperty() {
        return includeInactive;
    }

    @Override
    public Status status() {
        return status;
    }
}
