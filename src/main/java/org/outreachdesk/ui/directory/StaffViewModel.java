package org.outreachdesk.ui.directory;

import java.util.concurrent.Callable;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.outreachdesk.app.StaffService;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.domain.StaffKind;
import org.outreachdesk.ui.common.UiContext;

/** The staff tab: staff codes (never names), kind and team. */
public final class StaffViewModel extends EditorState<Staff> {

    private final StaffService service;
    private final StringProperty code = new SimpleStringProperty("");
    private final ObjectProperty<StaffKind> kind = new SimpleObjectProperty<>(StaffKind.OUTREACH_WORKER);
    private final StringProperty team = new SimpleStringProperty("");

    public StaffViewModel(UiContext ctx) {
        super(ctx);
        this.service = new StaffService(ctx.workspace());
    }

    @Override
    public void refresh() {
        boolean inactive = includeInactiveProperty().get();
        ctx.executor().submit(() -> service.list(inactive), this::showRows, this::failed);
    }

    @Override
    protected void fill(Staff s) {
        code.set(s == null ? "" : s.code());
        kind.set(s == null ? StaffKind.OUTREACH_WORKER : s.kind());
        team.set(s == null || s.team() == null ? "" : s.team());
    }

    @Override
    public boolean isActive(Staff row) {
        return row.active();
    }

    @Override
    protected Callable<Staff> saveTask(Staff original) {
        StaffService.Draft d = new StaffService.Draft(code.get(), kind.get(), team.get());
        return () -> original == null ? service.add(d) : service.update(original, d);
    }

    @Override
    protected Staff setActive(Staff original, boolean active) {
        return service.setActive(original, active);
    }

    public StringProperty codeProperty() {
        return code;
    }

    public ObjectProperty<StaffKind> kindProperty() {
        return kind;
    }

    public StringProperty teamProperty() {
        return team;
    }
}
