package org.outreachdesk.ui.shell;

import javafx.scene.Node;

import org.outreachdesk.ui.UiContext;

/**
 * Makes the view of each section of the main window. Each section's line names the view that fills it;
 * sections that are not built yet say so plainly.
 */
public final class SectionViews {

    private SectionViews() {
    }

    public static Node create(Section section, UiContext ctx) {
        return switch (section) {
            case DASHBOARD -> new org.outreachdesk.ui.report.DashboardView(
                    new org.outreachdesk.ui.report.DashboardViewModel(ctx), ctx.messages());

            case ENCOUNTERS -> new NotYetView(section, ctx.messages());

            case CONTACTS -> new NotYetView(section, ctx.messages());

            case REFERRALS -> new NotYetView(section, ctx.messages());

            case INCIDENTS -> new NotYetView(section, ctx.messages());

            case REPORTS -> new org.outreachdesk.ui.report.ReportsView(
                    new org.outreachdesk.ui.report.ReportsViewModel(ctx), ctx.messages());

            case STOCK -> new NotYetView(section, ctx.messages());

            case DIRECTORY -> new NotYetView(section, ctx.messages());

            case SETTINGS -> new NotYetView(section, ctx.messages());
        };
    }
}
