package org.outreachdesk.ui.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.DeskFixtures;
import org.outreachdesk.app.Permission;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.ContactFilter;
import org.outreachdesk.domain.Gender;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.domain.Uic;
import org.outreachdesk.ui.DeskUi;
import org.outreachdesk.ui.encounter.EncounterDeskView;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A new contact through the UIC builder, by the keyboard, with the "same person?" question. */
@ExtendWith(ApplicationExtension.class)
class UicBuilderTest {

    @TempDir
    Path dir;

    DeskUi ui;
    Stage main;
    Site ktv;
    Staff ow1;
    Contact existing;

    @Start
    void start(Stage stage) {
        main = stage;
        ui = new DeskUi(dir);
        DeskFixtures fx = new DeskFixtures(ui.ws);
        ktv = fx.site("KTV-03", "Golden Star KTV");
        ow1 = fx.staff("OW01", "Team A");
        existing = fx.contact("SOCH2150398", KpType.FEW, 1998, ktv, ow1);
        ui.show(stage, EncounterDeskView::new);
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        ui.ws.close();
    }

    private Window builder(FxRobot robot) {
        return robot.window(w -> w.getScene() != null && w.getScene().lookup("#uic-builder") != null);
    }

    private static String focusedId(Window w) {
        Node n = w.getScene().getFocusOwner();
        return n == null ? null : n.getId();
    }

    /** Types the answers of a person whose code is one letter from the existing contact's (SOCA… vs SOCH…). */
    private Window typeNearDuplicate(FxRobot robot) {
        robot.press(KeyCode.CONTROL).type(KeyCode.N).release(KeyCode.CONTROL);
        Window w = builder(robot);
        robot.targetWindow(w);
        assertThat(focusedId(w)).isEqualTo("builder-mother");
        Label preview = robot.lookup("#builder-preview").queryAs(Label.class);
        assertThat(preview.getText()).isEqualTo("9999?999999");
        robot.write("so");
        assertThat(preview.getText()).as("the code forms as it is typed").isEqualTo("SO99?999999");
        robot.type(KeyCode.ENTER).write("carol");   // only two letters fit
        assertThat(robot.lookup("#builder-father").queryAs(TextField.class).getText()).isEqualTo("CA");
        robot.type(KeyCode.ENTER).write("f");        // sex at birth: Female
        robot.type(KeyCode.ENTER).write("15").type(KeyCode.ENTER).write("3").type(KeyCode.ENTER).write("1998");
        assertThat(preview.getText()).isEqualTo("SOCA2150398");
        robot.type(KeyCode.ENTER);                   // gender: Female already, from the sex at birth
        robot.type(KeyCode.ENTER).write("fe");       // key population: FEW
        robot.type(KeyCode.ENTER, 3);                // site and worker from the desk, then the note
        assertThat(focusedId(w)).isEqualTo("builder-note");
        robot.type(KeyCode.ENTER);                   // Enter on the note creates
        return w;
    }

    @Test
    void aNearDuplicateAsksSamePersonAndUsingTheExistingContactCreatesNothing(FxRobot robot) {
        Window w = typeNearDuplicate(robot);
        assertThat(robot.lookup("#builder-same-person").query().isVisible()).isTrue();
        assertThat(robot.lookup("#builder-question").queryAs(Label.class).getText()).startsWith("Same person?");
        ListView<?> candidates = robot.lookup("#builder-candidates").queryAs(ListView.class);
        assertThat(candidates.getItems()).hasSize(1);
        assertThat(candidates.getItems().get(0).toString()).doesNotContain("SOCH"); // masked in logs and toString
        assertThat(focusedId(w)).isEqualTo("builder-use-existing");
        TextField mother = robot.lookup("#builder-mother").queryAs(TextField.class);

        robot.type(KeyCode.SPACE); // "same person: use this contact"
        assertThat(w.isShowing()).isFalse();
        robot.targetWindow(main);
        assertThat(robot.lookup("#desk-uic").queryAs(TextField.class).getText()).isEqualTo("SOCH2150398");
        assertThat(robot.lookup("#desk-contact").queryAs(Label.class).getText()).contains("FEW");
        assertThat(main.getScene().getFocusOwner().getId()).isEqualTo("desk-male");
        assertThat(count()).isEqualTo(1);
        // the answers did not outlive the window
        assertThat(mother.getText()).isEmpty();
    }

    @Test
    void aDifferentPersonIsCreatedWithOnlyTheCode(FxRobot robot) {
        Window w = typeNearDuplicate(robot);
        robot.type(KeyCode.TAB);
        assertThat(focusedId(w)).isEqualTo("builder-create-new");
        robot.type(KeyCode.SPACE);
        assertThat(w.isShowing()).isFalse();
        robot.targetWindow(main);
        assertThat(robot.lookup("#desk-uic").queryAs(TextField.class).getText()).isEqualTo("SOCA2150398");
        assertThat(count()).isEqualTo(2);
        Contact created = ui.ws.read(Permission.RECORDS, tx -> tx.contacts().findByUic(Uic.parse("SOCA2150398")))
                .orElseThrow();
        assertThat(created.gender()).isEqualTo(Gender.F);
        assertThat(created.kpType()).isEqualTo(KpType.FEW);
        assertThat(created.birthYear()).isEqualTo(1998);
        assertThat(created.firstContactDate()).isEqualTo(LocalDate.of(2026, 10, 20));
        assertThat(created.homeSiteId()).isEqualTo(ktv.meta().id());
        assertThat(created.assignedStaffId()).isEqualTo(ow1.meta().id());
        assertThat(created.note()).isNull();
        // the encounter can follow at once
        robot.write("10");
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        long encounters = ui.ws.read(Permission.RECORDS, tx -> tx.encounters().forContact(created.id()).size());
        assertThat(encounters).isEqualTo(1);
    }

    @Test
    void aTypedCodeFillsTheAnswersAndMissingChoicesAreNamed(FxRobot robot) {
        robot.write("kanh 2 99 99 99").type(KeyCode.ENTER);
        assertThat(robot.lookup("#desk-contact").queryAs(Label.class).getText()).contains("Ctrl+N");
        robot.press(KeyCode.CONTROL).type(KeyCode.N).release(KeyCode.CONTROL);
        Window w = builder(robot);
        robot.targetWindow(w);
        assertThat(robot.lookup("#builder-preview").queryAs(Label.class).getText()).isEqualTo("KANH2999999");
        assertThat(robot.lookup("#builder-mother").queryAs(TextField.class).getText()).isEqualTo("KA");
        assertThat(robot.lookup("#builder-day").queryAs(TextField.class).getText()).isEmpty();
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        assertThat(robot.lookup("#builder-kp-error").queryAs(Label.class).getText())
                .isEqualTo("Key population is missing.");
        assertThat(w.isShowing()).isTrue();
        robot.type(KeyCode.ESCAPE);
        assertThat(w.isShowing()).isFalse();
        assertThat(count()).isEqualTo(1);
    }

    private long count() {
        return ui.ws.read(Permission.RECORDS, tx -> tx.contacts().count(ContactFilter.ALL));
    }
}
