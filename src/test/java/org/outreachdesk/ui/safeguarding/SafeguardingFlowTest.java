package org.outreachdesk.ui.safeguarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
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
import org.outreachdesk.domain.DirectoryEntry;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.Referral;
import org.outreachdesk.domain.ReferralStatus;
import org.outreachdesk.domain.SafeguardingScreen;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.domain.Uic;
import org.outreachdesk.ui.DeskUi;
import org.outreachdesk.ui.encounter.EncounterDeskView;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The safeguarding protocol coming up for an indicator and for someone under 18, and its one-step referral. */
@ExtendWith(ApplicationExtension.class)
class SafeguardingFlowTest {

    @TempDir
    Path dir;

    DeskUi ui;
    Stage main;
    Site ktv;
    Staff ow1;
    DirectoryEntry iom;
    DirectoryEntry chabDai;
    Contact adult;
    Contact child;

    @Start
    void start(Stage stage) {
        main = stage;
        ui = new DeskUi(dir);
        DeskFixtures fx = new DeskFixtures(ui.ws);
        ktv = fx.site("KTV-03", "Golden Star KTV");
        ow1 = fx.staff("OW01", "Team A");
        chabDai = fx.org("Chab Dai Coalition", ServiceType.TRAFFICKING, ServiceType.CHILD_PROTECTION);
        iom = fx.org("IOM Cambodia", ServiceType.TRAFFICKING);
        fx.org("KHANA", ServiceType.HTS);
        adult = fx.contact("SOCH2150398", KpType.FEW, 1998, ktv, ow1);
        child = fx.contact("NAVI2050310", KpType.FSW, 2010, ktv, ow1);
        ui.show(stage, EncounterDeskView::new);
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        ui.ws.close();
    }

    private String focusedId() {
        Node n = main.getScene().getFocusOwner();
        return n == null ? null : n.getId();
    }

    private boolean visible(FxRobot robot, String id) {
        Node n = robot.lookup(id).query();
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void anIndicatorBringsUpTheProtocolAndTheReferralIsMadeInOneStep(FxRobot robot) {
        robot.write("SOCH2150398").type(KeyCode.ENTER);
        robot.press(KeyCode.CONTROL).type(KeyCode.G).release(KeyCode.CONTROL);
        assertThat(visible(robot, "#safeguarding-pane")).isTrue();
        assertThat(robot.lookup("#sg-person").queryAs(Label.class).getText()).contains("SOCH2150398");
        assertThat(focusedId()).isEqualTo("sg-debt");
        assertThat(visible(robot, "#sg-protocol")).as("no indicator, no protocol").isFalse();

        robot.type(KeyCode.SPACE); // debt bondage
        assertThat(visible(robot, "#sg-protocol")).isTrue();
        assertThat(robot.lookup("#sg-hotline").queryAs(Label.class).getText()).contains("1288");
        assertThat(robot.lookup("#sg-trafficking-orgs").queryAs(Label.class).getText())
                .contains("Chab Dai Coalition").contains("IOM Cambodia").doesNotContain("KHANA");
        assertThat(robot.lookup("#sg-child-orgs").queryAs(Label.class).getText()).contains("Chab Dai Coalition")
                .doesNotContain("IOM");
        assertThat(robot.lookup("#sg-refer-trafficking").queryAs(CheckBox.class).isSelected())
                .as("the referral is proposed").isTrue();
        robot.type(KeyCode.TAB, 5);
        assertThat(focusedId()).isEqualTo("sg-refer-trafficking");
        robot.type(KeyCode.TAB);
        assertThat(focusedId()).isEqualTo("sg-trafficking-dest");
        robot.write("i");
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);

        assertThat(visible(robot, "#safeguarding-pane")).isFalse();
        assertThat(focusedId()).isEqualTo("desk-uic");
        assertThat(robot.lookup("#desk-message").queryAs(Label.class).getText())
                .startsWith("Safeguarding screen saved with 1 referral");
        List<SafeguardingScreen> screens = ui.ws.read(Permission.RECORDS, tx -> tx.safeguarding().forContact(adult.id()));
        assertThat(screens).singleElement().satisfies(s -> {
            assertThat(s.debtBondage()).isTrue();
            assertThat(s.under18()).isFalse();
            assertThat(s.protocolShown()).isTrue();
            assertThat(s.siteId()).isEqualTo(ktv.meta().id());
            assertThat(s.staffId()).isEqualTo(ow1.meta().id());
        });
        List<Referral> refs = ui.ws.read(Permission.RECORDS, tx -> tx.referrals().forContact(adult.id()));
        assertThat(refs).singleElement().satisfies(r -> {
            assertThat(r.serviceType()).isEqualTo(ServiceType.TRAFFICKING);
            assertThat(r.directoryEntryId()).isEqualTo(iom.meta().id());
            assertThat(r.status()).isEqualTo(ReferralStatus.PENDING);
            assertThat(screens.get(0).referralId()).isEqualTo(r.id());
        });
    }

    @Test
    void someoneUnder18RecordedAsASexWorkerSwitchesTheDeskToTheProtocol(FxRobot robot) {
        robot.write("navi2050310").type(KeyCode.ENTER);
        assertThat(visible(robot, "#safeguarding-pane")).as("the form switched by itself").isTrue();
        assertThat(robot.lookup("#sg-under18").queryAs(CheckBox.class).isSelected()).isTrue();
        assertThat(visible(robot, "#sg-protocol")).isTrue();
        assertThat(robot.lookup("#sg-message").queryAs(Label.class).getText())
                .contains("under 18").contains("never recorded as a sex worker").contains("OTHER");
        assertThat(robot.lookup("#sg-refer-child").queryAs(CheckBox.class).isSelected()).isTrue();
        assertThat(robot.lookup("#sg-refer-trafficking").queryAs(CheckBox.class).isSelected()).isFalse();
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);

        assertThat(visible(robot, "#safeguarding-pane")).isFalse();
        long encounters = ui.ws.read(Permission.RECORDS, tx -> tx.encounters().count());
        assertThat(encounters).as("no encounter of a child as a sex worker").isZero();
        List<Referral> refs = ui.ws.read(Permission.RECORDS, tx -> tx.referrals().forContact(child.id()));
        assertThat(refs).extracting(Referral::serviceType).containsExactly(ServiceType.CHILD_PROTECTION);
        Contact now = ui.ws.read(Permission.RECORDS, tx -> tx.contacts().findById(child.id())).orElseThrow();
        assertThat(now.kpType()).isEqualTo(KpType.OTHER);
    }

    @Test
    void aNewPersonUnder18FromTheUicBuilderGoesToTheProtocolAndIsNeverRecordedAsASexWorker(FxRobot robot) {
        robot.press(KeyCode.CONTROL).type(KeyCode.N).release(KeyCode.CONTROL);
        Window w = robot.window(x -> x.getScene() != null && x.getScene().lookup("#uic-builder") != null);
        robot.targetWindow(w);
        robot.write("ch").type(KeyCode.ENTER).write("da").type(KeyCode.ENTER).write("f").type(KeyCode.ENTER)
                .write("2").type(KeyCode.ENTER).write("2").type(KeyCode.ENTER).write("2011").type(KeyCode.ENTER)
                .type(KeyCode.ENTER).write("fs");
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        assertThat(w.isShowing()).isFalse();
        robot.targetWindow(main);
        assertThat(visible(robot, "#safeguarding-pane")).isTrue();
        assertThat(robot.lookup("#sg-person").queryAs(Label.class).getText()).contains("not yet recorded")
                .contains("CHDA2020211");
        assertThat(robot.lookup("#sg-under18").queryAs(CheckBox.class).isSelected()).isTrue();
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);

        Contact created = ui.ws.read(Permission.RECORDS, tx -> tx.contacts().findByUic(Uic.parse("CHDA2020211")))
                .orElseThrow();
        assertThat(created.kpType()).isEqualTo(KpType.OTHER);
        assertThat(created.birthYear()).isEqualTo(2011);
        List<Referral> refs = ui.ws.read(Permission.RECORDS, tx -> tx.referrals().forContact(created.id()));
        assertThat(refs).extracting(Referral::serviceType).containsExactly(ServiceType.CHILD_PROTECTION);
    }

    @Test
    void goingBackSavesNothing(FxRobot robot) {
        robot.write("SOCH2150398").type(KeyCode.ENTER);
        robot.press(KeyCode.CONTROL).type(KeyCode.G).release(KeyCode.CONTROL);
        robot.type(KeyCode.SPACE).type(KeyCode.ESCAPE);
        assertThat(visible(robot, "#safeguarding-pane")).isFalse();
        assertThat(focusedId()).isEqualTo("desk-uic");
        List<SafeguardingScreen> screens = ui.ws.read(Permission.RECORDS, tx -> tx.safeguarding().forContact(adult.id()));
        assertThat(screens).isEmpty();
    }
}
