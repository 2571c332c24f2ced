package org.outreachdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.AuditEntry;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.ContactStatus;
import org.outreachdesk.domain.Encounter;
import org.outreachdesk.domain.Gender;
import org.outreachdesk.domain.HivStatus;
import org.outreachdesk.domain.ImportPlan;
import org.outreachdesk.domain.ImportPreviewRow;
import org.outreachdesk.domain.ImportProblem;
import org.outreachdesk.domain.ImportProblemCode;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.Referral;
import org.outreachdesk.domain.ReferralStatus;
import org.outreachdesk.domain.Role;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.Uic;
import org.outreachdesk.importer.TestRegisters;

/** Register import end to end on a real vault: all or nothing, idempotent, audited, role-checked. */
class ImportServiceTest {

    @TempDir
    Path dir;

    private Workspace ws;

    @AfterEach
    void lock() {
        if (ws != null && ws.isOpen()) {
            ws.close();
        }
    }

    private ImportService as(Role role) {
        ws = TestWorkspaces.as(role, dir.resolve("vault"));
        return new ImportService(ws);
    }

    private long[] counts() {
        return ws.read(Permission.RECORDS, tx -> new long[] {tx.contacts().count(), tx.encounters().count(),
            tx.referrals().count(), tx.sites().list(false).size(), tx.staff().list(false).size()});
    }

    private List<AuditEntry> imports() {
        return ws.vault().database().read(tx -> tx.audit().latest(100)).stream()
                .filter(e -> e.action() == AuditAction.IMPORT).toList();
    }

    @Test
    void aGoodRegisterIsImportedWithItsContactsEncountersReferralsSitesAndStaff() throws IOException {
        ImportService imports = as(Role.COORDINATOR);
        ImportPlan plan = imports.importFile(TestRegisters.goodCsv(dir));
        assertThat(plan.isValid()).isTrue();
        assertThat(plan.rows()).isEqualTo(4);
        assertThat(plan.contactsNew()).isEqualTo(2);
        assertThat(plan.contactsMatched()).isZero();
        assertThat(plan.encountersNew()).isEqualTo(3);
        assertThat(plan.encountersPresent()).isEqualTo(1); // row 5 repeats row 2 exactly
        assertThat(plan.referralsNew()).isEqualTo(2);
        assertThat(plan.sitesNew()).containsExactly("BG-01", "KTV-03");
        assertThat(plan.staffNew()).containsExactly("OW01", "OW02");
        assertThat(counts()).containsExactly(2, 3, 2, 2, 2);

        Contact c = ws.read(Permission.RECORDS, tx -> tx.contacts().findByUic(Uic.parse("SOCH2150398"))).orElseThrow();
        assertThat(c.gender()).isEqualTo(Gender.F);
        assertThat(c.kpType()).isEqualTo(KpType.FEW);
        assertThat(c.birthYear()).isEqualTo(1998);
        assertThat(c.firstContactDate()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(c.status()).isEqualTo(ContactStatus.ACTIVE);
        UUID ktv = ws.read(Permission.RECORDS, tx -> tx.sites().findByCode("KTV-03")).orElseThrow().meta().id();
        assertThat(c.homeSiteId()).isEqualTo(ktv);

        List<Encounter> encounters = ws.read(Permission.RECORDS, tx -> tx.encounters().forContact(c.id()));
        assertThat(encounters).extracting(Encounter::date, Encounter::hivStatus, Encounter::note).containsExactly(
                tuple(LocalDate.of(2026, 10, 2), null, TestRegisters.KHMER_NOTE),
                tuple(LocalDate.of(2026, 10, 1), HivStatus.TESTED, "first visit"));
        assertThat(encounters.get(1).quantities()).isEqualTo(new Encounter.Quantities(10, 2, 5, 1));
        List<Referral> referrals = ws.read(Permission.RECORDS, tx -> tx.referrals().forEncounter(encounters.get(1).id()));
        assertThat(referrals).extracting(Referral::serviceType, Referral::status, Referral::madeDate).containsExactly(
                tuple(ServiceType.HTS, ReferralStatus.PENDING, LocalDate.of(2026, 10, 1)),
                tuple(ServiceType.STI, ReferralStatus.PENDING, LocalDate.of(2026, 10, 1)));
    }

    @Test
    void importingTheSameFileTwiceAddsNothing() throws IOException {
        ImportService imports = as(Role.MANAGER);
        Path file = TestRegisters.goodCsv(dir);
        imports.importFile(file);
        long[] once = counts();
        ImportPlan again = imports.importFile(file);
        assertThat(counts()).containsExactly(once);
        assertThat(again.contactsNew()).isZero();
        assertThat(again.contactsMatched()).isEqualTo(2);
        assertThat(again.encountersNew()).isZero();
        assertThat(again.encountersPresent()).isEqualTo(4);
        assertThat(again.referralsNew()).isZero();
        assertThat(again.sitesNew()).isEmpty();
        assertThat(again.staffNew()).isEmpty();
        assertThat(imports()).hasSize(2);
    }

    @Test
    void theSameVisitsFromAnXlsxAfterTheCsvAreAlreadyPresentAndOnlyTheNewOnesAreAdded() throws IOException {
        ImportService imports = as(Role.ADMIN);
        imports.importFile(TestRegisters.goodCsv(dir));
        ImportPlan plan = imports.dryRun(TestRegisters.goodXlsx(dir));
        assertThat(plan.isValid()).isTrue();
        // xlsx row 2 = csv row 2 (already present); rows 3 and 4 are new visits, MEPI is a new person
        assertThat(plan.encountersPresent()).isEqualTo(1);
        assertThat(plan.encountersNew()).isEqualTo(2);
        assertThat(plan.contactsMatched()).isEqualTo(2);
        assertThat(plan.contactsNew()).isEqualTo(1);
        assertThat(plan.referralsNew()).isEqualTo(2);
        assertThat(plan.preview()).extracting(ImportPreviewRow::row, ImportPreviewRow::newContact,
                ImportPreviewRow::newEncounter).containsExactly(tuple(2, false, false), tuple(3, false, true),
                tuple(4, true, true));
    }

    @Test
    void aDryRunStoresNothingAndPreviewsTheRowsAsUnderstood() throws IOException {
        ImportService imports = as(Role.COORDINATOR);
        ImportPlan plan = imports.dryRun(TestRegisters.goodCsv(dir));
        assertThat(counts()).containsExactly(0, 0, 0, 0, 0);
        assertThat(imports()).isEmpty();
        assertThat(plan.encountersNew()).isEqualTo(3);
        ImportPreviewRow second = plan.preview().get(1);
        assertThat(second.row()).isEqualTo(3);
        assertThat(second.date()).isEqualTo(LocalDate.of(2026, 10, 2));
        assertThat(second.uic().value()).isEqualTo("SOCH2150398");
        assertThat(second.worker()).isEqualTo("OW01");
        assertThat(second.site()).isEqualTo("KTV-03");
        assertThat(second.hasNotes()).isTrue();
        assertThat(second.newContact()).isTrue();
        assertThat(second.newEncounter()).isTrue();
        assertThat(plan.preview().get(3).newEncounter()).isFalse();
    }

    @Test
    void oneBadRowAnywhereMeansNothingIsStored() throws IOException {
        ImportService imports = as(Role.COORDINATOR);
        Path file = TestRegisters.csv(dir, "bad.csv", List.of(TestRegisters.HEADER,
                "2026-10-01,SOCH2150398,OW01,KTV-03,F,1998,FEW,10,2,5,1,tested,HTS;STI,ok",
                "31/02/2026,SOCH2150398,OW01,KTV-03,F,1998,FEW,,,,,,,",
                "2026-10-03,DAKA2010195,OW02,BG-01,TGW,1995,TG,-1,,,,,,"), "\r\n", true);
        assertThatThrownBy(() -> imports.importFile(file))
                .isInstanceOf(RegisterRejectedException.class)
                .hasMessage("the register has 2 problems in 2 rows; nothing was imported")
                .satisfies(e -> assertThat(((RegisterRejectedException) e).plan().problems())
                        .extracting(ImportProblem::row, ImportProblem::column)
                        .containsExactly(tuple(3, "date"), tuple(4, "male_condoms")));
        assertThat(counts()).containsExactly(0, 0, 0, 0, 0);
        assertThat(imports()).isEmpty();
    }

    @Test
    void aVisitRepeatedWithOtherValuesIsAProblemNotAGuess() throws IOException {
        ImportService imports = as(Role.COORDINATOR);
        Path file = TestRegisters.csv(dir, "dup.csv", List.of("date,uic,worker,site,gender,kp_type,male_condoms",
                "2026-10-01,SOCH2150398,OW01,KTV-03,F,FEW,10",
                "2026-10-01,SOCH2150398,OW01,KTV-03,F,FEW,12"), "\n", false);
        ImportPlan plan = imports.dryRun(file);
        assertThat(plan.problems()).extracting(ImportProblem::row, ImportProblem::code).containsExactly(
                tuple(3, ImportProblemCode.DUPLICATE_VISIT));
        assertThat(plan.problems().get(0).problem()).contains("row 2");
    }

    @Test
    void aChildKnownFromAnotherRowOrTheVaultIsNeverImportedAsASexWorker() throws IOException {
        ImportService imports = as(Role.COORDINATOR);
        // the first row gives the birth year (2010: 16 in 2026) with KP type OTHER; row 3 says FEW
        Path withinFile = TestRegisters.csv(dir, "a.csv", List.of("date,uic,worker,site,gender,birth_year,kp_type",
                "2026-10-01,MEPI2990999,OW01,KTV-03,F,2010,OTHER",
                "2026-10-02,MEPI2990999,OW01,KTV-03,F,,FEW"), "\n", false);
        assertThat(imports.dryRun(withinFile).problems())
                .extracting(ImportProblem::row, ImportProblem::column, ImportProblem::code)
                .containsExactly(tuple(3, "kp_type", ImportProblemCode.CHILD_AS_SEX_WORKER));

        imports.importFile(TestRegisters.csv(dir, "b.csv", List.of("date,uic,worker,site,gender,birth_year,kp_type",
                "2026-10-01,MEPI2990999,OW01,KTV-03,F,2010,OTHER"), "\n", false));
        Path later = TestRegisters.csv(dir, "c.csv", List.of("date,uic,worker,site,gender,kp_type",
                "2026-10-05,MEPI2990999,OW01,KTV-03,F,FSW"), "\n", false);
        assertThatThrownBy(() -> imports.importFile(later)).isInstanceOf(RegisterRejectedException.class)
                .satisfies(e -> assertThat(((RegisterRejectedException) e).plan().problems())
                        .extracting(ImportProblem::code).containsExactly(ImportProblemCode.CHILD_AS_SEX_WORKER));
        assertThat(counts()[1]).isEqualTo(1);
    }

    @Test
    void theImportIsAuditedWithTheFilesHashAndCountsButNoContent() throws IOException {
        ImportService imports = as(Role.COORDINATOR);
        ImportPlan plan = imports.importFile(TestRegisters.goodCsv(dir));
        List<AuditEntry> entries = imports();
        assertThat(entries).hasSize(1);
        AuditEntry e = entries.get(0);
        assertThat(e.userName()).isEqualTo("coordinator");
        assertThat(e.recordType()).isEqualTo("register");
        assertThat(e.recordId()).isEqualTo(plan.sha256());
        assertThat(e.detail()).contains("sha256=" + plan.sha256()).contains("encounters_new=3")
                .contains("contacts_new=2").contains("referrals_new=2")
                .doesNotContain("SOCH").doesNotContain("first visit").doesNotContain("OW01");
        assertThat(ws.vault().database().read(tx -> ws.vault().audit().verify(tx)).intact()).isTrue();
    }

    @Test
    void anOutreachWorkerMayNotImportOrEvenCheckARegister() throws IOException {
        ImportService imports = as(Role.OUTREACH_WORKER);
        Path file = TestRegisters.goodCsv(dir);
        assertThat(imports.allowed()).isFalse();
        assertThatThrownBy(() -> imports.dryRun(file)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> imports.importFile(file)).isInstanceOf(AccessDeniedException.class);
        assertThat(counts()).containsExactly(0, 0, 0, 0, 0);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"ADMIN", "MANAGER", "COORDINATOR"})
    void coordinatorsManagersAndAdminsMayImport(Role role) throws IOException {
        ImportService imports = as(role);
        assertThat(imports.allowed()).isTrue();
        assertThat(imports.importFile(TestRegisters.goodCsv(dir)).encountersNew()).isEqualTo(3);
    }

    @Test
    void aFileChangedAfterItsCheckIsNotImported() throws IOException {
        ImportService imports = as(Role.COORDINATOR);
        Path file = TestRegisters.goodCsv(dir);
        ImportPlan checked = imports.dryRun(file);
        Files.writeString(file, "\n2026-10-06,MEPI1220702,OW09,S9,M,,MSM,,,,,,,", java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(() -> imports.importFile(file, checked.sha256())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("changed after it was checked");
        assertThat(counts()).containsExactly(0, 0, 0, 0, 0);
    }

    @Test
    void aCheckMadeStaleByAnotherImportIsRefusedNotDoubled() throws IOException {
        ImportService wizard = as(Role.COORDINATOR);
        Path file = TestRegisters.goodCsv(dir);
        ImportPlan checked = wizard.dryRun(file);
        assertThat(checked.encountersNew()).isEqualTo(3);
        new ImportService(ws).importFile(file);
        assertThatThrownBy(() -> wizard.importFile(file, checked.sha256())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("the vault changed");
        assertThat(counts()).containsExactly(2, 3, 2, 2, 2);
        assertThat(imports()).hasSize(1);
        // checked again, it is simply already present
        assertThat(wizard.importFile(file).encountersPresent()).isEqualTo(4);
    }

    @Test
    void aFileThatIsNoRegisterIsInvalidInput() throws IOException {
        ImportService imports = as(Role.COORDINATOR);
        Path pdf = Files.writeString(dir.resolve("register.pdf"), "%PDF");
        assertThatThrownBy(() -> imports.dryRun(pdf)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(".csv or an .xlsx");
        assertThatThrownBy(() -> imports.importFile(dir.resolve("nowhere.csv"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("does not exist");
    }
}
