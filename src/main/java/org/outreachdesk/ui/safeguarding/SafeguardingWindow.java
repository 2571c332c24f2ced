package org.outreachdesk.ui.safeguarding;

import java.util.function.Consumer;

import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.outreachdesk.app.SafeguardingService;
import org.outreachdesk.ui.common.Fonts;
import org.outreachdesk.ui.common.Styles;
import org.outreachdesk.ui.common.UiContext;

/** The safeguarding screen in a window of its own, as the contact register opens it. */
public final class SafeguardingWindow {

    private SafeguardingWindow() {
    }

    /** Opens the screen for {@code request}; {@code onDone} gets what was saved (not called when cancelled). */
    public static Stage open(Window owner, UiContext ctx, SafeguardingRequest request,
                             Consumer<SafeguardingService.Recorded> onDone) {
        SafeguardingViewModel vm = new SafeguardingViewModel(ctx);
        SafeguardingPane pane = new SafeguardingPane(vm);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(vm.labels().get("safeguarding.title"));
        vm.setOnCancel(stage::close);
        vm.setOnDone(r -> {
            stage.close();
            onDone.accept(r);
        });
        Scene scene = new Scene(pane, 900, 640);
        scene.getStylesheets().add(Styles.url());
        // a window of its own: the main window's Khmer font does not reach it
        Fonts.apply(pane, ctx.messages().locale());
        pane.setStyle("-fx-background-color: -fx-background; -fx-padding: 12;");
        stage.setScene(scene);
        vm.start(request);
        stage.show();
        pane.focusFirst();
        return stage;
    }
}
