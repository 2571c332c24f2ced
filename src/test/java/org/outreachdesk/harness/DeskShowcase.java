package org.outreachdesk.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.outreachdesk.app.DeskFixtures;
import org.outreachdesk.app.EncounterService;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.ContactStatus;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.ui.common.Fonts;
import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.common.Styles;
import org.outreachdesk.ui.common.UiContext;
import org.outreachdesk.ui.encounter.EncounterDeskView;
import org.outreachdesk.ui.common.Section;
import org.outreachdesk.ui.shell.SectionViews;
import org.outreachdesk.ui.shell.ShellView;
import org.outreachdesk.ui.common.ShellViewModel;
import org.outreachdesk.ui.task.FxTaskExecutor;

/**
 * A throwaway harness to look at the desk's screens under Xvfb at 1366x768: opens a demo vault in a temp folder
 * and shows one scenario. Not a test. Usage: {@code DeskShowcase desk|desk-errors|builder|safeguarding|contacts [km]}.
 */
public final class DeskShowcase {

    private DeskShowcase() {
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The application shown. */
    public static final class App extends Application {

        private Workspace ws;
        private FxTaskExecutor executor;

        @Override
        public void start(Stage stage) throws Exception {
            List<String> args = getParameters().getRaw();
            String scenario = args.isEmpty() ? "desk" : args.get(0);
            Locale.setDefault(args.contains("km") ? Locale.forLanguageTag("km") : Locale.ENGLISH);
            Path dir = TempFolders.create("desk-showcase");
            ws = TestWorkspaces.admin(dir.resolve("vault"));
            seed(ws, scenario.equals("contacts") ? 3000 : 40);
            executor = new FxTaskExecutor();
            Messages messages = new Messages(Locale.getDefault());
            ShellViewModel shell = new ShellViewModel();
            shell.vaultNameProperty().set("Demo");
            shell.userNameProperty().set("admin");
            shell.roleNameProperty().set("admin");
            UiContext ctx = new UiContext(ws, executor, messages, shell);
            ShellView view = new ShellView(shell, messages, s -> SectionViews.create(s, ctx));
            Fonts.apply(view, messages.locale());
            Scene scene = new Scene(view, 1366, 768);
            scene.getStylesheets().add(Styles.url());
            stage.setScene(scene);
            stage.setX(0);
            stage.setY(0);
            stage.setTitle("Outreach Desk");
            stage.show();
            later(1500, () -> play(scenario, view, shell, scene));
            // tells the screenshot script that the scenario has played
            later(scenario.equals("desk") ? 14000 : 7000, () -> {
                try {
                    Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "desk-showcase.ready"), scenario);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }

        @SuppressWarnings("unchecked")
        private void play(String scenario, ShellView view, ShellViewModel shell, Scene scene) {
            if (scene.lookup("#desk-site") != null) {
                ComboBox<Site> site = (ComboBox<Site>) scene.lookup("#desk-site");
                site.getSelectionModel().select(1);
                ComboBox<Staff> worker = (ComboBox<Staff>) scene.lookup("#desk-worker");
                worker.getSelectionModel().select(0);
            }
            switch (scenario) {
                case "contacts" -> {
                    shell.show(Section.CONTACTS);
                    later(2500, () -> {
                        var table = (javafx.scene.control.TableView<?>) scene.lookup("#contacts-table");
                        table.getSelectionModel().select(3);
                    });
                }
                case "desk-errors" -> {
                    text(scene, "#desk-uic", "soch 215 0398");
                    key(scene.lookup("#desk-uic"), KeyCode.ENTER, false);
                    later(600, () -> {
                        text(scene, "#desk-male", "1200");
                        text(scene, "#desk-lube", "6");
                        ((javafx.scene.control.CheckBox) scene.lookup("#desk-ref-HTS")).setSelected(true);
                        ((javafx.scene.control.CheckBox) scene.lookup("#desk-ref-LEGAL")).setSelected(true);
                        key(scene.lookup("#desk-note"), KeyCode.ENTER, false);
                    });
                }
                case "desk" -> {
                    long t = 300;
                    for (String u : List.of("SOCH2150398", "DAVI2010190", "KAMA2120595")) {
                        t += 2500;
                        later(t, () -> {
                            text(scene, "#desk-uic", u);
                            text(scene, "#desk-male", "12");
                            text(scene, "#desk-lube", "5");
                            ((javafx.scene.control.CheckBox) scene.lookup("#desk-ref-STI")).setSelected(true);
                            key(scene.lookup("#desk-note"), KeyCode.ENTER, false);
                        });
                    }
                    later(t + 2500, () -> {
                        text(scene, "#desk-uic", "davi 201 0190");
                        key(scene.lookup("#desk-uic"), KeyCode.ENTER, false);
                        ((javafx.scene.control.CheckBox) scene.lookup("#desk-ref-HTS")).setSelected(true);
                    });
                }
                case "builder" -> {
                    text(scene, "#desk-uic", "SOCA2150398");
                    key(scene.lookup("#desk-uic"), KeyCode.ENTER, false);
                    later(800, () -> {
                        key(scene.lookup("#desk-uic"), KeyCode.N, true);
                        later(800, () -> {
                            Scene b = other(scene);
                            select(b, "#builder-kp", KpType.FEW);
                            ((Button) b.lookup("#builder-create")).fire();
                        });
                    });
                }
                case "builder-empty" -> {
                    later(300, () -> key(scene.lookup("#desk-uic"), KeyCode.N, true));
                    later(1200, () -> {
                        Scene b = other(scene);
                        text(b, "#builder-mother", "SO");
                        text(b, "#builder-father", "CH");
                    });
                }
                case "safeguarding" -> {
                    text(scene, "#desk-uic", "NAVI2050310");
                    key(scene.lookup("#desk-uic"), KeyCode.ENTER, false);
                }
                default -> {
                }
            }
        }

        private static Scene other(Scene main) {
            for (Window w : Window.getWindows()) {
                if (w.getScene() != main) {
                    return w.getScene();
                }
            }
            throw new IllegalStateException("no second window");
        }

        @SuppressWarnings("unchecked")
        private static <T> void select(Scene s, String id, T value) {
            ((ComboBox<T>) s.lookup(id)).setValue(value);
        }

        private static void text(Scene s, String id, String text) {
            TextField t = (TextField) s.lookup(id);
            t.requestFocus();
            t.setText(text);
        }

        private static void key(Node target, KeyCode code, boolean shortcut) {
            target.requestFocus();
            target.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, shortcut, false, false));
        }

        private static void later(long ms, Runnable r) {
            javafx.animation.PauseTransition p = new javafx.animation.PauseTransition(javafx.util.Duration.millis(ms));
            p.setOnFinished(e -> r.run());
            p.play();
        }

        @Override
        public void stop() {
            executor.close();
            ws.close();
        }
    }

    static void seed(Workspace ws, int contacts) {
        DeskFixtures fx = new DeskFixtures(ws);
        Site ktv = fx.site("KTV-03", "Golden Star KTV");
        Site bg = fx.site("BG-01", "Riverside beer garden");
        fx.site("MS-02", "Lotus massage");
        Staff ow1 = fx.staff("OW01", "Team A");
        fx.staff("OW02", "Team A");
        fx.staff("PE07", "Team B");
        fx.org("KHANA", ServiceType.HTS, ServiceType.STI, ServiceType.ART, ServiceType.PREP);
        fx.org("Pursat Provincial Health Department", ServiceType.HTS, ServiceType.STI, ServiceType.ART, ServiceType.FP);
        fx.org("LICADHO", ServiceType.LEGAL, ServiceType.VIOLENCE);
        fx.org("ADHOC", ServiceType.LEGAL);
        fx.org("Chab Dai Coalition", ServiceType.TRAFFICKING, ServiceType.CHILD_PROTECTION);
        fx.org("AFESIP Cambodia", ServiceType.TRAFFICKING, ServiceType.CHILD_PROTECTION, ServiceType.LIVELIHOOD);
        fx.org("IOM Cambodia", ServiceType.TRAFFICKING);
        fx.org("NCCT hotline 1288", ServiceType.TRAFFICKING);
        Contact sokha = fx.contact("SOCH2150398", KpType.FEW, 1998, ktv, ow1);
        fx.contact("DAVI2010190", KpType.FSW, 1990, bg, ow1);
        fx.contact("KAMA2120595", KpType.FEW, 1995, ktv, ow1);
        fx.contact("NAVI2050310", KpType.FSW, 2010, ktv, ow1);
        List<Contact> many = new ArrayList<>();
        for (int i = 0; i < contacts; i++) {
            many.add(fx.newContact(DeskFixtures.uic(i * 37 + 11, String.format(Locale.ROOT, "%02d%02d%02d", 1 + i % 28,
                    1 + i % 12, 80 + i % 20)), KpType.values()[i % 6], 1980 + i % 20, (i % 2 == 0 ? ktv : bg).meta().id(),
                    ow1.meta().id(), LocalDate.of(2025, 1, 1).plusDays(i % 600),
                    i % 9 == 0 ? ContactStatus.LOST_TO_FOLLOW_UP : ContactStatus.ACTIVE));
        }
        fx.contacts(many);
        EncounterService enc = new EncounterService(ws);
        enc.save(EncounterService.Draft.of(sokha.id(), LocalDate.of(2026, 10, 1), ow1.meta().id(), ktv.meta().id())
                .withQuantities(10, 2, 5, 1).withReferrals(List.of(EncounterService.ReferralRequest.of(ServiceType.HTS))));
        for (int i = 0; i < Math.min(contacts, 30); i++) {
            enc.save(EncounterService.Draft.of(many.get(i).id(), LocalDate.of(2026, 9, 1 + i % 28), ow1.meta().id(),
                    ktv.meta().id()).withQuantities(10, 0, 5, 0));
        }
    }

    /** Keeps the compiler honest about the view class the harness relies on. */
    static Class<?> view() {
        return EncounterDeskView.class;
    }
}
