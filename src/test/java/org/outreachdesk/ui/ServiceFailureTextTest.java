package org.outreachdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.AccessDeniedException;
import org.outreachdesk.app.AppException;
import org.outreachdesk.app.InvalidInputException;
import org.outreachdesk.app.Permission;
import org.outreachdesk.app.ReportRequest;
import org.outreachdesk.app.ReportService;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.ReportAudience;
import org.outreachdesk.domain.Role;
import org.outreachdesk.ui.vault.Failures;

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
            "report.bothPeriods", "report.noPeriod", "report.passwordShort", "report.notSaved", "report.noFile",
            "report.fileName", "report.noFolder", "report.isFolder"}) {
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

    private static AppException catching(Runnable r) {
        try {
            r.run();
        } catch (AppException e) {
            return e;
        }
        throw new AssertionError("no failure");
    }
}
