package org.outreachdesk.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.BundleRefusedException;
import org.outreachdesk.app.ChangeFeeds;
import org.outreachdesk.app.SiteService;
import org.outreachdesk.app.SyncService;
import org.outreachdesk.app.TeamService;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.Role;
import org.outreachdesk.domain.VenueType;
import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.common.ShellViewModel;
import org.outreachdesk.ui.common.UiContext;
import org.outreachdesk.ui.task.ImmediateTaskExecutor;

/** Settings → Team's state per role, on real encrypted vaults: no team, hub, member, and roles that do not see it. */
class TeamViewModelTest {

    @TempDir
    Path dir;

    private static UiContext context(Workspace ws, Locale locale) {
        return new UiContext(ws, new ImmediateTaskExecutor(), new Messages(locale), new ShellViewModel());
    }

    private static TeamViewModel model(Workspace ws) {
        TeamViewModel m = new TeamViewModel(context(ws, Locale.ENGLISH));
        m.load();
        return m;
    }

    @Test
    void aHubCreatesInvitesAndTheCodeShownOpensTheJoinFileOnAnotherVault() {
        try (Workspace hub = TestWorkspaces.admin(dir.resolve("hub"));
             Workspace laptop = TestWorkspaces.admin(dir.resolve("laptop"))) {
            TeamViewModel office = model(hub);
            assertThat(office.modeProperty().get()).isEqualTo(TeamViewModel.Mode.NONE);
            assertThat(office.create()).as("no name").isFalse();
            assertThat(office.part().errorProperty().get()).isEqualTo("Enter a name for the team.");
            office.newTeamNameProperty().set("  Pursat outreach ");
            assertThat(office.create()).isTrue();
            assertThat(office.modeProperty().get()).isEqualTo(TeamViewModel.Mode.HUB);
            assertThat(office.part().messageProperty().get()).isEqualTo("Team Pursat outreach created. This laptop is its hub.");
            assertThat(office.teamLineProperty().get()).isEqualTo("Team: Pursat outreach");
            assertThat(office.hubLineProperty().get()).isEqualTo("This laptop is the team's hub (hub).");
            assertThat(office.devices()).extracting(TeamViewModel.DeviceRow::name).containsExactly("hub");

            Path join = dir.resolve("laptop-1.odjoin");
            assertThat(office.invite(join)).as("no laptop name").isFalse();
            assertThat(office.part().errorProperty().get()).isEqualTo("Enter a name for the laptop.");
            office.inviteNameProperty().set("laptop 1");
            assertThat(office.invite(join)).isTrue();
            TeamViewModel.ShownCode shown = office.shownCodeProperty().get();
            assertThat(shown.device()).isEqualTo("laptop 1");
            assertThat(shown.fileName()).isEqualTo("laptop-1.odjoin");
            assertThat(shown.code()).matches("[A-Z2-9]{4}(-[A-Z2-9]{4}){4}");
            assertThat(Files.exists(join)).isTrue();
            assertThat(office.devices()).extracting(TeamViewModel.DeviceRow::name, TeamViewModel.DeviceRow::role,
                    TeamViewModel.DeviceRow::lastFrom, TeamViewModel.DeviceRow::state).containsExactly(
                    tuple("hub", "Hub", "—", "Active"),
                    tuple("laptop 1", "Member", "never", "Active"));
            office.codeSeen();
            assertThat(office.shownCodeProperty().get()).as("shown once").isNull();

            // the same name twice is refused in words
            office.inviteNameProperty().set("laptop 1");
            office.invite(dir.resolve("again.odjoin"));
            assertThat(office.part().errorProperty().get())
                    .isEqualTo("The team has a laptop of that name already; choose another.");

            // a second real vault joins with the file and the code shown
            TeamViewModel field = model(laptop);
            field.joinFileProperty().set(join);
            field.join("AAAA-BBBB-CCCC-DDDD-EEEE".toCharArray());
            assertThat(field.part().errorProperty().get()).startsWith("The code does not open this join file.");
            assertThat(field.modeProperty().get()).isEqualTo(TeamViewModel.Mode.NONE);
            assertThat(new TeamService(laptop).team()).isEmpty();
            field.join(shown.code().toLowerCase(Locale.ROOT).toCharArray());
            assertThat(field.modeProperty().get()).isEqualTo(TeamViewModel.Mode.MEMBER);
            assertThat(field.part().messageProperty().get()).isEqualTo("This laptop joined the team Pursat outreach.");
            assertThat(field.teamLineProperty().get()).isEqualTo("Team: Pursat outreach");
            assertThat(field.hubLineProperty().get()).isEqualTo("The team's hub: hub");
            assertThat(field.selfLineProperty().get()).isEqualTo("This laptop's name in the team: laptop 1");
            assertThat(field.lastLineProperty().get())
                    .isEqualTo("Last bundle written for the hub: never. Last bundle read from the hub: never.");

            // a vault in a team joins no other
            field.joinFileProperty().set(join);
            field.join(shown.code().toCharArray());
            assertThat(field.part().errorProperty().get()).isEqualTo("This vault is in a team already.");
        }
    }

    @Test
    void aRevokedLaptopsBundleIsRefusedByTheHub() {
        try (Workspace hub = TestWorkspaces.admin(dir.resolve("hub"));
             Workspace laptop = TestWorkspaces.admin(dir.resolve("laptop"))) {
            new TeamService(hub).create("Pursat outreach");
            Path join = dir.resolve("l1.odjoin");
            TeamService.Invitation inv = new TeamService(hub).invite("laptop 1", join);
            new TeamService(laptop).join(join, inv.code());
            new SiteService(laptop).add(new SiteService.Draft("KTV-03", "Golden KTV", VenueType.KTV, null, null, 20));
            Path up = dir.resolve("up.odsync");
            new SyncService(laptop, ChangeFeeds.of(laptop)).export(up, null);

            TeamViewModel office = model(hub);
            assertThat(office.revokeSelected()).as("nothing chosen").isFalse();
            office.selectedProperty().set(office.devices().get(0));
            assertThat(office.revokeSelected()).as("the hub itself").isFalse();
            office.selectedProperty().set(office.devices().get(1));
            assertThat(office.revokeSelected()).isTrue();
            assertThat(office.part().messageProperty().get())
                    .isEqualTo("laptop 1 was revoked: its bundles are refused from now on.");
            // TestVaults.CLOCK: 20 October 2026, 15:00 in Phnom Penh
            assertThat(office.devices().get(1).state()).isEqualTo("Revoked 20/10/2026");
            assertThat(office.selectedProperty().get().revoked()).isTrue();
            assertThat(office.revokeSelected()).as("once").isFalse();

            assertThatThrownBy(() -> new SyncService(hub, ChangeFeeds.of(hub)).importBundle(up))
                    .isInstanceOfSatisfying(BundleRefusedException.class,
                            e -> assertThat(e.reason()).isEqualTo(BundleRefusedException.Reason.REVOKED_SENDER));
            assertThat(new SiteService(hub).list(true)).isEmpty();
        }
    }

    @Test
    void aDamagedJoinFileIsRefusedInWordsAndNothingIsStored() throws Exception {
        try (Workspace laptop = TestWorkspaces.admin(dir.resolve("laptop"))) {
            Path bogus = dir.resolve("bogus.odjoin");
            Files.writeString(bogus, "not a join file\n");
            TeamViewModel field = model(laptop);
            assertThat(field.join("ABCD".toCharArray())).as("no file chosen").isFalse();
            assertThat(field.part().errorProperty().get()).isEqualTo("Choose the join file first.");
            field.joinFileProperty().set(bogus);
            assertThat(field.join("   ".toCharArray())).as("no code").isFalse();
            assertThat(field.part().errorProperty().get()).isEqualTo("Type the one-time join code.");
            field.join("ABCD-EFGH-JKLM-NPQR-STUV".toCharArray());
            assertThat(field.part().errorProperty().get()).isEqualTo("This file is not a join file this version of "
                    + "Outreach Desk can read, or it is damaged. Ask the hub for a new invitation.");
            assertThat(new TeamService(laptop).team()).isEmpty();

            TeamViewModel km = new TeamViewModel(context(laptop, Locale.forLanguageTag("km")));
            km.joinFileProperty().set(bogus);
            km.join("ABCD-EFGH-JKLM-NPQR-STUV".toCharArray());
            assertThat(km.part().errorProperty().get()).startsWith("ឯកសារនេះមិនមែនជាឯកសារចូលរួម");
        }
    }

    @Test
    void onlyAdminsHaveTheTeamPart() {
        try (Workspace manager = TestWorkspaces.as(Role.MANAGER, dir.resolve("m"))) {
            assertThat(new SettingsViewModel(context(manager, Locale.ENGLISH)).team()).isNull();
        }
        try (Workspace admin = TestWorkspaces.admin(dir.resolve("a"))) {
            assertThat(new SettingsViewModel(context(admin, Locale.ENGLISH)).team()).isNotNull();
        }
    }
}
