package org.outreachdesk.ui.sync;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.outreachdesk.app.ChangeFeed;
import org.outreachdesk.app.ChangeFeeds;
import org.outreachdesk.app.ConflictService;
import org.outreachdesk.app.Permission;
import org.outreachdesk.app.SyncService;
import org.outreachdesk.app.TeamService;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.Team;
import org.outreachdesk.domain.TeamDevice;
import org.outreachdesk.ui.common.Dates;
import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.common.Section;
import org.outreachdesk.ui.common.Status;
import org.outreachdesk.ui.common.UiContext;

/**
 * The Sync screen's state (issue 15): whether this vault is in a team, writing a bundle for the other side and
 * reading one, the summary of what was applied, when this laptop last sent and received. Every read and write of
 * the vault or a bundle runs on {@link UiContext#executor()}, never on the JavaFX thread.
 */
public final class SyncViewModel {

    /**
     * What the screen knows of the team: the team (empty when none), its laptops, and the open conflicts (0 for a
     * role that does not resolve them).
     */
    record State(Optional<Team> team, List<TeamDevice> devices, int conflicts) {
    }

    /** A bundle's result and the team as it stands after it. */
    private record Done<T>(T result, State state) {
    }

    private State state() {
        Optional<Team> t = teams.team();
        boolean resolves = t.isPresent() && ctx.workspace().can(Permission.CORRECT_ANY);
        return new State(t, teams.devices(), resolves ? conflictService.count() : 0);
    }

    private final UiContext ctx;
    private final TeamService teams;
    private final SyncService sync;
    private final ConflictService conflictService;
    private final Messages messages;
    private final Status status;
    private final ObjectProperty<Team> team = new SimpleObjectProperty<>();
    private final ObservableList<String> members = FXCollections.observableArrayList();
    private final ObjectProperty<String> receiver = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper laptop = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lastSync = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper conflicts = new ReadOnlyIntegerWrapper();

    public SyncViewModel(UiContext ctx) {
        this(ctx, ChangeFeeds::of);
    }

    SyncViewModel(UiContext ctx, Function<Workspace, ChangeFeed> feeds) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.teams = new TeamService(ctx.workspace());
        this.sync = new SyncService(ctx.workspace(), feeds.apply(ctx.workspace()));
        this.conflictService = new ConflictService(ctx.workspace());
        this.messages = ctx.messages();
        this.status = new Status(messages);
    }

    /** Reads the team and its laptops (in the background). */
    public void load() {
        status.load(ctx.executor(), this::state, this::show);
    }

    /** Writes a bundle for the hub (a member) or for the chosen member (the hub) into {@code file}. */
    public void write(Path file) {
        Team t = team.get();
        if (t == null) {
            return;
        }
        String to = t.hub() ? receiver.get() : null;
        if (t.hub() && to == null) {
            status.fail(messages.get("sync.chooseMember"));
            return;
        }
        status.run(ctx.executor(), () -> {
            SyncService.Exported e = sync.export(file, to);
            return new Done<>(e, state());
        }, r -> {
            SyncService.Exported e = r.result();
            show(r.state());
            status.ok(messages.get("sync.written", e.file().getFileName().toString(), e.receiver()));
        });
    }

    /** Reads the bundle {@code file} and applies it; a refused bundle changes nothing and says why. */
    public void read(Path file) {
        summary.set("");
        status.run(ctx.executor(), () -> {
            SyncService.Imported i = sync.importBundle(file);
            return new Done<>(i, state());
        }, r -> {
            SyncService.Imported i = r.result();
            show(r.state());
            summary.set(SyncSummary.of(i.counts(), messages));
            status.ok(messages.get("sync.read", i.sender()));
        });
    }

    private void show(State s) {
        team.set(s.team().orElse(null));
        conflicts.set(s.conflicts());
        members.setAll(s.devices().stream().filter(d -> !d.hub() && !d.revoked()).map(TeamDevice::name).toList());
        if (receiver.get() != null && !members.contains(receiver.get())) {
            receiver.set(null);
        }
        if (receiver.get() == null && members.size() == 1) {
            receiver.set(members.get(0));
        }
        Team t = team.get();
        if (t == null) {
            laptop.set("");
            lastSync.set("");
            return;
        }
        String self = s.devices().stream().filter(d -> d.id().equals(t.selfDevice())).map(TeamDevice::name)
                .findFirst().orElse(TeamService.HUB_NAME);
        laptop.set(messages.get(t.hub() ? "sync.thisLaptop.hub" : "sync.thisLaptop.member", self));
        List<TeamDevice> others = s.devices().stream().filter(d -> !d.id().equals(t.selfDevice())).toList();
        lastSync.set(messages.get("sync.last", when(latest(others, TeamDevice::lastSentAt)),
                when(latest(others, TeamDevice::lastReceivedAt))));
    }

    private static Instant latest(List<TeamDevice> devices, Function<TeamDevice, Instant> at) {
        return devices.stream().map(at).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
    }

    private String when(Instant t) {
        return t == null ? messages.get("sync.never") : Dates.format(t, ZoneId.systemDefault());
    }

    /** The team, or null when this vault is in none. */
    public ObjectProperty<Team> teamProperty() {
        return team;
    }

    /** On a hub: the members a bundle can be written for. */
    public ObservableList<String> members() {
        return members;
    }

    /** On a hub: the member the next bundle is for. */
    public ObjectProperty<String> receiverProperty() {
        return receiver;
    }

    /** "This laptop: … (the office hub / a member)". */
    public ReadOnlyStringProperty laptopProperty() {
        return laptop.getReadOnlyProperty();
    }

    /** When this laptop last sent and received a bundle. */
    public ReadOnlyStringProperty lastSyncProperty() {
        return lastSync.getReadOnlyProperty();
    }

    /** What the last bundle read did, empty before one is read. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Open conflicts a coordinator (or above) should review; 0 for other roles. */
    public ReadOnlyIntegerProperty conflictsProperty() {
        return conflicts.getReadOnlyProperty();
    }

    /** Opens the Conflicts section. */
    public void openConflicts() {
        ctx.shell().show(Section.CONFLICTS);
    }

    public Status status() {
        return status;
    }
}
