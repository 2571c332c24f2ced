package org.outreachdesk.ui.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.ContactService;
import org.outreachdesk.app.DeskFixtures;
import org.outreachdesk.app.EncounterService;
import org.outreachdesk.app.MergeService.PossibleDuplicate;
import org.outreachdesk.app.Permission;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.ContactFilter;
import org.outreachdesk.domain.ContactStatus;
import org.outreachdesk.domain.Encounter;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.ui.DeskUi;
import org.outreachdesk.ui.common.Wrapped;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The possible-duplicates screen: merge a pair keeping the UIC chosen, or keep it apart, with the mouse. */
@ExtendWith(ApplicationExtension.class)
class DuplicatesViewTest {

    @TempDir
    Path dir;

    DeskUi ui;
    Contact soch;
    Contact soci;
    Contact davi;

    @Start
    void start(Stage stage) {
        ui = new DeskUi(dir);
        DeskFixtures fx = new DeskFixtures(ui.ws);
        Site ktv = fx.site("KTV-03", "Golden Star KTV");
        Staff ow1 = fx.staff("OW01", "Team A");
        LocalDate first = LocalDate.of(2026, 10, 1);
        soch = fx.contact("SOCH2150398", KpType.FEW, 1998, ktv, ow1, first, ContactStatus.ACTIVE);
        soci = fx.contact("SOCI2150398", KpType.FEW, 1998, ktv, ow1, first, ContactStatus.ACTIVE);
        davi = fx.contact("DAVI2010101", KpType.FEW, 2001, ktv, ow1, first, ContactStatus.ACTIVE);
        fx.contact("DAVI1010101", KpType.MSM, 2001, ktv, ow1, first, ContactStatus.ACTIVE);
        fx.contact("ROMA2030303", KpType.FEW, 2003, ktv, ow1, first, ContactStatus.ACTIVE);
        EncounterService enc = new EncounterService(ui.ws);
        enc.save(EncounterService.Draft.of(soch.id(), LocalDate.of(2026, 10, 2), ow1.meta().id(), ktv.meta().id()));
        enc.save(EncounterService.Draft.of(soci.id(), LocalDate.of(2026, 10, 9), ow1.meta().id(), ktv.meta().id()));
        ui.show(stage, DuplicatesView::new);
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        ui.ws.close();
    }

    @SuppressWarnings("unchecked")
    private TableView<PossibleDuplicate> table(FxRobot robot) {
        return robot.lookup("#duplicates-table").queryAs(TableView.class);
    }

    private Node rowOf(FxRobot robot, String uic) {
        return robot.lookup(".table-row-cell").match((Node n) -> n instanceof TableRow<?> r
                && r.getItem() instanceof PossibleDuplicate p && p.a().contact().uic().value().equals(uic)).query();
    }

    @Test
    void mergingAPairKeepsTheChosenUicAndMovesTheOthersEncounters(FxRobot robot) {
        assertThat(table(robot).getItems()).extracting(p -> p.a().contact().uic().value() + "~"
                + p.b().contact().uic().value()).containsExactly("DAVI1010101~DAVI2010101", "SOCH2150398~SOCI2150398");
        robot.clickOn(rowOf(robot, "SOCH2150398"));
        robot.clickOn("#duplicates-keep-second");

        assertThat(table(robot).getItems()).extracting(p -> p.a().contact().uic().value())
                .containsExactly("DAVI1010101");
        assertThat(robot.lookup("#duplicates-message").queryAs(Wrapped.class).sourceProperty()
                .get()).isEqualTo("Merged: SOCI2150398 stays.");
        ContactService contacts = new ContactService(ui.ws);
        assertThat(contacts.lookup("SOCH2150398").orElseThrow().contact().id()).isEqualTo(soci.id());
        List<Encounter> met = ui.ws.read(Permission.RECORDS, tx -> tx.encounters().forContact(soci.id()));
        assertThat(met).extracting(Encounter::date).containsExactly(LocalDate.of(2026, 10, 9), LocalDate.of(2026, 10, 2));
        assertThat(contacts.count(ContactFilter.ALL)).isEqualTo(4);
    }

    @Test
    void aPairKeptApartIsNotShownAgain(FxRobot robot) {
        robot.clickOn(rowOf(robot, "DAVI1010101"));
        robot.clickOn("#duplicates-apart");
        assertThat(table(robot).getItems()).extracting(p -> p.a().contact().uic().value())
                .containsExactly("SOCH2150398");
        DuplicatesViewModel fresh = new DuplicatesViewModel(ui.ctx);
        fresh.load();
        assertThat(fresh.pairs()).extracting(p -> p.a().contact().uic().value()).containsExactly("SOCH2150398");
        assertThat(new ContactService(ui.ws).count(ContactFilter.ALL)).isEqualTo(5);
        assertThat(davi.id()).isNotNull();
    }
}
