package org.outreachdesk.ui.settings;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.outreachdesk.app.TeamService;
import org.outreachdesk.domain.Team;
import org.outreachdesk.domain.TeamDevice;
import org.outreachdesk.ui.common.Dates;
import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.common.UiContext;

/**
 * Settings → Team (admins; issue 15): a vault in no team creates one or joins one with a join file and its one-time
 * code; the hub invites laptops (the code is handed to the view once, then forgotten), lists them with when each
 * last sent and received a bundle, and revokes a lost one; a member sees its team, hub, own name and last sync.
 * Every vault or file step runs on {@link UiContext#executor()}.
 */
public final class TeamViewModel {

    /** What the card shows. */
    public enum Mode { LOADING, NONE, HUB, MEMBER }

    /**
     * One laptop of the team, in words.
     *
     * @param lastFrom when this vault last read a bundle from it (when it last sent), or "never"
     * @param lastFor  when this vault last wrote a bundle for it, or "never"
     * @param state    active, or revoked with the date
     */
    public record DeviceRow(String name, String role, String lastFrom, String lastFor, String state, boolean hub,
                            boolean self, boolean revoked) {
    }

    /** A join code to show once: the laptop it is for and its join file's name. */
    public record ShownCode(String device, String fileName, String code) {
    }

    private record State(Optional<Team> team, List<TeamDevice> devices) {
    }

    private final UiContext ctx;
    private final TeamService teams;
    private final Messages messages;
    private final ZoneId zone;
    private final SettingsViewModel.Part part;

    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(Mode.LOADING);
    private final ReadOnlyStringWrapper teamLine = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper hubLine = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper selfLine = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lastLine = new ReadOnlyStringWrapper("");
    private final ObservableList<DeviceRow> devices = FXCollections.observableArrayList();
    private final ObjectProperty<DeviceRow> selected = new SimpleObjectProperty<>();
    private final StringProperty newTeamName = new SimpleStringProperty("");
    private final StringProperty inviteName = new SimpleStringProperty("");
    private final ObjectProperty<Path> joinFile = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<ShownCode> shownCode = new ReadOnlyObjectWrapper<>();

    public TeamViewModel(UiContext ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.teams = new TeamService(ctx.workspace());
        this.messages = ctx.messages();
        this.part = new SettingsViewModel.Part(messages);
        this.zone = ctx.workspace().clock().getZone();
    }

    private State state() {
        return new State(teams.team(), teams.devices());
    }

    /** Reads the team and its laptops (in the background). */
    public void load() {
        part.load(ctx.executor(), this::state, this::show);
    }

    /** Makes this vault the hub of a new team with the name typed. */
    public boolean create() {
        String name = newTeamName.get() == null ? "" : newTeamName.get().strip();
        if (part.busy()) {
            return false;
        }
        if (name.isEmpty()) {
            part.failed(messages.get("team.error.name"));
            return false;
        }
        part.run(ctx.executor(), () -> {
            teams.create(name);
            return state();
        }, s -> {
            show(s);
            newTeamName.set("");
            part.done(messages.get("team.created", name));
            saved();
        });
        return true;
    }

    /**
     * On the hub: adds the laptop named in the form and writes its join file to {@code out}; the one-time code is
     * then in {@link #shownCodeProperty()} until {@link #codeSeen()}.
     */
    public boolean invite(Path out) {
        String name = checkInviteName();
        if (part.busy() || out == null || name == null) {
            return false;
        }
        record Invited(ShownCode code, State state) {
        }
        part.run(ctx.executor(), () -> {
            TeamService.Invitation inv = teams.invite(name, out);
            try {
                return new Invited(new ShownCode(inv.device().name(), fileName(inv.file()), new String(inv.code())),
                        state());
            } finally {
                Arrays.fill(inv.code(), '\0');
            }
        }, r -> {
            show(r.state());
            inviteName.set("");
            part.done(messages.get("team.invited", r.code().device(), r.code().fileName()));
            shownCode.set(r.code());
            saved();
        });
        return true;
    }

    /** The laptop name typed for an invitation, or null after saying that one is needed. */
    public String checkInviteName() {
        String name = inviteName.get() == null ? "" : inviteName.get().strip();
        if (name.isEmpty()) {
            part.failed(messages.get("team.error.laptopName"));
            return null;
        }
        return name;
    }

    /** The person closed the code's window: it is not shown again. */
    public void codeSeen() {
        shownCode.set(null);
    }

    /** Joins the team of the chosen join file with the code typed. Owns and wipes {@code code}. */
    public boolean join(char[] code) {
        Path file = joinFile.get();
        if (part.busy()) {
            Arrays.fill(code, '\0');
            return false;
        }
        if (file == null) {
            Arrays.fill(code, '\0');
            part.failed(messages.get("team.error.joinFile"));
            return false;
        }
        if (new String(code).isBlank()) {
            Arrays.fill(code, '\0');
            part.failed(messages.get("team.error.code"));
            return false;
        }
        part.run(ctx.executor(), () -> {
            try {
                teams.join(file, code);
            } finally {
                Arrays.fill(code, '\0');
            }
            return state();
        }, s -> {
            show(s);
            joinFile.set(null);
            part.done(messages.get("team.joined", s.team().map(Team::name).orElse("")));
            saved();
        });
        return true;
    }

    /** On the hub: revokes the selected member laptop (the view asked first). */
    public boolean revokeSelected() {
        DeviceRow row = selected.get();
        if (part.busy() || row == null || row.hub() || row.revoked()) {
            return false;
        }
        part.run(ctx.executor(), () -> {
            teams.revoke(row.name());
            return state();
        }, s -> {
            show(s);
            part.done(messages.get("team.revoked", row.name()));
            saved();
        });
        return true;
    }

    private void show(State s) {
        Team t = s.team().orElse(null);
        String keep = selected.get() == null ? null : selected.get().name();
        devices.setAll(t == null ? List.of() : s.devices().stream().map(d -> row(t, d)).toList());
        selected.set(devices.stream().filter(r -> r.name().equals(keep)).findFirst().orElse(null));
        if (t == null) {
            teamLine.set("");
            hubLine.set("");
            selfLine.set("");
            lastLine.set("");
            mode.set(Mode.NONE);
            return;
        }
        TeamDevice hub = s.devices().stream().filter(TeamDevice::hub).findFirst().orElse(null);
        TeamDevice self = s.devices().stream().filter(d -> d.id().equals(t.selfDevice())).findFirst().orElse(null);
        teamLine.set(messages.get("team.name", t.name()));
        hubLine.set(messages.get(t.hub() ? "team.thisIsHub" : "team.hub",
                hub == null ? TeamService.HUB_NAME : hub.name()));
        selfLine.set(messages.get("team.self", self == null ? "" : self.name()));
        lastLine.set(hub == null || t.hub() ? ""
                : messages.get("team.memberLast", when(hub.lastSentAt()), when(hub.lastReceivedAt())));
        mode.set(t.hub() ? Mode.HUB : Mode.MEMBER);
    }

    private DeviceRow row(Team t, TeamDevice d) {
        boolean self = d.id().equals(t.selfDevice());
        String name = d.name();
        String state = d.revoked() ? messages.get("team.state.revoked",
                Dates.format(LocalDate.ofInstant(d.revokedAt(), zone)))
                : messages.get("team.state.active");
        return new DeviceRow(name, messages.get(d.hub() ? "team.role.hub" : "team.role.member"),
                self ? "—" : when(d.lastReceivedAt()), self ? "—" : when(d.lastSentAt()), state, d.hub(), self,
                d.revoked());
    }

    private String when(Instant t) {
        return t == null ? messages.get("sync.never") : Dates.format(t, zone);
    }

    private static String fileName(Path p) {
        Path n = p.getFileName();
        return n == null ? p.toString() : n.toString();
    }

    private void saved() {
        ctx.shell().saved(ctx.workspace().clock().instant());
    }

    public SettingsViewModel.Part part() {
        return part;
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    /** "Team: …". */
    public ReadOnlyStringProperty teamLineProperty() {
        return teamLine.getReadOnlyProperty();
    }

    /** On the hub "This laptop is the team's hub"; on a member "Hub: …". */
    public ReadOnlyStringProperty hubLineProperty() {
        return hubLine.getReadOnlyProperty();
    }

    /** "This laptop's name in the team: …". */
    public ReadOnlyStringProperty selfLineProperty() {
        return selfLine.getReadOnlyProperty();
    }

    /** On a member: when it last wrote a bundle for the hub and last read one from it. */
    public ReadOnlyStringProperty lastLineProperty() {
        return lastLine.getReadOnlyProperty();
    }

    /** The team's laptops, the hub first. */
    public ObservableList<DeviceRow> devices() {
        return devices;
    }

    public ObjectProperty<DeviceRow> selectedProperty() {
        return selected;
    }

    public StringProperty newTeamNameProperty() {
        return newTeamName;
    }

    public StringProperty inviteNameProperty() {
        return inviteName;
    }

    /** The join file chosen for joining, or null. */
    public ObjectProperty<Path> joinFileProperty() {
        return joinFile;
    }

    /** The join code just made, to show once; null otherwise. */
    public ReadOnlyObjectProperty<ShownCode> shownCodeProperty() {
        return shownCode.getReadOnlyProperty();
    }
}
