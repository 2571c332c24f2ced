package org.outreachdesk.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import org.outreachdesk.app.ContactCorrectionService;
import org.outreachdesk.app.EncounterCorrectionService;
import org.outreachdesk.app.EncounterService;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.VoidReason;
import org.outreachdesk.ui.common.Fonts;
import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.common.Section;
import org.outreachdesk.ui.common.ShellViewModel;
import org.outreachdesk.ui.common.Styles;
import org.outreachdesk.ui.common.UiContext;
import org.outreachdesk.ui.conflicts.ConflictTeam;
import org.outreachdesk.ui.shell.SectionViews;
import org.outreachdesk.ui.shell.ShellView;
import org.outreachdesk.ui.task.FxTaskExecutor;

/**
 * Not a test: a hub and two members (real vaults, real bundles) with three conflicts — a contact's key population
 * (hub against laptop 1), its note (hub against laptop 2, a laptop laptop 1 cannot name) and an encounter corrected on
 * laptop 1 but voided on the hub — then PNGs at 1366x740 of the hub's Conflicts and Sync sections and laptop 1's
 * Conflicts section. Run under Xvfb like {@link CorrectionScreensHarness}:
 * {@code java -cp … org.outreachdesk.harness.ConflictScreensHarness$Main /tmp/shots [km]}.
 */
public final class ConflictScreensHarness extends Application {

    private FxTaskExecutor executor;

    /** Starts from the class path (a main class that is not an Application). */
    public static final class Main {
        private Main() {
        }

        public static void main(String[] args) {
            Application.launch(ConflictScreensHarness.class, args);
        }
    }

    @Override
    public void start(Stage stage) throws IOException {
        List<String> args = getParameters().getRaw();
        Path out = Path.of(args.get(0));
        Files.createDirectories(out);
        Locale locale = args.size() > 1 ? Locale.forLanguageTag(args.get(1)) : Locale.ENGLISH;
        String suffix = "-" + locale.getLanguage();
        ConflictTeam t = new ConflictTeam(TempFolders.create("conflict-shots"));
        Workspace hub = t.team.hub;
        Workspace laptop1 = t.team.member;
        Workspace laptop2 = t.team.addMember("laptop 2");
        Contact c = t.stored(hub);
        UUID encounter = new EncounterService(hub).save(EncounterService.Draft.of(c.id(), ConflictTeam.MET,
                c.assignedStaffId(), c.homeSiteId())).encounter().id();
        t.team.fromHub("laptop 1", laptop1);
        t.team.fromHub("laptop 2", laptop2);
        note(hub, t, "asked about the clinic hours");
        note(laptop2, t, "prefers the afternoon round");
        EncounterCorrectionService onHub = new EncounterCorrectionService(hub);
        onHub.voidEncounter(encounter, onHub.open(encounter).encounter().meta().version(), VoidReason.ENTERED_TWICE);
        EncounterCorrectionService on1 = new EncounterCorrectionService(laptop1);
        var opened = on1.open(encounter);
        on1.correct(encounter, opened.encounter().meta().version(), opened.draft().withNote("two condoms, not one"));
        t.team.toHub(laptop1);
        t.team.toHub(laptop2);
        t.team.fromHub("laptop 1", laptop1);
        t.team.fromHub("laptop 2", laptop2);

        executor = new FxTaskExecutor();
        Messages messages = new Messages(locale);
        ShellViewModel shell = new ShellViewModel();
        shell.vaultNameProperty().set("hub");
        shell.userNameProperty().set(hub.user().name());
        shell.roleNameProperty().set(hub.role().code());
        UiContext ctx = new UiContext(hub, executor, messages, shell);
        shell.show(Section.CONFLICTS);
        Scene scene = scene(new ShellView(shell, messages, s -> SectionViews.create(s, ctx)), locale);
        stage.setScene(scene);
        stage.show();

        ShellViewModel shell1 = new ShellViewModel();
        shell1.vaultNameProperty().set("laptop 1");
        UiContext ctx1 = new UiContext(laptop1, executor, messages, shell1);
        shell1.show(Section.CONFLICTS);

        List<Runnable> steps = new ArrayList<>();
        steps.add(() -> OpsScreensHarness.shot(scene, out.resolve("conflicts-hub" + suffix + ".png")));
        steps.add(() -> shell.show(Section.SYNC));
        steps.add(() -> OpsScreensHarness.shot(scene, out.resolve("sync-hub" + suffix + ".png")));
        steps.add(() -> stage.setScene(scene(new ShellView(shell1, messages, s -> SectionViews.create(s, ctx1)),
                locale)));
        steps.add(() -> OpsScreensHarness.shot(stage.getScene(), out.resolve("conflicts-laptop1" + suffix + ".png")));
        steps.add(() -> shell1.show(Section.SYNC));
        steps.add(() -> OpsScreensHarness.shot(stage.getScene(), out.resolve("sync-laptop1" + suffix + ".png")));
        steps.add(() -> {
            t.close();
            Platform.exit();
        });
        OpsScreensHarness.run(steps, 0);
    }

    private static Scene scene(ShellView view, Locale locale) {
        Fonts.apply(view, locale);
        Scene scene = new Scene(view, 1366, 740);
        scene.getStylesheets().add(Styles.url());
        return scene;
    }

    private static void note(Workspace ws, ConflictTeam t, String note) {
        Contact c = t.stored(ws);
        ContactCorrectionService.Profile p = ContactCorrectionService.Profile.of(c);
        new ContactCorrectionService(ws).correctProfile(c.id(), c.meta().version(), new ContactCorrectionService.Profile(
                p.gender(), p.kpType(), p.birthYear(), p.homeSiteId(), p.staffId(), p.status(), p.statusDate(), note));
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.close();
        }
    }
}
