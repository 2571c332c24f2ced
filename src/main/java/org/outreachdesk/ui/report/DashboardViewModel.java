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
import org.outreachdesk.ui.common.UiContext;

/**
 * State of the dashboard: the latest figures (computed on the background executor, never on the JavaFX thread),
 * whether they are being worked out, and a message when that failed.
 */
public final class DashboardViewModel {

    private final UiContext ctx;
    private final ReportService service;
    private final SimpleObjectProperty<Dashboard> dashboard = new SimpleObjectProperty<>();
    private final SimpleBooleanProperty loading = new SimpleBooleanProperty(false);
    private final SimpleStringProperty error = new SimpleStringProperty("");

    public DashboardViewModel(UiContext ctx) {
        this.ctx = ctx;
        this.service = new ReportService(ctx.workspace());
    }

    /** Works the figures out again. */
    public void refresh() {
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
