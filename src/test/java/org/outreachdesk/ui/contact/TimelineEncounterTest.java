package org.outreachdesk.ui.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.ContactService.TimelineEntry;
import org.outreachdesk.app.DeskFixtures;
import org.outreachdesk.app.EncounterCorrectionService;
import org.outreachdesk.app.EncounterService;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.Encounter;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.domain.VoidReason;
import org.outreachdesk.ui.DeskUi;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** An encounter opened from a contact's timeline and voided there: the timeline marks it with its reason. */
@ExtendWith(ApplicationExtension.class)
class TimelineEncounterTest {

    @TempDir
    Path dir;

    DeskUi ui;
    Encounter met;

    @Start
    void start(Stage stage) {
        ui = new DeskUi(dir);
        DeskFixtures fx = new DeskFixtures(ui.ws);
        Site ktv = fx.site("KTV-03", "Golden Star KTV");
        Staff ow1 = fx.staff("OW01", "Team A");
        Contact sokha = fx.contact("SOCH2150398", KpType.FEW, 1998, ktv, ow1);
        met = new EncounterService(ui.ws).save(EncounterService.Draft.of(sokha.id(), ui.ws.today(), ow1.meta().id(),
                ktv.meta().id())).encounter();
        ui.show(stage, ContactsView::new);
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        ui.ws.close();
    }

    @Test
    void anEncounterOfTheTimelineIsVoidedThere(FxRobot robot) {
        robot.clickOn("SOCH2150398");
        @SuppressWarnings("unchecked")
        ListView<TimelineEntry> timeline = robot.lookup("#contact-timeline").queryAs(ListView.class);
        assertThat(timeline.getItems()).hasSize(1);
        assertThat(timeline.getItems().get(0).voided()).isFalse();

        robot.doubleClickOn(robot.from(timeline).lookup(".list-cell").nth(0).queryAs(Node.class));
        assertThat(robot.lookup("#encounter-fix").tryQuery()).isPresent();
        robot.clickOn("#fix-void");
        robot.clickOn("#void-reason-WRONG_PERSON");
        robot.clickOn("#void-confirm");

        assertThat(robot.lookup("#encounter-fix").tryQuery()).as("the window closes once voided").isEmpty();
        assertThat(new EncounterCorrectionService(ui.ws).open(met.id()).encounter().voidReason())
                .isEqualTo(VoidReason.WRONG_PERSON);
        assertThat(timeline.getItems().get(0).voidReason()).isEqualTo(VoidReason.WRONG_PERSON);
        assertThat(robot.lookup(".list-cell.voided").tryQuery()).isPresent();
    }
}
