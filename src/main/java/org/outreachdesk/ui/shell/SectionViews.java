package org.outreachdesk.ui.shell;

import javafx.scene.Node;

import org.outreachdesk.ui.common.UiContext;
import org.outreachdesk.ui.common.Section;

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

            case ENCOUNTERS -> new org.outreachdesk.ui.encounter.EncounterDeskView(ctx);

            case CONTACTS -> new org.outreachdesk.ui.contact.ContactsView(ctx);

            case REFERRALS -> new org.outreachdesk.ui.referral.ReferralFollowUpView(ctx);

            case INCIDENTS -> new org.outreachdesk.ui.incident.IncidentView(ctx);

            case REPORTS -> new org.outreachdesk.ui.report.ReportsView(
                    new org.outreachdesk.ui.report.ReportsViewModel(ctx), ctx.messages());

            case STOCK -> new org.outreachdesk.ui.stock.StockView(ctx);

            case IMPORT -> new org.outreachdesk.ui.importer.ImportView(org.outreachdesk.ui.importer.ImportViewModel.of(ctx), ctx.messages());

            case DIRECTORY -> new org.outreachdesk.ui.directory.DirectoryView(ctx);

            case SETTINGS -> new org.outreachdesk.ui.settings.SettingsView(
                    new org.outreachdesk.ui.settings.SettingsViewModel(ctx), ctx.messages());
        };
    }
}
