package org.outreachdesk.ui.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.ContactService;
import org.outreachdesk.app.DeskFixtures;
import org.outreachdesk.app.Permission;
import org.outreachdesk.domain.ChangeKind;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.ContactFilter;
import org.outreachdesk.domain.ContactListing;
import org.outreachdesk.domain.ContactStatus;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.RecordChange;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.ui.DeskUi;
import org.outreachdesk.ui.common.HistoryPane;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A contact's page: "Correct…", "Merge with…" and "History" through their windows. */
@ExtendWith(ApplicationExtension.class)
class ContactCorrectionWindowsTest {

    @TempDir
    Path dir;

    DeskUi ui;
    ContactsView view;
    Contact soch;
    Contact soci;

    @Start
    void start(Stage stage) {
        ui = new DeskUi(dir);
        DeskFixtures fx = new DeskFixtures(ui.ws);
        Site ktv = fx.site("KTV-03", "Golden Star KTV");
        Staff ow1 = fx.staff("OW01", "Team A");
        soch = fx.contact("SOCH2150398", KpType.FEW, 1998, ktv, ow1, LocalDate.of(2026, 9, 1), ContactStatus.ACTIVE);
        soci = fx.contact("SOCI2150398", KpType.FEW, 1998, ktv, ow1, LocalDate.of(2026, 10, 1), ContactStatus.ACTIVE);
        view = ui.show(stage, ContactsView::new);
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        ui.ws.close();
    }

    private void select(FxRobot robot, String uic) {
        @SuppressWarnings("unchecked")
        TableView<ContactListing> table = robot.lookup("#contacts-table").queryAs(TableView.class);
        ContactListing row = table.getItems().stream().filter(l -> l.contact().uic().value().equals(uic)).findFirst()
                .orElseThrow();
        robot.interact(() -> table.getSelectionModel().select(row));
    }

    private long openWindows() {
        return Window.getWindows().stream().filter(Window::isShowing).count();
    }

    @Test
    void correctTheProfileThenSeeItInTheHistory(FxRobot robot) {
        select(robot, "SOCH2150398");
        robot.clickOn("#contact-correct");
        @SuppressWarnings("unchecked")
        ComboBox<KpType> kp = robot.lookup("#correct-kp").queryAs(ComboBox.class);
        robot.interact(() -> kp.setValue(KpType.TG));
        robot.clickOn("#correct-note").write("evening round");
        robot.clickOn("#correct-save");

        assertThat(openWindows()).isEqualTo(1);
        Contact stored = ui.ws.read(Permission.RECORDS, tx -> tx.contacts().findById(soch.id())).orElseThrow();
        assertThat(stored.kpType()).isEqualTo(KpType.TG);
        assertThat(stored.note()).isEqualTo("evening round");
        assertThat(view.viewModel().selectedProperty().get().contact().kpType()).isEqualTo(KpType.TG);

        robot.clickOn("#contact-history");
        HistoryPane pane = robot.lookup("#history-pane").queryAs(HistoryPane.class);
        assertThat(pane.table().getItems()).extracting(HistoryPane.Row::field, HistoryPane.Row::before,
                HistoryPane.Row::after).contains(tuple("Note", "—", "evening round"));
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void correctTheUicWithTheBuilderAndTheOldCodeStillFindsTheContact(FxRobot robot) {
        select(robot, "SOCH2150398");
        robot.clickOn("#contact-correct-uic");
        assertThat(robot.lookup("#builder-gender").tryQuery()).isEmpty();
        robot.doubleClickOn("#builder-father").write("CA");
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);

        assertThat(openWindows()).isEqualTo(1);
        ContactService contacts = new ContactService(ui.ws);
        assertThat(contacts.lookup("SOCA2150398").orElseThrow().contact().id()).isEqualTo(soch.id());
        assertThat(contacts.lookup("SOCH2150398").orElseThrow().contact().id()).isEqualTo(soch.id());
        assertThat(view.viewModel().selectedProperty().get().contact().uic().value()).isEqualTo("SOCA2150398");
    }

    @Test
    void mergeWithAnotherContactKeepingItsUic(FxRobot robot) {
        select(robot, "SOCH2150398");
        robot.clickOn("#contact-merge");
        robot.clickOn("#merge-uic").write("soci 2150398").type(KeyCode.ENTER);
        robot.clickOn("#merge-keep-other");
        robot.clickOn("#merge-do");

        assertThat(openWindows()).isEqualTo(1);
        ContactService contacts = new ContactService(ui.ws);
        assertThat(contacts.lookup("SOCH2150398").orElseThrow().contact().id()).isEqualTo(soci.id());
        assertThat(contacts.count(ContactFilter.ALL)).isEqualTo(1);
        Contact kept = ui.ws.read(Permission.RECORDS, tx -> tx.contacts().findById(soci.id())).orElseThrow();
        assertThat(kept.firstContactDate()).isEqualTo(LocalDate.of(2026, 9, 1));
        assertThat(view.viewModel().selectedProperty().get().contact().id()).isEqualTo(soci.id());
        List<RecordChange> h = ui.ws.read(Permission.RECORDS, tx -> tx.history().forRecord(soci.id()));
        assertThat(h).extracting(RecordChange::kind).containsExactly(ChangeKind.MERGE);
    }
}
