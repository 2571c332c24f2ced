package org.outreachdesk.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.outreachdesk.app.ChangeFeeds;
import org.outreachdesk.app.SyncService;
import org.outreachdesk.app.TeamService;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.app.VaultService;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.ui.common.Fonts;
import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.common.ShellViewModel;
import org.outreachdesk.ui.common.Styles;
import org.outreachdesk.ui.common.UiContext;
import org.outreachdesk.ui.report.DashboardView;
import org.outreachdesk.ui.report.DashboardViewModel;
import org.outreachdesk.ui.settings.SettingsView;
import org.outreachdesk.ui.settings.SettingsViewModel;
import org.outreachdesk.ui.task.FxTaskExecutor;
import org.outreachdesk.ui.vault.FirstRunView;
import org.outreachdesk.ui.vault.FirstRunViewModel;
import org.outreachdesk.vault.TestVaults;

/**
 * Not a test: the team screens (Settings → Team in no team, on the hub, on a member; the one-time code's window; the
 * first-run screen with "Join a team"; the dashboard's reminder) at 1366×768, each captured with ImageMagick's
 * {@code import}. Run under {@code xvfb-run -a -s "-screen 0 1366x768x24"}; arguments: language (en|km), out dir.
 */
public final class TeamScreensHarness extends Application {

    /** The entry point (a class that is not an Application, so JavaFX may sit on the class path). */
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(TeamScreensHarness.class, args);
        }
    }

    private final List<Workspace> open = new ArrayList<>();

    @Override
    public void start(Stage stage) throws IOException {
        List<String> a = getParameters().getRaw();
        Locale locale = Locale.forLanguageTag(a.get(0));
        String out = a.get(1);
        Path dir = Files.createTempDirectory("team-screens");
        Workspace none = TestWorkspaces.admin(dir.resolve("none"));
        Workspace hub = TestWorkspaces.admin(dir.resolve("hub"));
        Workspace member = TestWorkspaces.admin(dir.resolve("member"));
        new TeamService(hub).create("Pursat outreach");
        TeamService.Invitation one = new TeamService(hub).invite("Sophea's laptop", dir.resolve("1.odjoin"));
        new TeamService(hub).invite("Dara field laptop (Battambang)", dir.resolve("2.odjoin"));
        new TeamService(hub).invite("Old laptop", dir.resolve("3.odjoin"));
        new TeamService(hub).revoke("Old laptop");
        new TeamService(member).join(dir.resolve("1.odjoin"), one.code());
        new SyncService(member, ChangeFeeds.of(member)).export(dir.resolve("up.odsync"), null);
        new SyncService(hub, ChangeFeeds.of(hub)).importBundle(dir.resolve("up.odsync"));
        new SyncService(hub, ChangeFeeds.of(hub)).export(dir.resolve("down.odsync"), "Sophea's laptop");
        member.close();
        Clock later = Clock.fixed(TestVaults.CLOCK.instant().plus(Duration.ofDays(17)), TestVaults.CLOCK.getZone());
        Workspace memberLater = new VaultService(later, TestVaults.FAST_KDF).unlock(dir.resolve("member"), "admin",
                TestWorkspaces.PASSWORD.toCharArray());
        open.addAll(List.of(none, hub, memberLater));

        FxTaskExecutor executor = new FxTaskExecutor();
        Messages messages = new Messages(locale);
        Scene scene = new Scene(new StackPane(), 1366, 768);
        scene.getStylesheets().add(Styles.url());
        stage.setScene(scene);
        stage.setX(0);
        stage.setY(0);
        stage.show();

        List<Shot> shots = new ArrayList<>();
        shots.add(new Shot("settings-no-team", () -> settings(none, executor, messages), true, null));
        shots.add(new Shot("settings-hub", () -> settings(hub, executor, messages), true, null));
        shots.add(new Shot("settings-hub-code", () -> settings(hub, executor, messages), true, root -> {
            ((TextField) root.lookup("#team-invite-name")).setText("Sreyleak laptop");
            SettingsView v = (SettingsView) root;
            v.teamCard().setFileChooser((w, save, name) -> dir.resolve(name).toFile());
            ((Button) root.lookup("#team-invite")).fire();
        }));
        shots.add(new Shot("settings-member", () -> settings(memberLater, executor, messages), true, null));
        shots.add(new Shot("first-run-join", () -> firstRun(executor, messages, dir), true, root -> {
            ((CheckBox) root.lookup("#first-run-join")).setSelected(true);
            ((Button) root.lookup("#first-run-join-choose")).fire();
        }));
        shots.add(new Shot("dashboard-reminder", () -> {
            DashboardViewModel m = new DashboardViewModel(ctx(memberLater, executor, messages));
            return new DashboardView(m, messages);
        }, false, null));

        if (a.size() > 2) {
            shots.removeIf(s -> !s.name().matches(a.get(2)));
        }
        Thread t = new Thread(() -> {
            try {
                for (Shot s : shots) {
                    CountDownLatch shown = new CountDownLatch(1);
                    Platform.runLater(() -> {
                        Parent root = s.view().get();
                        Fonts.apply(root, locale);
                        scene.setRoot(root);
                        shown.countDown();
                    });
                    shown.await(90, TimeUnit.SECONDS);
                    Thread.sleep(6000); // a harness, not a test: lets the background reads land
                    if (s.then() != null || s.scrollDown()) {
                        CountDownLatch done = new CountDownLatch(1);
                        Platform.runLater(() -> {
                            if (s.then() != null) {
                                s.then().accept(scene.getRoot());
                            }
                            if (s.scrollDown()) {
                                scene.getRoot().applyCss();
                                scene.getRoot().layout();
                                Node sp = scene.getRoot().lookup(".scroll-pane");
                                if (sp instanceof ScrollPane pane) {
                                    pane.setVvalue(1.0);
                                }
                            }
                            done.countDown();
                        });
                        done.await(90, TimeUnit.SECONDS);
                        Thread.sleep(5000);
                    }
                    String file = out + "/" + a.get(0) + "-" + s.name() + ".png";
                    new ProcessBuilder("import", "-window", "root", file).inheritIO().start().waitFor(30,
                            TimeUnit.SECONDS);
                    CountDownLatch closed = new CountDownLatch(1);
                    Platform.runLater(() -> {
                        new ArrayList<>(Window.getWindows()).stream().filter(w -> w != stage).forEach(Window::hide);
                        closed.countDown();
                    });
                    closed.await(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException | IOException e) {
                Thread.currentThread().interrupt();
            } finally {
                Platform.runLater(() -> {
                    executor.close();
                    open.forEach(Workspace::close);
                    Platform.exit();
                });
            }
        });
        t.setDaemon(true);
        t.start();
    }

    private record Shot(String name, Supplier<Parent> view, boolean scrollDown,
                        Consumer<Node> then) {
    }

    private static UiContext ctx(Workspace ws, FxTaskExecutor executor, Messages messages) {
        return new UiContext(ws, executor, messages, new ShellViewModel());
    }

    private static Parent settings(Workspace ws, FxTaskExecutor executor, Messages messages) {
        UiContext c = ctx(ws, executor, messages);
        return new SettingsView(new SettingsViewModel(c), messages);
    }

    private static Parent firstRun(FxTaskExecutor executor, Messages messages, Path dir) {
        FirstRunViewModel vm = new FirstRunViewModel((org, admin, pw) -> {
            throw new IllegalStateException("not in the harness");
        }, executor, messages, c -> { });
        FirstRunView v = new FirstRunView(vm, messages, dir.resolve("vault"));
        v.setJoinFileChooser(w -> dir.resolve("1.odjoin").toFile());
        return v;
    }
}
