package org.outreachdesk.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.outreachdesk.app.IncidentService;
import org.outreachdesk.app.StockService;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.Commodity;
import org.outreachdesk.domain.CommodityMovement;
import org.outreachdesk.domain.IncidentListing;
import org.outreachdesk.domain.VoidReason;
import org.outreachdesk.ui.common.Fonts;
import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.common.Section;
import org.outreachdesk.ui.common.ShellViewModel;
import org.outreachdesk.ui.common.Styles;
import org.outreachdesk.ui.common.UiContext;
import org.outreachdesk.ui.ops.OpsDemoData;
import org.outreachdesk.ui.shell.SectionViews;
import org.outreachdesk.ui.shell.ShellView;
import org.outreachdesk.ui.task.FxTaskExecutor;

/**
 * Not a test: shows the correction parts of the referral, incident and stock screens at 1366x768 (issue 14) and
 * writes the whole X screen (dialogs and history windows included) with ImageMagick's {@code import}. Run under
 * Xvfb like {@link OpsScreensHarness}; arguments: output folder, then optionally "km".
 */
public final class OpsCorrectionScreensHarness extends Application {

    private FxTaskExecutor executor;
    private Stage main;

    public static void main(String[] args) {
        launch(args);
    }

    @Override
    public void start(Stage stage) throws Exception {
        main = stage;
        List<String> args = getParameters().getRaw();
        Path out = Path.of(args.isEmpty() ? "/tmp/corr-shots" : args.get(0));
        Files.createDirectories(out);
        Locale locale = args.size() > 1 && args.get(1).equals("km") ? Locale.forLanguageTag("km") : Locale.ENGLISH;
        Workspace ws = OpsDemoData.vault(TempFolders.create("corr-harness"), "admin");
        seed(ws);
        executor = new FxTaskExecutor();
        Messages messages = new Messages(locale);
        ShellViewModel shell = new ShellViewModel();
        shell.vaultNameProperty().set(ws.organisation());
        shell.userNameProperty().set(ws.user().name());
        shell.roleNameProperty().set(ws.role().code());
        UiContext ctx = new UiContext(ws, executor, messages, shell);
        ShellView view = new ShellView(shell, messages, s -> SectionViews.create(s, ctx));
        Fonts.apply(view, locale);
        Scene scene = new Scene(view, 1366, 768);
        scene.getStylesheets().add(Styles.url());
        stage.setScene(scene);
        stage.setTitle("Outreach Desk");
        stage.setX(0);
        stage.setY(0);
        stage.show();

        String sfx = locale.getLanguage().equals("km") ? "-km" : "";
        List<Runnable> steps = new ArrayList<>();
        steps.add(() -> shell.show(Section.STOCK));
        steps.add(() -> shot(out.resolve("stock" + sfx + ".png")));
        steps.add(() -> selectRow(scene, "#ledger-table", 0));
        steps.add(() -> fire(scene, "#ledger-history"));
        steps.add(() -> shot(out.resolve("stock-history" + sfx + ".png")));
        steps.add(this::closeOthers);
        steps.add(() -> fire(scene, "#stock-count"));
        steps.add(() -> shot(out.resolve("stock-count" + sfx + ".png")));
        steps.add(this::closeOthers);
        steps.add(() -> selectRow(scene, "#ledger-table", 1));
        steps.add(() -> fire(scene, "#ledger-correct"));
        steps.add(() -> shot(out.resolve("stock-correct" + sfx + ".png")));
        steps.add(this::closeOthers);
        steps.add(() -> shell.show(Section.INCIDENTS));
        steps.add(() -> shot(out.resolve("incidents" + sfx + ".png")));
        steps.add(() -> selectRow(scene, "#incidents-table", 1));
        steps.add(() -> fire(scene, "#incidents-void"));
        steps.add(() -> shot(out.resolve("incidents-void" + sfx + ".png")));
        steps.add(this::closeOthers);
        steps.add(() -> fire(scene, "#incidents-correct"));
        steps.add(() -> shot(out.resolve("incidents-correct" + sfx + ".png")));
        steps.add(this::closeOthers);
        steps.add(() -> shell.show(Section.REFERRALS));
        steps.add(() -> selectRow(scene, "#referrals-table", 0));
        steps.add(() -> shot(out.resolve("referrals" + sfx + ".png")));
        steps.add(() -> fire(scene, "#referrals-correct"));
        steps.add(() -> shot(out.resolve("referrals-correct" + sfx + ".png")));
        steps.add(this::closeOthers);
        steps.add(() -> {
            ws.close();
            Platform.exit();
        });
        OpsScreensHarness.run(steps, 0);
    }

    /** A count with two differences, one adjustment voided, an issue corrected, an incident voided. */
    private static void seed(Workspace ws) {
        StockService stock = new StockService(ws);
        Map<Commodity, Integer> counted = new EnumMap<>(Commodity.class);
        counted.put(Commodity.MALE_CONDOM, 585);
        counted.put(Commodity.LUBRICANT, 12);
        List<CommodityMovement> adj = stock.count("Team A", ws.today(), counted, "monthly count");
        stock.voidMovement(adj.get(adj.size() - 1), VoidReason.WRONG_DETAILS);
        IncidentService incidents = new IncidentService(ws);
        IncidentListing first = incidents.list(0, 10).rows().get(0);
        incidents.voidIncident(first.incident(), VoidReason.ENTERED_TWICE);
    }

    private static void selectRow(Scene scene, String table, int row) {
        ((TableView<?>) scene.lookup(table)).getSelectionModel().select(row);
    }

    /** Fires a button later, so that a dialog's showAndWait is not called from an animation. */
    private static void fire(Scene scene, String id) {
        Platform.runLater(() -> ((Button) scene.lookup(id)).fire());
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
