package org.outreachdesk.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.outreachdesk.app.ContactCorrectionService;
import org.outreachdesk.app.DeskFixtures;
import org.outreachdesk.app.EncounterService;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.ContactStatus;
import org.outreachdesk.domain.Gender;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.ui.common.Fonts;
import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.common.Section;
import org.outreachdesk.ui.common.ShellViewModel;
import org.outreachdesk.ui.common.Styles;
import org.outreachdesk.ui.common.UiContext;
import org.outreachdesk.ui.shell.SectionViews;
import org.outreachdesk.ui.shell.ShellView;
import org.outreachdesk.ui.task.FxTaskExecutor;

/**
 * Not a test: shows the contact-correction screens (issue 14) at 1366x768 on made-up codes and writes a PNG of each:
 * the contact page with its correction buttons, "Correct…", "Correct UIC…", "Merge with…", "History" and the
 * possible-duplicates list. Run under Xvfb (see docs/notes/ops.md for the class path):
 * {@code java -cp … org.outreachdesk.harness.CorrectionScreensHarness$Main /tmp/shots [km]}.
 */
public final class CorrectionScreensHarness extends Application {

    private FxTaskExecutor executor;

    /** Starts from the class path (a main class that is not an Application). */
    public static final class Main {
        private Main() {
        }

        public static void main(String[] args) {
            Application.launch(CorrectionScreensHarness.class, args);
        }
    }

    @Override
    public void start(Stage stage) throws IOException {
        List<String> args = getParameters().getRaw();
        Path out = Path.of(args.get(0));
        Files.createDirectories(out);
        Locale locale = args.size() > 1 ? Locale.forLanguageTag(args.get(1)) : Locale.ENGLISH;
        String suffix = "-" + locale.getLanguage();
        Path dir = TempFolders.create("correction-shots");
        Workspace ws = TestWorkspaces.admin(dir.resolve("vault"));
        DeskFixtures fx = new DeskFixtures(ws);
        Site ktv = fx.site("KTV-03", "Golden Star KTV");
        Staff ow1 = fx.staff("OW01", "Team A");
        LocalDate first = LocalDate.of(2026, 10, 1);
        Contact main = fx.contact("SOCH2150398", KpType.FEW, 1998, ktv, ow1, first, ContactStatus.ACTIVE);
        fx.contact("SOCI2150398", KpType.FEW, 1998, ktv, ow1, first, ContactStatus.ACTIVE);
        fx.contact("DAVI2010101", KpType.FEW, 2001, ktv, ow1, first, ContactStatus.ACTIVE);
        fx.contact("DAVI1010101", KpType.MSM, 2001, ktv, ow1, first, ContactStatus.ACTIVE);
        fx.contact("KNAH2020202", KpType.TG, 2002, ktv, ow1, first, ContactStatus.ACTIVE);
        fx.contact("KANH2020202", KpType.TG, 2002, ktv, ow1, first, ContactStatus.ACTIVE);
        new EncounterService(ws).save(EncounterService.Draft.of(main.id(), LocalDate.of(2026, 10, 2), ow1.meta().id(),
                ktv.meta().id()));
        ContactCorrectionService corrections = new ContactCorrectionService(ws);
        corrections.correctProfile(main.id(), 1, new ContactCorrectionService.Profile(Gender.TGW, KpType.FSW, 1998,
                ktv.meta().id(), null, ContactStatus.ACTIVE, null, "evening round"));
        corrections.correctUic(main.id(), 2, "SOCH2150398".replace("SOCH", "SOCA"));

        Messages messages = new Messages(locale);
        ShellViewModel shell = new ShellViewModel();
        shell.vaultNameProperty().set("vault");
        shell.userNameProperty().set(ws.user().name());
        shell.roleNameProperty().set(ws.role().code());
        executor = new FxTaskExecutor();
        UiContext ctx = new UiContext(ws, executor, messages, shell);
        shell.show(Section.CONTACTS);
        ShellView view = new ShellView(shell, messages, s -> SectionViews.create(s, ctx));
        Fonts.apply(view, locale);
        Scene scene = new Scene(view, 1366, 740);
        scene.getStylesheets().add(Styles.url());
        stage.setScene(scene);
        stage.show();

        List<Runnable> steps = new ArrayList<>();
        steps.add(() -> ((TableView<?>) scene.lookup("#contacts-table")).getSelectionModel().select(4));
        steps.add(() -> OpsScreensHarness.shot(scene, out.resolve("contact-page" + suffix + ".png")));
        for (String[] w : new String[][] {{"#contact-correct", "correct-profile"}, {"#contact-correct-uic", "correct-uic"},
            {"#contact-merge", "merge"}, {"#contact-history", "history"}}) {
            steps.add(() -> ((Button) scene.lookup(w[0])).fire());
            if (w[1].equals("merge")) {
                steps.add(() -> {
                    Scene s = newest().getScene();
                    ((TextField) s.lookup("#merge-uic")).setText("SOCI2150398");
                    ((Button) s.lookup("#merge-find")).fire();
                });
            }
            steps.add(() -> OpsScreensHarness.shot(newest().getScene(), out.resolve(w[1] + suffix + ".png")));
            steps.add(() -> ((Stage) newest()).close());
        }
        steps.add(() -> shell.show(Section.DUPLICATES));
        steps.add(() -> OpsScreensHarness.shot(scene, out.resolve("duplicates" + suffix + ".png")));
        steps.add(() -> {
            ws.close();
            Platform.exit();
        });
        OpsScreensHarness.run(steps, 0);
    }

    private static Window newest() {
        List<Window> all = Window.getWindows();
        return all.get(all.size() - 1);
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.close();
        }
    }
}
