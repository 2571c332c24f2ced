package org.outreachdesk.ui.encounter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.DeskFixtures;
import org.outreachdesk.app.Permission;
import org.outreachdesk.domain.Commodity;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.DirectoryEntry;
import org.outreachdesk.domain.Encounter;
import org.outreachdesk.domain.EncounterType;
import org.outreachdesk.domain.HivStatus;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.Referral;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.ui.DeskUi;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The encounter desk driven like a worker after a round: by the keyboard only. */
@ExtendWith(ApplicationExtension.class)
class EncounterDeskTest {

    static final LocalDate TODAY = LocalDate.of(2026, 10, 20);

    @TempDir
    Path dir;

    DeskUi ui;
    DeskFixtures fx;
    Site ktv;
    Site bg;
    Staff ow1;
    Staff ow2;
    DirectoryEntry khana;
    Contact sokha;
    Contact dara;
    Contact kama;
    Contact lina;
    Contact nary;

    @Start
    void start(Stage stage) {
        ui = new DeskUi(dir);
        fx = new DeskFixtures(ui.ws);
        ktv = fx.site("KTV-03", "Golden Star KTV");
        bg = fx.site("BG-01", "Riverside beer garden");
        ow1 = fx.staff("OW01", "Team A");
        ow2 = fx.staff("OW02", "Team B");
        khana = fx.org("KHANA", ServiceType.HTS, ServiceType.STI);
        fx.org("Pursat Provincial Health Department", ServiceType.HTS);
        sokha = fx.contact("SOCH2150398", KpType.FEW, 1998, ktv, ow1);
        dara = fx.contact("DAVI2010190", KpType.FSW, 1990, bg, ow1);
        kama = fx.contact("KAMA2120595", KpType.FEW, 1995, ktv, ow2);
        lina = fx.contact("LINA2030785", KpType.FSW, 1985, ktv, ow2);
        nary = fx.contact("NARY1010700", KpType.MSM, 2000, bg, ow2);
        fx.receive(Commodity.MALE_CONDOM, 5000, "Team B");
        ui.show(stage, EncounterDeskView::new);
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        ui.ws.close();
    }

    private static void ctrlEnter(FxRobot robot) {
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
    }

    private static Node focused(FxRobot robot) {
        return robot.targetWindow(robot.listTargetWindows().get(0)).lookup("#encounter-desk").query()
                .getScene().getFocusOwner();
    }

    private static String id(FxRobot robot) {
        Node n = focused(robot);
        return n == null ? null : n.getId();
    }

    @Test
    void aWholeRoundIsTypedWithoutTheMouseAndEndsUpInTheVault(FxRobot robot) {
        // two sites and two workers: the desk starts on the site, chosen by typing
        assertThat(id(robot)).isEqualTo("desk-site");
        robot.write("k");
        robot.type(KeyCode.ENTER);
        assertThat(id(robot)).isEqualTo("desk-worker");
        robot.write("ow02");
        robot.type(KeyCode.ENTER);
        assertThat(id(robot)).isEqualTo("desk-uic");

        // 1: typed in lower case with blanks; Enter looks it up and moves on; HIV status by its first letter
        robot.write(" soch 215 0398");
        robot.type(KeyCode.ENTER);
        assertThat(robot.lookup("#desk-contact").queryAs(Label.class).getText()).contains("FEW").contains("born 1998");
        assertThat(id(robot)).isEqualTo("desk-male");
        robot.write("12").type(KeyCode.ENTER).type(KeyCode.ENTER).write("5").type(KeyCode.ENTER).type(KeyCode.ENTER);
        assertThat(id(robot)).isEqualTo("desk-hiv");
        robot.write("t").type(KeyCode.ENTER).type(KeyCode.SPACE);
        ctrlEnter(robot);
        assertThat(id(robot)).as("the keyboard is back on the UIC").isEqualTo("desk-uic");
        assertThat(robot.lookup("#desk-uic").queryAs(TextField.class).getText()).isEmpty();

        // 2: straight to Ctrl+Enter after two quantities
        robot.write("DAVI2010190").type(KeyCode.ENTER).write("20").type(KeyCode.ENTER).write("2");
        ctrlEnter(robot);

        // 3: services and two referrals ticked with Space, encounter type chosen by letter
        robot.write("kama2120595").type(KeyCode.ENTER);
        robot.type(KeyCode.ENTER, 4);
        assertThat(id(robot)).isEqualTo("desk-hiv");
        robot.write("r").type(KeyCode.ENTER);                      // referred for test
        robot.type(KeyCode.ENTER).type(KeyCode.SPACE);              // education
        robot.type(KeyCode.ENTER).type(KeyCode.SPACE);              // condom demonstration
        robot.type(KeyCode.ENTER).write("s");                       // small group
        robot.type(KeyCode.ENTER);
        assertThat(id(robot)).isEqualTo("desk-ref-HTS");
        robot.type(KeyCode.SPACE).type(KeyCode.ENTER).type(KeyCode.SPACE);
        ctrlEnter(robot);

        // 4: a referral with its destination and due date (Tab reaches them), a note, Enter on the note saves
        robot.write("LINA2030785").type(KeyCode.TAB).write("8");
        robot.type(KeyCode.ENTER, 4);
        robot.type(KeyCode.ENTER, 5);
        assertThat(id(robot)).isEqualTo("desk-ref-HTS");
        robot.type(KeyCode.SPACE).type(KeyCode.TAB, 11);
        assertThat(id(robot)).isEqualTo("desk-dest-HTS");
        robot.write("k").type(KeyCode.TAB);
        robot.write("30/10/2026").type(KeyCode.TAB);
        assertThat(id(robot)).isEqualTo("desk-note");
        robot.write("came with a friend").type(KeyCode.ENTER);
        assertThat(id(robot)).isEqualTo("desk-uic");

        // 5: more than 1,000 condoms needs a confirmation; the keyboard lands on it
        robot.write("nary1010700").type(KeyCode.ENTER).write("1500");
        ctrlEnter(robot);
        assertThat(id(robot)).isEqualTo("desk-confirm-large");
        assertThat(robot.lookup("#desk-male-error").queryAs(Label.class).getText()).contains("more than 1,000");
        robot.type(KeyCode.SPACE);
        ctrlEnter(robot);
        assertThat(id(robot)).isEqualTo("desk-uic");

        // the same contact, date, worker and site again is refused at the UIC, plainly
        robot.write("SOCH2150398").type(KeyCode.ENTER).write("3");
        ctrlEnter(robot);
        assertThat(robot.lookup("#desk-uic-error").queryAs(Label.class).getText())
                .isEqualTo("This contact already has an encounter on this date with this worker at this site.");

        // the session list shows the five, newest first
        TableView<?> session = robot.lookup("#desk-session").queryAs(TableView.class);
        assertThat(session.getItems()).hasSize(5);
        assertThat(robot.lookup("#desk-session-count").queryAs(Label.class).getText()).isEqualTo("This session: 5 saved");
        assertThat(ui.shell.lastSaveProperty().get()).isNotNull();

        // and the vault holds exactly what was typed
        Map<java.util.UUID, Encounter> byContact = new java.util.HashMap<>();
        for (Contact c : List.of(sokha, dara, kama, lina, nary)) {
            List<Encounter> es = ui.ws.read(Permission.RECORDS, tx -> tx.encounters().forContact(c.id()));
            assertThat(es).hasSize(1);
            Encounter e = es.get(0);
            assertThat(e.date()).isEqualTo(TODAY);
            assertThat(e.siteId()).isEqualTo(ktv.meta().id());
            assertThat(e.staffId()).isEqualTo(ow2.meta().id());
            byContact.put(c.id(), e);
        }
        Encounter e1 = byContact.get(sokha.id());
        assertThat(e1.quantities()).isEqualTo(new Encounter.Quantities(12, 0, 5, 0));
        assertThat(e1.hivStatus()).isEqualTo(HivStatus.TESTED);
        assertThat(e1.stiScreened()).isTrue();
        assertThat(byContact.get(dara.id()).quantities()).isEqualTo(new Encounter.Quantities(20, 2, 0, 0));
        Encounter e3 = byContact.get(kama.id());
        assertThat(e3.hivStatus()).isEqualTo(HivStatus.REFERRED_FOR_TEST);
        assertThat(e3.education()).isTrue();
        assertThat(e3.condomDemo()).isTrue();
        assertThat(e3.type()).isEqualTo(EncounterType.SMALL_GROUP);
        assertThat(referrals(kama)).extracting(Referral::serviceType)
                .containsExactlyInAnyOrder(ServiceType.HTS, ServiceType.STI);
        Encounter e4 = byContact.get(lina.id());
        assertThat(e4.quantities().maleCondoms()).isEqualTo(8);
        assertThat(e4.note()).isEqualTo("came with a friend");
        assertThat(referrals(lina)).singleElement().satisfies(r -> {
            assertThat(r.serviceType()).isEqualTo(ServiceType.HTS);
            assertThat(r.directoryEntryId()).isEqualTo(khana.meta().id());
            assertThat(r.dueDate()).isEqualTo(LocalDate.of(2026, 10, 30));
        });
        assertThat(byContact.get(nary.id()).quantities().maleCondoms()).isEqualTo(1500);
        // hand-outs drew the team's stock down: 5000 - (12 + 20 + 8 + 1500)
        Map<Commodity, Integer> stock = ui.ws.read(Permission.RECORDS, tx -> tx.stock().onHand("Team B"));
        assertThat(stock.get(Commodity.MALE_CONDOM)).isEqualTo(5000 - 1540);
    }

    private List<Referral> referrals(Contact c) {
        List<Referral> rs = ui.ws.read(Permission.RECORDS, tx -> tx.referrals().forContact(c.id()));
        return rs.stream().sorted(Comparator.comparing(r -> r.serviceType().ordinal())).toList();
    }

    @Test
    void problemsAreShownAtTheirFieldsInPlainWordsAndNothingIsSaved(FxRobot robot) {
        robot.write("k").type(KeyCode.ENTER).write("o").type(KeyCode.ENTER);
        robot.write("SOCH215").type(KeyCode.ENTER);
        assertThat(robot.lookup("#desk-uic-error").queryAs(Label.class).getText())
                .isEqualTo("The UIC has 7 characters; it needs 11.");
        robot.write("0398");
        ctrlEnter(robot);
        assertThat(robot.lookup("#desk-uic-error").queryAs(Label.class).isVisible()).isFalse();
        // an unknown UIC: the desk offers a new contact
        robot.write("ZZZZ2010101").type(KeyCode.ENTER);
        assertThat(robot.lookup("#desk-contact").queryAs(Label.class).getText()).contains("Ctrl+N");
        // a future date is named at the date
        robot.interact(() -> robot.lookup("#desk-date").queryAs(javafx.scene.control.DatePicker.class)
                .setValue(TODAY.plusDays(1)));
        robot.interact(() -> robot.lookup("#desk-uic").queryAs(TextField.class).requestFocus());
        robot.eraseText(11).write("DAVI2010190");
        ctrlEnter(robot);
        assertThat(robot.lookup("#desk-date-error").queryAs(Label.class).getText()).isEqualTo("Date is in the future.");
        assertThat(robot.lookup("#desk-message").queryAs(Label.class).getText()).startsWith("Not saved");
        long count = ui.ws.read(Permission.RECORDS, tx -> tx.encounters().count());
        assertThat(count).isEqualTo(1);
        assertThat(robot.lookup("#desk-session").queryAs(TableView.class).getItems()).hasSize(1);
    }

    @Test
    void referralCheckBoxesOfferEveryServiceButTraffickingAndChildProtection(FxRobot robot) {
        for (ServiceType s : ServiceType.values()) {
            boolean offered = s != ServiceType.TRAFFICKING && s != ServiceType.CHILD_PROTECTION;
            assertThat(robot.lookup("#desk-ref-" + s.code()).tryQueryAs(CheckBox.class)).as(s.code())
                    .matches(o -> o.isPresent() == offered);
        }
    }
}
