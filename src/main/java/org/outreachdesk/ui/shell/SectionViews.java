package org.outreachdesk.ui.shell;

import javafx.scene.Node;

import org.outreachdesk.ui.common.UiContext;
import org.outreachdesk.ui.conflicts.ConflictsView;
import org.outreachdesk.ui.conflicts.ConflictsViewModel;
import org.outreachdesk.ui.contact.ContactsView;
import org.outreachdesk.ui.contact.DuplicatesView;
import org.outreachdesk.ui.directory.DirectoryView;
import org.outreachdesk.ui.encounter.EncounterDeskView;
import org.outreachdesk.ui.encounters.EncounterListView;
import org.outreachdesk.ui.importer.ImportView;
import org.outreachdesk.ui.importer.ImportViewModel;
import org.outreachdesk.ui.incident.IncidentView;
import org.outreachdesk.ui.referral.ReferralFollowUpView;
import org.outreachdesk.ui.report.DashboardView;
import org.outreachdesk.ui.report.DashboardViewModel;
import org.outreachdesk.ui.report.ReportsView;
import org.outreachdesk.ui.report.ReportsViewModel;
import org.outreachdesk.ui.settings.SettingsView;
import org.outreachdesk.ui.settings.SettingsViewModel;
import org.outreachdesk.ui.stock.StockView;
import org.outreachdesk.ui.sync.SyncView;
import org.outreachdesk.ui.sync.SyncViewModel;
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
            case DASHBOARD -> new DashboardView(
                    new DashboardViewModel(ctx), ctx.messages());

            case ENCOUNTERS -> new EncounterDeskView(ctx);

            case CONTACTS -> new ContactsView(ctx);

            case REFERRALS -> new ReferralFollowUpView(ctx);

            case INCIDENTS -> new IncidentView(ctx);

            case REPORTS -> new ReportsView(
                    new ReportsViewModel(ctx), ctx.messages());

            case STOCK -> new StockView(ctx);

            case IMPORT -> new ImportView(ImportViewModel.of(ctx), ctx.messages());

            case DIRECTORY -> new DirectoryView(ctx);

            case SETTINGS -> new SettingsView(
                    new SettingsViewModel(ctx), ctx.messages());

            case DUPLICATES -> new DuplicatesView(ctx);

            case ENCOUNTER_LIST -> new EncounterListView(ctx);

            case SYNC -> new SyncView(new SyncViewModel(ctx), ctx.messages());

            case CONFLICTS -> new ConflictsView(new ConflictsViewModel(ctx), ctx.messages());
        };
    }
}
