package org.outreachdesk.ui.vault;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.outreachdesk.app.TeamService;
import org.outreachdesk.app.VaultService;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.AppUser;
import org.outreachdesk.domain.Team;
import org.outreachdesk.ui.common.Failures;
import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.common.Status;
import org.outreachdesk.ui.task.TaskExecutor;
import org.outreachdesk.ui.common.PasswordCheck;

/**
 * The first-run screen's state: organisation, first admin's name, and creating the vault in the background.
 * Passwords are handed over as {@code char[]} on submit and wiped once used.
 *
 * <p>"Join a team with a join file" (issue 15, ADR 19): the join file is opened with its one-time code
 * <em>before</em> anything is created, so a wrong code or a damaged file leaves no vault (the person corrects it and
 * tries again, or unticks the box to create a vault in no team). Then the vault is created and joined at once; a
 * join that fails after that (a disk error) leaves a whole vault in no team, whose recovery key is still shown, with
 * the reason and a pointer to Settings → Team.
 */
public final class FirstRunViewModel {

    /** Creates the vault (in the background): {@code VaultService.create} on the chosen folder. */
    @FunctionalInterface
    public interface Creator {
        VaultService.Created create(String organisation, String adminName, char[] password);
    }

    /** Opens the demo vault (in the background): creates and fills it, or unlocks the one made earlier. */
    @FunctionalInterface
    public interface DemoOpener {
        DemoOpened open(String adminName, char[] password);
    }

    /** The demo vault, unlocked; {@code recoveryKey} is set only when it was just created. */
    public record DemoOpened(Workspace workspace, char[] recoveryKey) {
    }

    private final Creator creator;
    private DemoOpener demoOpener;
    private Consumer<DemoOpened> onDemo;
    private final TaskExecutor executor;
    private final Messages messages;
    private final Consumer<Created> onCreated;

    /** A vault just created: its recovery key is to be shown; {@code notice} says how joining the team went. */
    public record Created(VaultService.Created vault, String notice, boolean joinFailed) {
    }

    private final StringProperty organisation = new SimpleStringProperty("");
    private final StringProperty adminName = new SimpleStringProperty("");
    private final BooleanProperty joinTeam = new SimpleBooleanProperty(false);
    private final ObjectProperty<Path> joinFile = new SimpleObjectProperty<>();
    /** Busy while the work runs; its one line is the last error (empty when there is none). */
    private final Status status;
    private Runnable restoreOpener;

    public FirstRunViewModel(Creator creator, TaskExecutor executor, Messages messages,
                             Consumer<Created> onCreated) {
        this.creator = creator;
        this.executor = executor;
        this.messages = messages;
        this.status = new Status(messages);
        this.onCreated = onCreated;
    }

    /** Offers the demo vault: {@code opener} runs in the background, {@code onOpened} on the UI thread. */
    public void offerDemo(DemoOpener opener, Consumer<DemoOpened> onOpened) {
        this.demoOpener = opener;
        this.onDemo = onOpened;
    }

    /** Offers restoring a backup from this screen: {@code open} shows the restore screen. */
    public void offerRestore(Runnable open) {
        this.restoreOpener = open;
    }

    public boolean restoreOffered() {
        return restoreOpener != null;
    }

    /** Goes to the restore screen (not while work runs here). */
    public void openRestore() {
        if (restoreOpener != null && !status.busyProperty().get()) {
            restoreOpener.run();
        }
    }

    public boolean demoOffered() {
        return demoOpener != null;
    }

    /**
     * Opens the demo vault with the admin name and password typed in the form (the organisation is not needed).
     * Owns and wipes both arrays.
     */
    public boolean openDemo(char[] password, char[] confirm) {
        if (status.busyProperty().get() || demoOpener == null) {
            PasswordCheck.wipe(password, confirm);
            return false;
        }
        String name = adminName.get() == null ? "" : adminName.get().strip();
        String problem = !AppUser.isValidName(name) || AppUser.RESERVED_RECOVERY.equalsIgnoreCase(name)
                ? messages.get("user.error.name") : PasswordCheck.problem(password, confirm, messages, name).orElse(null);
        PasswordCheck.wipe(confirm);
        if (problem != null) {
            PasswordCheck.wipe(password);
            status.fail(problem);
            return false;
        }
        status.ok("");
        status.run(executor, () -> {
            try {
                return demoOpener.open(name, password);
            } finally {
                PasswordCheck.wipe(password);
            }
        }, opened -> onDemo.accept(opened));
        return true;
    }

    public StringProperty organisationProperty() {
        return organisation;
    }

    public StringProperty adminNameProperty() {
        return adminName;
    }

    /** Whether the new vault joins a team with a join file once it is created. */
    public BooleanProperty joinTeamProperty() {
        return joinTeam;
    }

    /** The join file chosen, or null. */
    public ObjectProperty<Path> joinFileProperty() {
        return joinFile;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return status.busyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return status.messageProperty();
    }

    /**
     * Creates the vault when every field is acceptable. Owns and wipes both arrays.
     *
     * @return whether creation was started
     */
    public boolean create(char[] password, char[] confirm) {
        return create(password, confirm, new char[0]);
    }

    /**
     * Creates the vault when every field is acceptable and, when {@link #joinTeamProperty()} is set, joins it to the
     * team of the chosen join file with {@code code}. Owns and wipes the three arrays.
     *
     * @return whether creation was started
     */
    public boolean create(char[] password, char[] confirm, char[] code) {
        if (status.busyProperty().get()) {
            PasswordCheck.wipe(password, confirm, code);
            return false;
        }
        String org = organisation.get() == null ? "" : organisation.get().strip();
        String name = adminName.get() == null ? "" : adminName.get().strip();
        boolean joining = joinTeam.get();
        Path file = joinFile.get();
        String problem = null;
        if (org.isEmpty()) {
            problem = messages.get("firstRun.error.org");
        } else if (!AppUser.isValidName(name) || AppUser.RESERVED_RECOVERY.equalsIgnoreCase(name)) {
            problem = messages.get("user.error.name");
        } else {
            problem = PasswordCheck.problem(password, confirm, messages, name, org).orElse(null);
        }
        if (problem == null && joining && file == null) {
            problem = messages.get("team.error.joinFile");
        } else if (problem == null && joining && new String(code).isBlank()) {
            problem = messages.get("team.error.code");
        }
        PasswordCheck.wipe(confirm);
        if (problem != null) {
            PasswordCheck.wipe(password, code);
            status.fail(problem);
            return false;
        }
        status.ok("");
        status.run(executor, () -> {
            TeamService.JoinTicket ticket = null;
            try {
                // the join file first: a wrong code or a damaged file must leave no vault behind
                ticket = joining ? TeamService.openJoinFile(file, code) : null;
                VaultService.Created created = creator.create(org, name, password);
                if (ticket == null) {
                    return new Created(created, "", false);
                }
                try {
                    Team team = new TeamService(created.workspace()).join(ticket);
                    return new Created(created, messages.get("firstRun.joined", team.name(), ticket.deviceName()),
                            false);
                } catch (RuntimeException e) {
                    return new Created(created, messages.get("firstRun.joinFailed", Failures.describe(e, messages)),
                            true);
                }
            } finally {
                PasswordCheck.wipe(password);
                Arrays.fill(code, '\0');
                if (ticket != null) {
                    ticket.close();
                }
            }
        }, onCreated);
        return true;
    }
}
