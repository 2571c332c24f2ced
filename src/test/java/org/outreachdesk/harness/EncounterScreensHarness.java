package org.outreachdesk.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.outreachdesk.app.ContactService;
import org.outreachdesk.app.EncounterCorrectionService;
import org.outreachdesk.app.EncounterService;
import org.outreachdesk.app.IncidentService;
import org.outreachdesk.app.ReferralFollowUpService;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.ContactListing;
import org.outreachdesk.domain.Encounter;
import org.outreachdesk.domain.HivStatus;
import org.outreachdesk.domain.EncounterType;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.domain.VoidReason;
import org.outreachdesk.ui.common.Fonts;
import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.common.Section;
import org.outreachdesk.ui.common.ShellViewModel;
import org.outreachdesk.ui.common.Styles;
import org.outreachdesk.ui.common.UiContext;
import org.outreachdesk.ui.encounters.EncounterCorrectionWindow;
import org.outreachdesk.ui.ops.OpsDemoData;
import org.outreachdesk.ui.shell.SectionViews;
import org.outreachdesk.ui.shell.ShellView;
import org.outreachdesk.ui.task.FxTaskExecutor;

/**
 * Not a test: shows the Encounters list, the correction window, its history and the void dialog at 1366x768 (issue
 * 14) and writes the whole X screen with ImageMagick's {@code import}. Run under Xvfb; arguments: output folder,
 * then optionally "km". Synthetic codes only.
 */
public final class EncounterScreensHarness extends Application {

    private Stage main;

    /** Starts the harness from the class path (a main class that is not an Application). */
    public static final class Launcher {
        private Launcher() {
        }

        public static void main(String[] args) {
            Application.launch(EncounterScreensHarness.class, args);
        }
    }

    @Override
    public void start(Stage stage) throws Exception {
        main = stage;
        List<String> args = getParameters().getRaw();
        Path out = Path.of(args.isEmpty() ? "/tmp/enc-shots" : args.get(0));
        Files.createDirectories(out);
        Locale locale = args.size() > 1 && args.get(1).equals("km") ? Locale.forLanguageTag("km") : Locale.ENGLISH;
        Workspace ws = OpsDemoData.vault(TempFolders.create("enc-harness"), "admin");
        Encounter corrected = seed(ws);
        Messages messages = new Messages(locale);
        ShellViewModel shell = new ShellViewModel();
        shell.vaultNameProperty().set(ws.organisation());
        shell.userNameProperty().set(ws.user().name());
        shell.roleNameProperty().set(ws.role().code());
        UiContext ctx = new UiContext(ws, new FxTaskExecutor(), messages, shell);
        ShellView view = new ShellView(shell, messages, s -> SectionViews.create(s, ctx));
        Fonts.apply(view, locale);
        Scene scene = new Scene(view, 1366, 768);
        scene.getStylesheets().add(Styles.url());
        stage.setScene(scene);
        stage.setX(0);
        stage.setY(0);
        stage.show();

        String sfx = locale.getLanguage().equals("km") ? "-km" : "";
        List<Runnable> steps = new ArrayList<>();
        steps.add(() -> shell.show(Section.ENCOUNTER_LIST));
        steps.add(() -> ((TableView<?>) scene.lookup("#encounters-table")).getSelectionModel().select(1));
        steps.add(() -> shot(out.resolve("encounters" + sfx + ".png")));
        steps.add(() -> EncounterCorrectionWindow.open(stage, ctx, corrected.id(), () -> { }));
        steps.add(() -> shot(out.resolve("encounter-correct" + sfx + ".png")));
        steps.add(() -> fireIn("#fix-history"));
        steps.add(() -> shot(out.resolve("encounter-history" + sfx + ".png")));
        steps.add(this::closeOthers);
        steps.add(() -> Platform.runLater(() -> ((Button) scene.lookup("#encounters-void")).fire()));
        steps.add(() -> shot(out.resolve("encounter-void" + sfx + ".png")));
        steps.add(this::closeOthers);
        steps.add(() -> shell.show(Section.CONTACTS));
        steps.add(() -> selectContact(scene, "BOTH2111199"));
        steps.add(() -> shot(out.resolve("timeline" + sfx + ".png")));
        steps.add(() -> shell.show(Section.ENCOUNTERS));
        steps.add(() -> shot(out.resolve("desk" + sfx + ".png")));
        steps.add(() -> {
            ws.close();
            Platform.exit();
        });
        OpsScreensHarness.run(steps, 0);
    }

    /** Encounters of the demo's contacts: one voided (entered twice), one corrected (100 → 10 condoms). */
    private static Encounter seed(Workspace ws) {
        EncounterService save = new EncounterService(ws);
        EncounterService.FormChoices c = save.formChoices();
        Site site = c.sites().get(0);
        Staff worker = c.staff().get(0);
        ContactService contacts = new ContactService(ws);
        String[] uics = {"SOCH2150398", "MALY2010190", "BOTH2111199", "KEMA2250802", "LISO2070597"};
        List<Encounter> saved = new ArrayList<>();
        for (int i = 0; i < uics.length; i++) {
            ContactListing l = contacts.lookup(uics[i]).orElseThrow();
            saved.add(save.save(EncounterService.Draft.of(l.contact().id(), ws.today().minusDays(i),
                    worker.meta().id(), site.meta().id()).withQuantities(i == 1 ? 100 : 12, 0, 5, i == 3 ? 1 : 0)
                    .withServices(EncounterType.INDIVIDUAL, true, i % 2 == 0, i == 2 ? HivStatus.TESTED : null, false)
                    .withNote(i == 1 ? "asked about PrEP" : null)).encounter());
        }
        EncounterCorrectionService fix = new EncounterCorrectionService(ws);
        Encounter twice = saved.get(2);
        fix.voidEncounter(twice.id(), twice.meta().version(), VoidReason.ENTERED_TWICE);
        Encounter wrong = saved.get(1);
        fix.correct(wrong.id(), wrong.meta().version(), fix.open(wrong.id()).draft().withQuantities(10, 0, 5, 0));
        // the same person's referral and incident voided too: the timeline marks all three
        ContactListing both = contacts.lookup("BOTH2111199").orElseThrow();
        for (ContactService.TimelineEntry e : contacts.timeline(both.contact().id())) {
            if (e.referral() != null) {
                new ReferralFollowUpService(ws).voidReferral(e.referral(), VoidReason.WRONG_PERSON);
            } else if (e.incident() != null) {
                new IncidentService(ws).voidIncident(e.incident(), VoidReason.WRONG_DETAILS);
            }
        }
        return wrong;
    }

    @SuppressWarnings("unchecked")
    private static void selectContact(Scene scene, String uic) {
        TableView<ContactListing> t = (TableView<ContactListing>) scene.lookup("#contacts-table");
        t.getItems().stream().filter(c -> c != null && c.contact().uic().value().equals(uic)).findFirst()
                .ifPresent(c -> t.getSelectionModel().select(c));
    }

    private static void fireIn(String id) {
        for (Window w : Window.getWindows()) {
            if (w.getScene() != null && w.getScene().lookup(id) instanceof Button b) {
                Platform.runLater(b::fire);
            }
        }
    }

    private void closeOthers() {
        for (Window w : new ArrayList<>(Window.getWindows())) {
            if (w != main) {
                w.hide();
            }
        }
    }

    private static void shot(Path file) {
        try {
            new ProcessBuilder("import", "-window", "root", file.toString()).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("import (ImageMagick) failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
