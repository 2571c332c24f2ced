package org.outreachdesk.harness;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.util.Duration;

import org.outreachdesk.app.Workspace;
import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.common.Styles;
import org.outreachdesk.ui.common.UiContext;
import org.outreachdesk.ui.ops.OpsDemoData;
import org.outreachdesk.ui.common.Section;
import org.outreachdesk.ui.shell.SectionViews;
import org.outreachdesk.ui.shell.ShellView;
import org.outreachdesk.ui.common.ShellViewModel;
import org.outreachdesk.ui.task.FxTaskExecutor;

/**
 * Not a test: a developer's tool that opens a demo vault in a temp folder, shows the coordinators' screens
 * at 1366x768 one after the other and writes a PNG of each (run under Xvfb; see docs/notes/ops.md).
 * Arguments: output folder, then optionally "km" for the Khmer bundle and a role code.
 */
public final class OpsScreensHarness extends Application {

    private FxTaskExecutor executor;

    public static void main(String[] args) {
        launch(args);
    }

    @Override
    public void start(Stage stage) throws Exception {
        List<String> args = getParameters().getRaw();
        Path out = Path.of(args.isEmpty() ? "/tmp/ops-shots" : args.get(0));
        Files.createDirectories(out);
        Locale locale = args.size() > 1 && args.get(1).equals("km") ? Locale.forLanguageTag("km") : Locale.ENGLISH;
        String role = args.size() > 2 ? args.get(2) : "admin";
        Path dir = TempFolders.create("ops-harness");
        Workspace ws = OpsDemoData.vault(dir, role);
        executor = new FxTaskExecutor();
        Messages messages = new Messages(locale);
        ShellViewModel shell = new ShellViewModel();
        shell.vaultNameProperty().set(ws.organisation());
        shell.userNameProperty().set(ws.user().name());
        shell.roleNameProperty().set(ws.role().code());
        UiContext ctx = new UiContext(ws, executor, messages, shell);
        ShellView view = new ShellView(shell, messages, s -> SectionViews.create(s, ctx));
        org.outreachdesk.ui.common.Fonts.apply(view, locale);
        Scene scene = new Scene(view, 1366, 768);
        scene.getStylesheets().add(Styles.url());
        stage.setScene(scene);
        stage.setTitle("Outreach Desk");
        stage.show();

        String suffix = (locale.getLanguage().equals("km") ? "-km" : "") + (role.equals("admin") ? "" : "-" + role);
        List<Runnable> steps = new ArrayList<>();
        steps.add(() -> shell.show(Section.REFERRALS));
        steps.add(() -> shot(scene, out.resolve("referrals" + suffix + ".png")));
        steps.add(() -> shell.show(Section.INCIDENTS));
        steps.add(() -> shot(scene, out.resolve("incidents" + suffix + ".png")));
        // a failure of the service (no contact has this UIC) in the form's message line
        steps.add(() -> {
            ((javafx.scene.control.ComboBox<?>) scene.lookup("#incident-type")).getSelectionModel().select(0);
            ((javafx.scene.control.ComboBox<?>) scene.lookup("#incident-perpetrator")).getSelectionModel().select(0);
            ((javafx.scene.control.TextField) scene.lookup("#incident-uic")).setText("KEOM2150398"); // no contact has it
            ((javafx.scene.control.Button) scene.lookup("#incident-save")).fire();
        });
        steps.add(() -> {
            // the message line is under the save button, at the bottom of the form's scroll pane
            for (javafx.scene.Node n = scene.lookup("#incident-message"); n != null; n = n.getParent()) {
                if (n instanceof javafx.scene.control.ScrollPane sp) {
                    sp.setVvalue(sp.getVmax());
                }
            }
        });
        steps.add(() -> shot(scene, out.resolve("incidents-error" + suffix + ".png")));
        steps.add(() -> shell.show(Section.STOCK));
        steps.add(() -> shot(scene, out.resolve("stock" + suffix + ".png")));
        // issuing more than is on hand
        steps.add(() -> {
            javafx.scene.control.ComboBox<?> kind = (javafx.scene.control.ComboBox<?>) scene.lookup("#stock-kind");
            kind.getSelectionModel().select(kind.getItems().size() - 1);
            ((javafx.scene.control.TextField) scene.lookup("#stock-quantity")).setText("999999");
            ((javafx.scene.control.Button) scene.lookup("#stock-save")).fire();
        });
        steps.add(() -> shot(scene, out.resolve("stock-error" + suffix + ".png")));
        steps.add(() -> shell.show(Section.DIRECTORY));
        steps.add(() -> shot(scene, out.resolve("directory-services" + suffix + ".png")));
        steps.add(() -> tabs(scene).getSelectionModel().select(1));
        steps.add(() -> shot(scene, out.resolve("directory-sites" + suffix + ".png")));
        steps.add(() -> tabs(scene).getSelectionModel().select(2));
        steps.add(() -> shot(scene, out.resolve("directory-staff" + suffix + ".png")));
        steps.add(() -> {
            ws.close();
            Platform.exit();
        });
        run(steps, 0);
    }

    private static TabPane tabs(Scene scene) {
        return (TabPane) scene.lookup("#directory .tab-pane");
    }

    /** Runs the steps one after the other, 1.5 s apart (so that each screen is laid out before its shot). */
    static void run(List<Runnable> steps, int i) {
        if (i >= steps.size()) {
            return;
        }
        PauseTransition p = new PauseTransition(Duration.millis(1500));
        p.setOnFinished(e -> {
            steps.get(i).run();
            run(steps, i + 1);
        });
        p.play();
    }

    private static void shot(Scene scene, Path file) {
        WritableImage img = scene.snapshot(null);
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        BufferedImage b = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader r = img.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                b.setRGB(x, y, r.getArgb(x, y));
            }
        }
        try {
            ImageIO.write(b, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.close();
        }
    }
}
