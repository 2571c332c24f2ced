package org.outreachdesk.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.SiteService;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.Site;
import org.outreachdesk.ui.common.Dates;

/** The Sync screen's state on a real hub and member: bundles written and read, a refused one changing nothing. */
class SyncViewModelTest {

    @TempDir
    Path dir;

    private SyncTeam team;

    @BeforeEach
    void team() {
        team = new SyncTeam(dir);
    }

    @AfterEach
    void close() {
        team.close();
    }

    private static SyncViewModel model(Workspace ws, Locale locale) {
        SyncViewModel m = new SyncViewModel(SyncTeam.context(ws, locale));
        m.load();
        return m;
    }

    @Test
    void theMemberWritesTheHubReadsAndTheSummaryCounts() {
        SyncViewModel member = model(team.member, Locale.ENGLISH);
        assertThat(member.teamProperty().get().name()).isEqualTo("Phnom Penh office");
        assertThat(member.laptopProperty().get()).isEqualTo("This laptop: laptop 1 (a member)");
        assertThat(member.lastSyncProperty().get()).isEqualTo("Last sent: never. Last received: never.");
        Path first = dir.resolve("first.odsync");
        member.write(first);
        SyncViewModel office = model(team.hub, Locale.ENGLISH);
        office.read(first);
        Path down = dir.resolve("down.odsync");
        office.write(down);
        assertThat(office.status().messageProperty().get()).as("the only member is chosen").isEqualTo(
                "Bundle down.odsync written for laptop 1. Carry it to that laptop and read it there.");
        member.read(down);
        assertThat(member.status().errorProperty().get()).as(member.status().messageProperty().get()).isFalse();
        team.memberWork();
        Path bundle = dir.resolve("up.odsync");
        member.write(bundle);
        assertThat(member.status().errorProperty().get()).as(member.status().messageProperty().get()).isFalse();
        assertThat(member.status().messageProperty().get()).isEqualTo(
                "Bundle up.odsync written for hub. Carry it to that laptop and read it there.");
        String today = today();
        assertThat(member.lastSyncProperty().get()).isEqualTo("Last sent: " + today + ". Last received: " + today + ".");

        SyncViewModel hub = model(team.hub, Locale.ENGLISH);
        assertThat(hub.laptopProperty().get()).isEqualTo("This laptop: hub (the office hub)");
        assertThat(hub.members()).containsExactly("laptop 1");
        hub.read(bundle);
        assertThat(hub.status().errorProperty().get()).as(hub.status().messageProperty().get()).isFalse();
        assertThat(hub.status().messageProperty().get()).isEqualTo("Bundle from laptop 1 read.");
        assertThat(hub.summaryProperty().get()).as("the site and the worker recorded since the first bundle")
                .isEqualTo("Applied: 2. Already present: 0. In conflict: 0.");
        assertThat(new SiteService(team.hub).list(true)).extracting(Site::code).containsExactly("KTV-03");
        assertThat(hub.lastSyncProperty().get()).endsWith("Last received: " + today() + ".");

        hub.read(bundle);
        assertThat(hub.summaryProperty().get()).isEqualTo("Applied: 0. Already present: 2. In conflict: 0.");
    }

    @Test
    void aFlippedByteIsRefusedInTheUsersLanguageAndChangesNothing() throws IOException {
        team.memberWork();
        Path bundle = dir.resolve("up.odsync");
        model(team.member, Locale.ENGLISH).write(bundle);
        SyncTeam.flipByte(bundle);
        byte[] hubVault = vaultBytes();

        SyncViewModel hub = model(team.hub, Locale.forLanguageTag("km"));
        hub.read(bundle);
        assertThat(hub.status().errorProperty().get()).isTrue();
        assertThat(hub.status().messageProperty().get()).isEqualTo(
                "កញ្ចប់ត្រូវបានបដិសេធ៖ ឯកសារខូច ឬត្រូវបានកែប្រែ។ គ្មានអ្វីត្រូវបានផ្លាស់ប្តូរទេ សូមសរសេរកញ្ចប់ថ្មី។");
        assertThat(hub.summaryProperty().get()).isEmpty();
        assertThat(new SiteService(team.hub).list(true)).isEmpty();
        assertThat(vaultBytes()).as("the hub's vault, byte for byte").isEqualTo(hubVault);
    }

    @Test
    void aHubMustChooseTheMemberAndAVaultInNoTeamHasNoTeam() {
        SyncViewModel hub = model(team.hub, Locale.ENGLISH);
        hub.receiverProperty().set(null);
        hub.write(dir.resolve("down.odsync"));
        assertThat(hub.status().messageProperty().get()).isEqualTo("Choose the member laptop the bundle is for.");
        assertThat(Files.exists(dir.resolve("down.odsync"))).isFalse();

        try (Workspace alone = TestWorkspaces.admin(dir.resolve("alone"))) {
            SyncViewModel m = model(alone, Locale.ENGLISH);
            assertThat(m.teamProperty().get()).isNull();
            assertThat(m.laptopProperty().get()).isEmpty();
        }
    }

    private String today() {
        return Dates.format(team.hub.clock().instant(), ZoneId.systemDefault());
    }

    private byte[] vaultBytes() throws IOException {
        try (Stream<Path> files = Files.walk(team.hub.folder())) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                out.write(Files.readAllBytes(p));
            }
            return out.toByteArray();
        }
    }
}
