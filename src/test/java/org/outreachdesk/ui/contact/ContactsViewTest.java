package org.outreachdesk.ui.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.DeskFixtures;
import org.outreachdesk.app.EncounterService;
import org.outreachdesk.app.Permission;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.ContactListing;
import org.outreachdesk.domain.ContactStatus;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.ui.DeskUi;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The contact register: paged as it scrolls, searched, filtered; a contact's timeline, status and screen. */
@ExtendWith(ApplicationExtension.class)
class ContactsViewTest {

    static final LocalDate TODAY = LocalDate.of(2026, 10, 20);

    @TempDir
    Path dir;

    DeskUi ui;
    Site ktv;
    Site bg;
    Staff ow1;
    List<Contact> all = new ArrayList<>();
    ContactsView view;

    @Start
    void start(Stage stage) {
        ui = new DeskUi(dir);
        DeskFixtures fx = new DeskFixtures(ui.ws);
        ktv = fx.site("KTV-03", "Golden Star KTV");
        bg = fx.site("BG-01", "Riverside beer garden");
        ow1 = fx.staff("OW01", "Team A");
        fx.org("KHANA", ServiceType.HTS);
        fx.org("Chab Dai Coalition", ServiceType.TRAFFICKING, ServiceType.CHILD_PROTECTION);
        for (int i = 0; i < 250; i++) {
            all.add(fx.newContact(DeskFixtures.uic(i * 11 + 5, "150398"), i % 4 == 0 ? KpType.MSM : KpType.FEW, 1998,
                    (i % 2 == 0 ? ktv : bg).meta().id(), ow1.meta().id(), LocalDate.of(2026, 1, 1).plusDays(i),
                    i % 10 == 0 ? ContactStatus.LOST_TO_FOLLOW_UP : ContactStatus.ACTIVE));
        }
        fx.contacts(all);
        EncounterService enc = new EncounterService(ui.ws);
        enc.save(EncounterService.Draft.of(all.get(3).id(), TODAY.minusDays(2), ow1.meta().id(), ktv.meta().id())
                .withQuantities(7, 0, 3, 0)
                .withReferrals(List.of(EncounterService.ReferralRequest.of(ServiceType.HTS))));
        view = ui.show(stage, ContactsView::new);
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        ui.ws.close();
    }

    @SuppressWarnings("unchecked")
    private TableView<ContactListing> table(FxRobot robot) {
        return robot.lookup("#contacts-table").queryAs(TableView.class);
    }

    @Test
    void theRegisterReadsAPageAtATimeAsItScrolls(FxRobot robot) {
        TableView<ContactListing> table = table(robot);
        assertThat(robot.lookup("#contacts-count").queryAs(Label.class).getText()).isEqualTo("250 contacts");
        assertThat(table.getItems()).hasSize(100);
        assertThat(table.getItems().get(0).contact().uic().value())
                .isEqualTo(all.stream().map(c -> c.uic().value()).sorted().findFirst().orElseThrow());
        for (int i = 0; i < 5 && table.getItems().size() < 250; i++) {
            robot.interact(() -> table.scrollTo(table.getItems().size() - 1));
        }
        assertThat(table.getItems()).hasSize(250);
        assertThat(table.getItems()).extracting(l -> l.contact().id()).doesNotHaveDuplicates();
        assertThat(view.viewModel().moreProperty().get()).isFalse();
    }

    @Test
    void searchAndFiltersRunInTheDatabase(FxRobot robot) {
        String prefix = all.get(7).uic().value().substring(0, 3);
        robot.clickOn("#contacts-search").write(prefix.toLowerCase()).type(KeyCode.ENTER);
        long expected = all.stream().filter(c -> c.uic().value().startsWith(prefix)).count();
        assertThat(table(robot).getItems()).hasSize((int) expected)
                .allSatisfy(l -> assertThat(l.contact().uic().value()).startsWith(prefix));
        robot.interact(() -> robot.lookup("#contacts-search").queryAs(TextField.class).clear());
        robot.clickOn("#contacts-search").type(KeyCode.ENTER);

        @SuppressWarnings("unchecked")
        ComboBox<ContactStatus> status = robot.lookup("#contacts-status").queryAs(ComboBox.class);
        robot.interact(() -> status.setValue(ContactStatus.LOST_TO_FOLLOW_UP));
        assertThat(robot.lookup("#contacts-count").queryAs(Label.class).getText()).isEqualTo("25 contacts");
        assertThat(table(robot).getItems()).hasSize(25)
                .allSatisfy(l -> assertThat(l.contact().status()).isEqualTo(ContactStatus.LOST_TO_FOLLOW_UP));
        @SuppressWarnings("unchecked")
        ComboBox<Site> site = robot.lookup("#contacts-site").queryAs(ComboBox.class);
        robot.interact(() -> site.setValue(site.getItems().stream().filter(s -> s != null && s.code().equals("BG-01"))
                .findFirst().orElseThrow()));
        assertThat(table(robot).getItems()).isEmpty(); // lost ones are all on even rows: KTV-03
        @SuppressWarnings("unchecked")
        ComboBox<KpType> kp = robot.lookup("#contacts-kp").queryAs(ComboBox.class);
        robot.interact(() -> {
            status.setValue(null);
            kp.setValue(KpType.MSM);
            site.setValue(site.getItems().stream().filter(s -> s != null && s.code().equals("KTV-03"))
                    .findFirst().orElseThrow());
        });
        assertThat(table(robot).getItems()).hasSize(63).allSatisfy(l -> {
            assertThat(l.contact().kpType()).isEqualTo(KpType.MSM);
            assertThat(l.homeSiteCode()).isEqualTo("KTV-03");
        });
    }

    @Test
    void aContactShowsItsTimelineItsStatusChangesAndItsScreenIsReachable(FxRobot robot) {
        Contact c = all.get(3);
        robot.clickOn("#contacts-search").write(c.uic().value()).type(KeyCode.ENTER);
        robot.interact(() -> table(robot).getSelectionModel().select(0));
        assertThat(robot.lookup("#contact-uic").queryAs(Label.class).getText()).isEqualTo(c.uic().value());
        ListView<?> timeline = robot.lookup("#contact-timeline").queryAs(ListView.class);
        assertThat(timeline.getItems()).hasSize(2);

        @SuppressWarnings("unchecked")
        ComboBox<ContactStatus> newStatus = robot.lookup("#contact-new-status").queryAs(ComboBox.class);
        robot.interact(() -> newStatus.setValue(ContactStatus.MOVED_AWAY));
        robot.clickOn("#contact-status-date");
        robot.interact(() -> robot.lookup("#contact-status-date").queryAs(javafx.scene.control.DatePicker.class)
                .setValue(TODAY.minusDays(1)));
        robot.clickOn("#contact-change-status");
        Contact now = ui.ws.read(Permission.RECORDS, tx -> tx.contacts().findById(c.id())).orElseThrow();
        assertThat(now.status()).isEqualTo(ContactStatus.MOVED_AWAY);
        assertThat(now.statusDate()).isEqualTo(TODAY.minusDays(1));
        assertThat(table(robot).getItems().get(0).contact().status()).isEqualTo(ContactStatus.MOVED_AWAY);

        robot.clickOn("#contact-safeguarding");
        Window w = robot.window(x -> x.getScene() != null && x.getScene().lookup("#safeguarding-pane") != null);
        robot.targetWindow(w);
        robot.type(KeyCode.TAB, 3).type(KeyCode.SPACE); // extreme control
        assertThat(robot.lookup("#sg-protocol").query().isVisible()).isTrue();
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        assertThat(w.isShowing()).isFalse();
        assertThat(timeline.getItems()).hasSize(4); // + the screen and its referral
        assertThat(timeline.getItems().get(0).toString()).contains("SAFEGUARDING");
        assertThat(timeline.getItems().get(1).toString()).contains("REFERRAL");
    }

    @Test
    void aReferralIsMadeFromTheContact(FxRobot robot) {
        Contact c = all.get(5);
        robot.clickOn("#contacts-search").write(c.uic().value()).type(KeyCode.ENTER);
        robot.interact(() -> table(robot).getSelectionModel().select(0));
        assertThat(robot.lookup("#contact-refer").queryAs(Button.class).isDisabled()).isTrue();
        robot.clickOn("#contact-refer-service").write("hts");
        robot.clickOn("#contact-refer-destination").write("k");
        robot.clickOn("#contact-refer");
        var refs = ui.ws.read(Permission.RECORDS, tx -> tx.referrals().forContact(c.id()));
        assertThat(refs).singleElement().satisfies(r -> {
            assertThat(r.serviceType()).isEqualTo(ServiceType.HTS);
            assertThat(r.dueDate()).isEqualTo(TODAY.plusDays(7));
            assertThat(r.directoryEntryId()).isNotNull();
        });
        assertThat(robot.lookup("#contact-message").queryAs(Label.class).getText()).startsWith("Referral made");
        assertThat(robot.lookup("#contact-timeline").queryAs(ListView.class).getItems()).hasSize(1);
    }

    @Test
    void statusDatesInTheFutureAreRefusedAtTheField(FxRobot robot) {
        robot.interact(() -> table(robot).getSelectionModel().select(0));
        robot.interact(() -> robot.lookup("#contact-status-date").queryAs(javafx.scene.control.DatePicker.class)
                .setValue(TODAY.plusDays(3)));
        robot.interact(() -> robot.lookup("#contact-change-status").queryAs(Button.class).fire());
        assertThat(robot.lookup("#contact-status-error").queryAs(Label.class).getText())
                .isEqualTo("Date of the status is in the future.");
    }
}
