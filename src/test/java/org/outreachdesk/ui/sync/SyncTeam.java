package org.outreachdesk.ui.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.outreachdesk.app.SiteService;
import org.outreachdesk.app.StaffService;
import org.outreachdesk.app.TeamService;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.StaffKind;
import org.outreachdesk.domain.VenueType;
import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.common.ShellViewModel;
import org.outreachdesk.ui.common.UiContext;
import org.outreachdesk.ui.task.ImmediateTaskExecutor;

/** A hub and one member (tests): real encrypted vaults, the member joined with a real join file and code. */
final class SyncTeam implements AutoCloseable {

    final Workspace hub;
    final Workspace member;

    SyncTeam(Path dir) {
        hub = TestWorkspaces.admin(dir.resolve("hub"));
        member = TestWorkspaces.admin(dir.resolve("laptop1"));
        new TeamService(hub).create("Phnom Penh office");
        Path join = dir.resolve("laptop1.odjoin");
        TeamService.Invitation inv = new TeamService(hub).invite("laptop 1", join);
        new TeamService(member).join(join, inv.code());
    }

    /** The member records a site and an outreach worker: two new records. */
    void memberWork() {
        new SiteService(member).add(new SiteService.Draft("KTV-03", "Golden KTV", VenueType.KTV, null, null, 20));
        new StaffService(member).add(new StaffService.Draft("OW01", StaffKind.OUTREACH_WORKER, "Team A"));
    }

    static UiContext context(Workspace ws, Locale locale) {
        return new UiContext(ws, new ImmediateTaskExecutor(), new Messages(locale), new ShellViewModel());
    }

    static void flipByte(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        b[b.length / 2] ^= 0x01;
        Files.write(file, b);
    }

    @Override
    public void close() {
        hub.close();
        member.close();
    }
}
