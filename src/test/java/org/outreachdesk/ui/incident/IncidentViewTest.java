package org.outreachdesk.ui.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outreachdesk.app.OpsFixtures.TODAY;

import java.nio.file.Path;
import java.util.List;

import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.OpsFixtures;
import org.outreachdesk.app.Permission;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.Incident;
import org.outreachdesk.domain.IncidentListing;
import org.outreachdesk.domain.IncidentType;
import org.outreachdesk.domain.Perpetrator;
import org.outreachdesk.domain.Referral;
import org.outreachdesk.domain.Role;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.ui.ops.OpsUiTests;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** An outreach worker records a safety incident with a referral, from the form. */
@ExtendWith(ApplicationExtension.class)
class IncidentViewTest {

    @TempDir
    Path dir;

    private Workspace ws;
    private Contact contact;

    @Start
    void start(Stage stage) {
        ws = TestWorkspaces.as(Role.OUTREACH_WORKER, dir);
        contact = OpsFixtures.contact(ws, "SOCH2150398", null);
        OpsUiTests.show(stage, new IncidentView(OpsUiTests.context(ws)));
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        ws.close();
    }

    @SuppressWarnings("unchecked")
    private static TableView<IncidentListing> table(FxRobot robot) {
        return robot.lookup("#incidents-table").queryAs(TableView.class);
    }

    private List<Incident> stored() {
        return ws.read(Permission.RECORDS, tx -> tx.incidents().forContact(contact.id()));
    }

    @Test
    void anIncidentWithAViolenceReferralIsEnteredAndListed(FxRobot robot) {
        assertThat(table(robot).getItems()).isEmpty();
        robot.clickOn("#incident-uic").write("soch 2150398");
        robot.clickOn("#incident-type").clickOn("Physical violence");
        robot.clickOn("#incident-perpetrator").clickOn("Client");
        robot.clickOn("#incident-support");
        robot.clickOn("#incident-support-note").write("first aid, walked her home");
        robot.clickOn("#incident-refer");
        robot.clickOn("#incident-referral-destination").clickOn("LICADHO");
        // Ctrl+S saves
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);

        assertThat(robot.lookup("#incident-message").queryAs(Label.class).getText())
                .isEqualTo("Incident and referral saved.");
        List<Incident> incidents = stored();
        assertThat(incidents).singleElement().satisfies(i -> {
            assertThat(i.date()).isEqualTo(TODAY);
            assertThat(i.type()).isEqualTo(IncidentType.PHYSICAL_VIOLENCE);
            assertThat(i.perpetrator()).isEqualTo(Perpetrator.CLIENT);
            assertThat(i.supportGiven()).isTrue();
            assertThat(i.supportNote()).isEqualTo("first aid, walked her home");
            assertThat(i.referralId()).isNotNull();
        });
        Referral r = ws.read(Permission.RECORDS, tx -> tx.referrals().findById(incidents.get(0).referralId()))
                .orElseThrow();
        assertThat(r.serviceType()).isEqualTo(ServiceType.VIOLENCE);
        assertThat(r.dueDate()).isEqualTo(TODAY.plusDays(7));

        assertThat(table(robot).getItems()).singleElement().satisfies(l -> {
            assertThat(l.contactUic().value()).isEqualTo("SOCH2150398");
            assertThat(l.referralDestination()).isEqualTo("LICADHO");
        });
        // the form is ready for the next one
        assertThat(robot.lookup("#incident-uic").queryAs(TextField.class).getText()).isEmpty();
    }

    @Test
    void aMissingTypeIsSaidPlainlyAndNothingIsStored(FxRobot robot) {
        robot.clickOn("#incident-perpetrator").clickOn("Police or authority");
        robot.clickOn("#incident-save");
        assertThat(robot.lookup("#incident-message").queryAs(Label.class).getText())
                .isEqualTo("Choose the type of incident.");
        robot.clickOn("#incident-type").clickOn("Extortion");
        robot.clickOn("#incident-uic").write("MALY2010190");
        robot.clickOn("#incident-save");
        assertThat(robot.lookup("#incident-message").queryAs(Label.class).getText())
                .startsWith("No contact has this UIC");
        assertThat(table(robot).getItems()).isEmpty();
        robot.doubleClickOn("#incident-uic").eraseText(11);
        robot.clickOn("#incident-save");
        assertThat(robot.lookup("#incident-message").queryAs(Label.class).getText()).isEqualTo("Incident saved.");
        assertThat(table(robot).getItems()).singleElement()
                .satisfies(l -> assertThat(l.incident().type()).isEqualTo(IncidentType.EXTORTION));
    }
}
