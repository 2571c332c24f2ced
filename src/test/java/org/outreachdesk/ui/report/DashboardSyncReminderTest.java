package org.outreachdesk.ui.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import javafx.scene.Scene;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.ChangeFeeds;
import org.outreachdesk.app.SyncService;
import org.outreachdesk.app.TeamService;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.app.VaultService;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.common.Section;
import org.outreachdesk.ui.common.ShellViewModel;
import org.outreachdesk.ui.common.Styles;
import org.outreachdesk.ui.common.UiContext;
import org.outreachdesk.ui.task.ImmediateTaskExecutor;
import org.outreachdesk.vault.TestVaults;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The dashboard's reminder to sync (ADR 19): on a member laptop, 14 calendar days or more since it last read a bundle
 * from its hub (or since it joined); never on the hub. The days are set by the vault's clock (TestVaults.CLOCK is
 * 20 October 2026, 15:00 in Phnom Penh; each session below unlocks the vault with a clock some days later).
 */
@ExtendWith(ApplicationExtension.class)
class DashboardSyncReminderTest {

    @TempDir
    static Path root;

    private Path dir;
    private Path hubFolder;
    private Path memberFolder;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    /** A hub and a member that joined it on 20 October 2026 (not in {@code @Start}: TestFX gives it little time). */
    @BeforeEach
    void team() throws Exception {
        dir = Files.createTempDirectory(root, "reminder");
        hubFolder = dir.resolve("hub");
        memberFolder = dir.resolve("laptop1");
        try (Workspace hub = TestWorkspaces.admin(hubFolder); Workspace member = TestWorkspaces.admin(memberFolder)) {
            new TeamService(hub).create("Pursat outreach");
            Path join = dir.resolve("laptop1.odjoin");
            TeamService.Invitation inv = new TeamService(hub).invite("laptop 1", join);
            new TeamService(member).join(join, inv.code());
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
    }

    /** The vault in {@code folder} unlocked on a clock {@code days} after TestVaults.CLOCK. */
    private static Workspace daysLater(Path folder, int days) {
        Clock later = Clock.fixed(TestVaults.CLOCK.instant().plus(Duration.ofDays(days)), TestVaults.CLOCK.getZone());
        return new VaultService(later, TestVaults.FAST_KDF).unlock(folder, "admin",
                TestWorkspaces.PASSWORD.toCharArray());
    }

    private static DashboardViewModel refreshed(Workspace ws, ShellViewModel shell) {
        DashboardViewModel m = new DashboardViewModel(new UiContext(ws, new ImmediateTaskExecutor(),
                new Messages(Locale.ENGLISH), shell));
        m.refresh();
        return m;
    }

    private static String reminder(Path folder, int days) {
        try (Workspace ws = daysLater(folder, days)) {
            return refreshed(ws, new ShellViewModel()).syncReminderProperty().get();
        }
    }

    @Test
    void aMemberIsRemindedAtFourteenDaysNotAtThirteenAndReadingFromTheHubResetsIt() {
        assertThat(reminder(memberFolder, 13)).isEmpty();
        assertThat(reminder(memberFolder, 14)).isEqualTo("This laptop has not synced with the office for 14 days.");

        // writing a bundle for the hub is not a sync: the office may never get it
        Path up = dir.resolve("up.odsync");
        try (Workspace member = daysLater(memberFolder, 15)) {
            new SyncService(member, ChangeFeeds.of(member)).export(up, null);
        }
        assertThat(reminder(memberFolder, 15)).isEqualTo("This laptop has not synced with the office for 15 days.");

        // reading the hub's bundle is: it counts again from that day
        Path down = dir.resolve("down.odsync");
        try (Workspace hub = daysLater(hubFolder, 16)) {
            new SyncService(hub, ChangeFeeds.of(hub)).importBundle(up);
            new SyncService(hub, ChangeFeeds.of(hub)).export(down, "laptop 1");
        }
        try (Workspace member = daysLater(memberFolder, 20)) {
            new SyncService(member, ChangeFeeds.of(member)).importBundle(down);
        }
        assertThat(reminder(memberFolder, 33)).isEmpty();
        assertThat(reminder(memberFolder, 34)).isEqualTo("This laptop has not synced with the office for 14 days.");
        assertThat(reminder(hubFolder, 40)).as("never on the hub").isEmpty();
    }

    @Test
    void theReminderOpensTheSyncSection(FxRobot robot) {
        try (Workspace member = daysLater(memberFolder, 21)) {
            ShellViewModel shell = new ShellViewModel();
            DashboardViewModel model = refreshed(member, shell);
            robot.interact(() -> {
                Scene scene = new Scene(new DashboardView(model, new Messages(Locale.ENGLISH)), 1366, 768);
                scene.getStylesheets().add(Styles.url());
                stage.setScene(scene);
                stage.show();
            });
            assertThat(robot.lookup("#dashboard-sync-bar").query().isVisible()).isTrue();
            assertThat(robot.lookup("#dashboard-sync-reminder").queryLabeled().getText())
                    .isEqualTo("This laptop has not synced with the office for 21 days.");
            robot.clickOn("#dashboard-sync-open");
            assertThat(shell.sectionProperty().get()).isEqualTo(Section.SYNC);
        }
    }
}
