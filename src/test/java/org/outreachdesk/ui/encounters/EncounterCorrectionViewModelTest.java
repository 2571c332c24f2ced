package org.outreachdesk.ui.encounters;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.DeskFixtures;
import org.outreachdesk.app.EncounterCorrectionService;
import org.outreachdesk.app.EncounterCorrectionService.Listed;
import org.outreachdesk.app.EncounterService;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.ChangeKind;
import org.outreachdesk.domain.Commodity;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.Encounter;
import org.outreachdesk.domain.HivStatus;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.RecordChange;
import org.outreachdesk.domain.Role;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.domain.VoidReason;
import org.outreachdesk.ui.ops.OpsUiTests;

/**
 * The correction form and the Encounters list on a real vault, as an outreach worker: her own encounter of today
 * can be corrected (every field of the desk, referrals added) and voided; the coordinator's cannot, in the form
 * (read-only) and in the service (refused even when asked).
 */
class EncounterCorrectionViewModelTest {

    @TempDir
    Path dir;

    private Workspace ws;
    private Encounter own;
    private Encounter others;
    private Site bar;

    @BeforeEach
    void setUp() {
        TestWorkspaces.as(Role.OUTREACH_WORKER, dir).close();
        Staff ow1;
        try (Workspace admin = TestWorkspaces.vaults().unlock(dir, "admin", TestWorkspaces.PASSWORD.toCharArray())) {
            DeskFixtures fx = new DeskFixtures(admin);
            Site ktv = fx.site("KTV-03", "Golden Star KTV");
            bar = fx.site("BG-01", "Riverside beer garden");
            ow1 = fx.staff("OW01", "Team A");
            fx.org("KHANA", ServiceType.HTS, ServiceType.STI);
            Contact sokha = fx.contact("SOCH2150398", KpType.FEW, 1998, ktv, ow1);
            fx.receive(Commodity.MALE_CONDOM, 500, "Team A");
            others = new EncounterService(admin).save(EncounterService.Draft.of(sokha.id(), admin.today().minusDays(1),
                    ow1.meta().id(), ktv.meta().id()).withQuantities(30, 0, 0, 0)).encounter();
        }
        ws = TestWorkspaces.vaults().unlock(dir, "outreach-worker", TestWorkspaces.PASSWORD.toCharArray());
        Contact sokha = new DeskFixtures(ws).contact("DAVI2010190", KpType.FSW, 1990, bar, ow1);
        own = new EncounterService(ws).save(EncounterService.Draft.of(sokha.id(), ws.today(), ow1.meta().id(),
                bar.meta().id()).withQuantities(100, 0, 5, 0)).encounter();
    }

    @AfterEach
    void tearDown() {
        ws.close();
    }

    private EncounterCorrectionViewModel opened(Encounter e) {
        EncounterCorrectionViewModel vm = new EncounterCorrectionViewModel(OpsUiTests.context(ws));
        vm.open(e.id());
        return vm;
    }

    @Test
    void everyFieldOfTheDeskIsCorrectedAndAReferralAdded() {
        EncounterCorrectionViewModel vm = opened(own);
        EncounterFields f = vm.fields();
        assertThat(vm.mayChangeProperty().get()).isTrue();
        assertThat(f.quantityProperty(Commodity.MALE_CONDOM).get()).isEqualTo("100");
        assertThat(f.quantityProperty(Commodity.LUBRICANT).get()).isEqualTo("5");
        assertThat(f.siteProperty().get().code()).isEqualTo("BG-01");
        boolean[] changed = {false};
        vm.setOnChanged(() -> changed[0] = true);

        f.quantityProperty(Commodity.MALE_CONDOM).set("10");
        f.quantityProperty(Commodity.LUBRICANT).set("");
        f.hivStatusProperty().set(HivStatus.REFERRED_FOR_TEST);
        f.stiScreenedProperty().set(true);
        f.noteProperty().set("asked about PrEP");
        f.referralProperty(ServiceType.HTS).set(true);
        vm.save();

        assertThat(changed[0]).isTrue();
        assertThat(vm.status().errorProperty().get()).isFalse();
        EncounterCorrectionService service = new EncounterCorrectionService(ws);
        EncounterCorrectionService.Opened now = service.open(own.id());
        assertThat(now.encounter().quantities().of(Commodity.MALE_CONDOM)).isEqualTo(10);
        assertThat(now.encounter().quantities().of(Commodity.LUBRICANT)).isZero();
        assertThat(now.encounter().hivStatus()).isEqualTo(HivStatus.REFERRED_FOR_TEST);
        assertThat(now.encounter().note()).isEqualTo("asked about PrEP");
        assertThat(now.referrals()).extracting(r -> r.serviceType()).containsExactly(ServiceType.HTS);
        RecordChange c = service.historyOf(own.id()).get(0);
        assertThat(c.kind()).isEqualTo(ChangeKind.CORRECT);
        assertThat(c.fieldNames()).isEqualTo("hivStatus,lubricants,maleCondoms,note,referrals,stiScreened");

        List<RecordChange> read = new ArrayList<>();
        opened(own).history(read::addAll);
        assertThat(read).hasSize(1);
    }

    @Test
    void aProblemIsShownAtItsFieldAndNothingIsSaved() {
        EncounterCorrectionViewModel vm = opened(own);
        vm.fields().dateProperty().set(null);
        vm.save();
        assertThat(vm.fields().errors()).as(vm.status().messageProperty().get()).containsKey("date");
        assertThat(vm.status().errorProperty().get()).isTrue();
        assertThat(new EncounterCorrectionService(ws).historyOf(own.id())).isEmpty();
    }

    @Test
    void anotherUsersEncounterOpensReadOnlyAndTheServiceRefusesItAnyway() {
        EncounterCorrectionViewModel vm = opened(others);
        assertThat(vm.mayChangeProperty().get()).isFalse();
        assertThat(vm.status().messageProperty().get()).contains("last 7 days");
        vm.fields().quantityProperty(Commodity.MALE_CONDOM).set("3");
        vm.voidIt(VoidReason.OTHER);
        assertThat(vm.status().errorProperty().get()).isTrue();
        vm.save();
        assertThat(vm.status().errorProperty().get()).isTrue();
        assertThat(new EncounterCorrectionService(ws).open(others.id()).encounter().quantities()
                .of(Commodity.MALE_CONDOM)).isEqualTo(30);
        assertThat(new EncounterCorrectionService(ws).historyOf(others.id())).isEmpty();
    }

    @Test
    void theListFiltersBySiteAndVoidsOnlyWhatTheUserMayChange() {
        EncounterListViewModel list = new EncounterListViewModel(OpsUiTests.context(ws));
        list.load();
        assertThat(list.rows()).extracting(Listed::uic).containsExactly("DAVI2010190", "SOCH2150398");
        assertThat(list.mayChange(list.rows().get(0))).isTrue();
        assertThat(list.mayChange(list.rows().get(1))).isFalse();

        list.siteProperty().set(bar);
        list.apply();
        assertThat(list.rows()).extracting(Listed::uic).containsExactly("DAVI2010190");
        list.fromProperty().set(ws.today().plusDays(1));
        list.apply();
        assertThat(list.rows()).isEmpty();
        assertThat(list.paging().totalProperty().get()).isZero();

        list.fromProperty().set(null);
        list.siteProperty().set(null);
        list.apply();
        list.selectedProperty().set(list.rows().get(0));
        list.voidSelected(VoidReason.WRONG_PERSON);
        assertThat(list.rows().get(0).encounter().voidReason()).isEqualTo(VoidReason.WRONG_PERSON);
        assertThat(list.mayChange(list.rows().get(0))).isFalse();
    }
}
