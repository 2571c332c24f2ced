package org.outreachdesk.ui.report;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;

import org.outreachdesk.app.AppException;
import org.outreachdesk.app.Dashboard;
import org.outreachdesk.app.ReportService;
import org.outreachdesk.app.TeamService;
import org.outreachdesk.ui.common.Section;
import org.outreachdesk.ui.common.UiContext;

/**
 * State of the dashboard: the latest figures (computed on the background executor, never on the JavaFX thread),
 * whether they are being worked out, and a message when that failed; on a member laptop of a team that has not
 * synced with the office for {@value TeamService#SYNC_REMINDER_DAYS} days or more, a reminder that opens the Sync
 * section.
 */
public final class DashboardViewModel {

    private final UiContext ctx;
    private final ReportService service;
    private final SimpleObjectProperty<Dashboard> dashboard = new SimpleObjectProperty<>();
    private final SimpleBooleanProperty loading = new SimpleBooleanProperty(false);
    private final SimpleStringProperty error = new SimpleStringProperty("");
    private final SimpleStringProperty syncReminder = new SimpleStringProperty("");

    public DashboardViewModel(UiContext ctx) {
        this.ctx = ctx;
        this.service = new ReportService(ctx.workspace());
    }

    /** Works the figures out again, and whether this laptop is due to sync. */
    public void refresh() {
        checkSync();
        if (loading.get()) {
            return;
        }
        loading.set(true);
        error.set("");
        ctx.executor().submit(service::dashboard, d -> {
            loading.set(false);
            dashboard.set(d);
        }, t -> {
            loading.set(false);
            error.set(t instanceof AppException a ? ctx.messages().of(a)
                    : ctx.messages().get("dashboard.error", t.getClass().getSimpleName()));
        });
    }

    private void checkSync() {
        ctx.executor().submit(() -> new TeamService(ctx.workspace()).daysSinceSync(), days -> syncReminder.set(
                days.isPresent() && days.getAsLong() >= TeamService.SYNC_REMINDER_DAYS
                        ? ctx.messages().get("dashboard.syncReminder", days.getAsLong()) : ""),
                t -> syncReminder.set(""));
    }

    /** "This laptop has not synced with the office for N days", or empty when it is not due (or not a member). */
    public ReadOnlyStringProperty syncReminderProperty() {
        return syncReminder;
    }

    /** Opens the Sync section (from the reminder). */
    public void openSync() {
        ctx.shell().show(Section.SYNC);
    }

    public ReadOnlyObjectProperty<Dashboard> dashboardProperty() {
        return dashboard;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }
}
