package org.outreachdesk.ui.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.outreachdesk.app.ChangeFeeds;
import org.outreachdesk.app.SiteService;
import org.outreachdesk.app.StaffService;
import org.outreachdesk.app.SyncService;
import org.outreachdesk.app.TeamService;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.StaffKind;
import org.outreachdesk.domain.VenueType;
import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.common.ShellViewModel;
import org.outreachdesk.ui.common.UiContext;
import org.outreachdesk.ui.task.ImmediateTaskExecutor;

/**
 * A hub and its members (tests): real encrypted vaults, each member joined with a real join file and code, bundles
 * exchanged as real files.
 */
public final class SyncTeam implements AutoCloseable {

    public final Workspace hub;
    public final Workspace member;
    private final Path dir;
    private final List<Workspace> others = new ArrayList<>();
    private int bundles;

    public SyncTeam(Path dir) {
        this.dir = dir;
        hub = TestWorkspaces.admin(dir.resolve("hub"));
        new TeamService(hub).create("Phnom Penh office");
        member = join("laptop 1");
    }

    /** Another member laptop, named {@code name}, joined to the team (closed with the team). */
    public Workspace addMember(String name) {
        Workspace ws = join(name);
        others.add(ws);
        return ws;
    }

    private Workspace join(String name) {
        String folder = name.replace(' ', '-');
        Workspace ws = TestWorkspaces.admin(dir.resolve(folder));
        Path join = dir.resolve(folder + ".odjoin");
        TeamService.Invitation inv = new TeamService(hub).invite(name, join);
        new TeamService(ws).join(join, inv.code());
        return ws;
    }

    /** The member records a site and an outreach worker: two new records. */
    void memberWork() {
        new SiteService(member).add(new SiteService.Draft("KTV-03", "Golden KTV", VenueType.KTV, null, null, 20));
        new StaffService(member).add(new StaffService.Draft("OW01", StaffKind.OUTREACH_WORKER, "Team A"));
    }

    /** A member writes a bundle for the hub, and the hub reads it. */
    public void toHub(Workspace from) {
        Path file = dir.resolve("bundle-" + (++bundles) + ".odsync");
        new SyncService(from, ChangeFeeds.of(from)).export(file, null);
        new SyncService(hub, ChangeFeeds.of(hub)).importBundle(file);
    }

    /** The hub writes a bundle for the member {@code name}, and {@code to} reads it. */
    public void fromHub(String name, Workspace to) {
        Path file = dir.resolve("bundle-" + (++bundles) + ".odsync");
        new SyncService(hub, ChangeFeeds.of(hub)).export(file, name);
        new SyncService(to, ChangeFeeds.of(to)).importBundle(file);
    }

    public static UiContext context(Workspace ws, Locale locale) {
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
        others.forEach(Workspace::close);
    }
}
