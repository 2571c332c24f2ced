package org.outreachdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.AccessDeniedException;
import org.outreachdesk.app.AppException;
import org.outreachdesk.app.InvalidInputException;
import org.outreachdesk.app.Permission;
import org.outreachdesk.app.ReportRequest;
import org.outreachdesk.app.ReportService;
import org.outreachdesk.app.SiteService;
import org.outreachdesk.app.StockService;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.app.UserService;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.Commodity;
import org.outreachdesk.domain.InvalidPeriodException;
import org.outreachdesk.domain.MovementKind;
import org.outreachdesk.domain.NationalFormat;
import org.outreachdesk.domain.ReportAudience;
import org.outreachdesk.domain.Role;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.VenueType;
import org.outreachdesk.ui.importer.ImportViewModel;
import org.outreachdesk.ui.settings.SettingsViewModel;
import org.outreachdesk.ui.common.ShellViewModel;
import org.outreachdesk.ui.stock.StockViewModel;
import org.outreachdesk.ui.task.ImmediateTaskExecutor;
import org.outreachdesk.ui.common.Failures;
import org.outreachdesk.ui.common.UiContext;
import org.outreachdesk.ui.common.Messages;

/**
 * Services' failures keep their English message (for the command line and the log) and carry a key the desktop
 * translates: a Khmer user reads Khmer. Failures without a key still show their English message.
 */
class ServiceFailureTextTest {

    private final Messages km = new Messages(Locale.forLanguageTag("km"));
    private final Messages en = new Messages(Locale.ENGLISH);

    @Test
    void aKeyedFailureIsShownInTheUsersLanguageAndKeepsItsEnglishMessage(@TempDir Path dir) {
        AppException e;
        try (Workspace ws = TestWorkspaces.as(Role.MANAGER, dir.resolve("v"))) {
            e = catching(() -> new ReportService(ws).export(ReportRequest.of("2026-10", ReportAudience.DONOR),
                    dir.resolve("r.xlsx"), "short".toCharArray()));
        }
        assertThat(e.getMessage()).isEqualTo("the file password must have at least 8 characters");
        assertThat(e.key()).isEqualTo("report.passwordShort");
        assertThat(km.of(e)).isEqualTo("ពាក្យសម្ងាត់ឯកសារ ត្រូវមានយ៉ាងហោចណាស់ 8 តួអក្សរ។");
        assertThat(en.of(e)).isEqualTo("The file password must have at least 8 characters.");
        assertThat(Failures.describe(e, km)).isEqualTo(km.of(e));
    }

    @Test
    void aBadNationalMappingIsRefusedInKhmerWithItsLine(@TempDir Path dir) throws Exception {
        Path mapping = dir.resolve("m.csv");
        Files.writeString(mapping, "data_set,DS\norg_unit,OU\n\nSummary,Encounters,Value,DE1\nSummary,Encounters,Nope,DE2\n");
        AppException e;
        AppException noDataSet;
        try (Workspace ws = TestWorkspaces.as(Role.MANAGER, dir.resolve("v"))) {
            ReportService reports = new ReportService(ws);
            e = catching(() -> reports.exportNational(ReportRequest.of("2026-10", ReportAudience.INTERNAL),
                    NationalFormat.ADX, mapping, dir.resolve("out.xml")));
            Files.writeString(mapping, "org_unit,OU\nSummary,Encounters,Value,DE1\n");
            noDataSet = catching(() -> reports.exportNational(ReportRequest.of("2026-10", ReportAudience.INTERNAL),
                    NationalFormat.DHIS2_JSON, mapping, dir.resolve("out.json")));
        }
        assertThat(e.getMessage()).isEqualTo("mapping line 5: table Summary has no figure column 'Nope' (columns: Value)");
        assertThat(en.of(e)).isEqualTo("Mapping line 5: table Summary has no figure column 'Nope' (columns: Value).");
        assertThat(km.of(e)).isEqualTo("ឯកសារផ្គូផ្គង បន្ទាត់ទី 5៖ តារាង Summary គ្មានជួរឈរតួលេខ 'Nope' ទេ (ជួរឈរ៖ Value)។");
        assertThat(km.of(noDataSet)).isEqualTo("ឯកសារផ្គូផ្គង គ្មានបន្ទាត់ data_set ទេ (data_set,CODE)។");
        assertThat(dir.resolve("out.xml")).doesNotExist();
    }

    @Test
    void accessDeniedAndUnkeyedFailures() {
        assertThat(km.of(new AccessDeniedException(Permission.IMPORT))).isEqualTo("តួនាទីរបស់អ្នកមិនអនុញ្ញាតឱ្យធ្វើការនេះទេ។");
        AppException plain = new InvalidInputException("something only in English");
        assertThat(km.of(plain)).isEqualTo("something only in English");
        AppException unknownKey = new InvalidInputException("still English").keyed("no.such.key");
        assertThat(km.of(unknownKey)).isEqualTo("still English");
    }

    @Test
    void everyKeyedTextExistsInBothLanguages() {
        for (String key : new String[] {"denied", "contact.gone", "contact.changed", "import.fileChanged",
            "import.vaultChanged", "referral.outcome", "referral.outcomeBeforeMade", "referral.closed",
            "report.passwordShort", "report.notSaved", "report.noFile",
            "report.fileName", "report.noFolder", "report.isFolder", "mapping.none", "mapping.unreadable",
            "period.noDhis2Period"}) {
            assertThat(en.get("error.app." + key, "X")).as(key).doesNotStartWith("!");
            assertThat(km.get("error.app." + key, "X")).as(key).doesNotStartWith("!")
                    .matches(s -> s.codePoints().anyMatch(c -> c >= 0x1780 && c <= 0x17FF), "Khmer");
        }
    }

    @Test
    void englishIsEnglishOnALaptopWhoseLanguageIsKhmer() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("km-KH"));
            assertThat(new Messages(Locale.ENGLISH).get("error.app.contact.gone"))
                    .isEqualTo("The contact is no longer in the vault.");
            assertThat(new Messages(Locale.forLanguageTag("km")).get("error.app.contact.gone")).startsWith("អ្នក");
        } finally {
            Locale.setDefault(before);
        }
    }

    // --- khmer2: the rest of the services' failures, seen through the screens' view-models ---

    private static UiContext khmer(Workspace ws) {
        return new UiContext(ws, new ImmediateTaskExecutor(), new Messages(Locale.forLanguageTag("km")),
                new ShellViewModel());
    }

    private static boolean isKhmer(String s) {
        return s != null && s.codePoints().anyMatch(c -> c >= 0x1780 && c <= 0x17FF);
    }

    @Test
    void theImportScreenSaysInKhmerWhyAFileIsNoRegister(@TempDir Path dir) throws Exception {
        try (Workspace ws = TestWorkspaces.as(Role.MANAGER, dir.resolve("v"))) {
            ImportViewModel m = ImportViewModel.of(khmer(ws));
            m.check(Files.writeString(dir.resolve("register.xlsx"), "not a workbook"));
            assertThat(m.failureProperty().get())
                    .isEqualTo("មិនអាចអានឯកសារនេះជាសៀវភៅបញ្ជី Excel (.xlsx) បានទេ។ សូមរក្សាទុកវាពី Excel ជា "
                            + "\"Excel Workbook (.xlsx)\" ឬជា \"CSV UTF-8\"។");

            // a CSV saved in a legacy encoding: Khmer, with the line it stumbled on
            Path legacy = dir.resolve("legacy.csv");
            Files.write(legacy, new byte[] {'d', 'a', 't', 'e', '\n', 'x', (byte) 0xE9, 'y', '\n'});
            m.startOver();
            m.check(legacy);
            assertThat(m.failureProperty().get()).startsWith("ឯកសារនេះ មិនមែនជាអត្ថបទ UTF-8 ទេ (បន្ទាត់ទី 2)");

            m.startOver();
            m.check(Files.writeString(dir.resolve("register.txt"), "date"));
            assertThat(m.failureProperty().get()).isEqualTo("បញ្ជីកត់ត្រា ត្រូវតែជាឯកសារ .csv ឬ .xlsx។");
        }
    }

    @Test
    void theStockFormSaysInKhmerThatTooMuchIsIssued(@TempDir Path dir) {
        try (Workspace ws = TestWorkspaces.as(Role.MANAGER, dir.resolve("v"))) {
            StockViewModel m = new StockViewModel(khmer(ws));
            m.kindProperty().set(MovementKind.ISSUE);
            m.commodityProperty().set(Commodity.MALE_CONDOM);
            m.quantityProperty().set("40");
            m.saveMovement();
            assertThat(m.errorProperty().get()).isTrue();
            assertThat(m.messageProperty().get())
                    .isEqualTo("មានក្នុងស្តុកតែ 0 ប៉ុណ្ណោះ៖ ការបញ្ចេញ មិនអាចយកលើសពីស្តុកនៅសល់បានទេ។");
        }
    }

    @Test
    void aFieldsNameIsTranslatedInsideTheSentence(@TempDir Path dir) {
        try (Workspace ws = TestWorkspaces.as(Role.MANAGER, dir.resolve("v"))) {
            LocalDate tomorrow = ws.today().plusDays(1);
            AppException e = catching(() -> new StockService(ws).receive(Commodity.LUBRICANT, 5, tomorrow, null, null));
            // the command line's English is as it was
            assertThat(e.getMessage()).isEqualTo("The date cannot be in the future");
            assertThat(Failures.describe(e, km)).isEqualTo("កាលបរិច្ឆេទ មិនអាចជាថ្ងៃអនាគតបានទេ។");
            assertThat(Failures.describe(e, en)).isEqualTo("The date cannot be in the future.");

            AppException big = catching(() -> new StockService(ws).receive(Commodity.LUBRICANT, 0, ws.today(), null, null));
            assertThat(big.getMessage()).isEqualTo("The quantity must be 1-1,000,000");
            // the maximum is written the way the language writes numbers
            assertThat(Failures.describe(big, km)).startsWith("បរិមាណ ត្រូវនៅចន្លោះ 1-1").endsWith("000។");
        }
    }

    @Test
    void aRecordChangedElsewhereIsSaidInKhmer(@TempDir Path dir) {
        try (Workspace ws = TestWorkspaces.as(Role.MANAGER, dir.resolve("v"))) {
            SiteService sites = new SiteService(ws);
            SiteService.Draft draft = new SiteService.Draft("KTV-09", "Riverside", VenueType.KTV, null, null, null);
            Site read = sites.add(draft);
            sites.update(read, new SiteService.Draft("KTV-09", "Riverside KTV", VenueType.KTV, null, null, null));
            AppException e = catching(() -> sites.update(read, draft));
            assertThat(e.getMessage()).isEqualTo("the site was changed elsewhere; reload it and try again");
            assertThat(km.of(e)).isEqualTo("ទីតាំងនេះ ត្រូវបានកែប្រែនៅកន្លែងផ្សេង។ សូមបើកវាឡើងវិញ រួចព្យាយាមម្តងទៀត។");
            assertThat(en.of(e)).isEqualTo("The site was changed elsewhere; reload it and try again.");
        }
    }

    @Test
    void userManagementSaysInKhmerThatTheNameIsTaken(@TempDir Path dir) {
        try (Workspace ws = TestWorkspaces.admin(dir.resolve("v"))) {
            SettingsViewModel m = new SettingsViewModel(khmer(ws));
            m.newUserNameProperty().set(ws.user().name());
            m.newUserRoleProperty().set(Role.OUTREACH_WORKER);
            m.addUser("a long enough password".toCharArray(), "a long enough password".toCharArray());
            assertThat(m.users().errorProperty().get()).isEqualTo("មានអ្នកប្រើឈ្មោះនេះរួចហើយ។");

            AppException self = catching(() -> new UserService(ws).disable(ws.user().name()));
            assertThat(self.getMessage()).isEqualTo("you cannot disable your own account");
            assertThat(Failures.describe(self, km)).isEqualTo("អ្នកមិនអាចបិទគណនីរបស់អ្នកផ្ទាល់បានទេ។");
            assertThat(Failures.describe(self, en)).isEqualTo("You cannot disable your own account.");
        }
    }

    @Test
    void aPeriodThatIsNoPeriodIsSaidInKhmer() {
        // the period is read where it is chosen or typed; its problem is said in the user's language there
        InvalidPeriodException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                InvalidPeriodException.class, () -> ReportRequest.of("2026-13", ReportAudience.DONOR));
        assertThat(e.getMessage()).isEqualTo("'2026-13': the month must be 01 to 12");
        assertThat(km.of(e.problem(), e.getMessage())).isEqualTo("«2026-13»៖ ខែ ត្រូវនៅចន្លោះ 01 ដល់ 12។");
        assertThat(en.of(e.problem(), e.getMessage())).isEqualTo("'2026-13': the month must be 01 to 12.");
    }

    @Test
    void everyNewKeyedTextIsKhmerInKhmer() throws Exception {
        java.util.Properties p = new java.util.Properties();
        try (var in = getClass().getResourceAsStream("/i18n/messages.properties")) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        List<String> keys = p.stringPropertyNames().stream()
                .filter(k -> k.startsWith("error.app.") || k.startsWith("error.word.")).sorted().toList();
        assertThat(keys).hasSizeGreaterThan(100);
        for (String key : keys) {
            assertThat(km.get(key, 7, 8, 9)).as(key).matches(ServiceFailureTextTest::isKhmer, "Khmer");
        }
    }

    private static AppException catching(Runnable r) {
        try {
            r.run();
        } catch (AppException e) {
            return e;
        }
        throw new AssertionError("no failure");
    }
}
