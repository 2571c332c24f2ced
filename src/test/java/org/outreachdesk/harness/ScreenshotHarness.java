package org.outreachdesk.harness;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Locale;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import org.outreachdesk.app.AppInfo;
import org.outreachdesk.app.Permission;
import org.outreachdesk.app.ReportFixture;
import org.outreachdesk.app.SyntheticData;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.RecordMeta;
import org.outreachdesk.domain.Role;
import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.common.Styles;
import org.outreachdesk.ui.common.UiContext;
import org.outreachdesk.ui.common.Section;
import org.outreachdesk.ui.shell.SectionViews;
import org.outreachdesk.ui.shell.ShellView;
import org.outreachdesk.ui.common.ShellViewModel;
import org.outreachdesk.ui.task.FxTaskExecutor;

/**
 * Throwaway: shows the main window on synthetic data at 1366x768 for screenshots under Xvfb. Arguments: the section
 * (DASHBOARD, REPORTS, IMPORT …) and optionally a language tag (km; the bundled Khmer font is applied).
 */
public final class ScreenshotHarness extends Application {

    private static Workspace ws;

    /** Starts from the class path (this class must not be the main class of a JavaFX launch). */
    public static final class Main {
        private Main() {
        }

        public static void main(String[] args) throws Exception {
            Path dir = TempFolders.create("shots");
            ws = TestWorkspaces.as(Role.MANAGER, dir.resolve("vault"));
            ReportFixture.insert(ws);
            RecordMeta.Author author = new RecordMeta.Author(ws.user().id(), ws.newMeta().originDevice());
            SyntheticData.generate(work -> ws.write(Permission.RECORDS, AuditAction.IMPORT, "synthetic", null, null,
                    work), 1500, 20_000, YearMonth.of(2026, 10), 14, 7, author, ws.clock().instant());
            Application.launch(ScreenshotHarness.class, args);
        }
    }

    @Override
    public void start(Stage stage) {
        var args = getParameters().getRaw();
        Section section = Section.valueOf(args.isEmpty() ? "DASHBOARD" : args.get(0));
        Locale locale = args.size() > 1 ? Locale.forLanguageTag(args.get(1)) : Locale.ENGLISH;
        Messages messages = new Messages(locale);
        ShellViewModel shell = new ShellViewModel();
        shell.vaultNameProperty().set("vault");
        shell.userNameProperty().set(ws.user().name());
        shell.roleNameProperty().set(ws.role().code());
        UiContext ctx = new UiContext(ws, new FxTaskExecutor(), messages, shell);
        shell.show(section);
        ShellView view = new ShellView(shell, messages, s -> SectionViews.create(s, ctx));
        org.outreachdesk.ui.common.Fonts.apply(view, locale);
        Scene scene = new Scene(view, 1366, 740);
        scene.getStylesheets().add(Styles.url());
        stage.setTitle(AppInfo.NAME);
        stage.setScene(scene);
        stage.setX(0);
        stage.setY(0);
        stage.show();
        if (section == Section.REPORTS) {
            Thread p = new Thread(() -> {
                try {
                    Thread.sleep(3000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                Platform.runLater(() -> ((javafx.scene.control.Button) scene.lookup("#report-preview")).fire());
            });
            p.setDaemon(true);
            p.start();
        }
        if (args.size() > 2) {
            Thread t = new Thread(() -> {
                try {
                    Thread.sleep(Long.parseLong(args.get(2)) * 1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                Platform.exit();
            });
            t.setDaemon(true);
            t.start();
        }
    }
}
