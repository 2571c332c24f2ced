package org.outreachdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.ImportService;
import org.outreachdesk.app.RegisterRejectedException;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.ImportPlan;
import org.outreachdesk.domain.ImportProblem;
import org.outreachdesk.domain.ImportProblemCode;
import org.outreachdesk.importer.RegisterColumn;
import org.outreachdesk.importer.TestRegisters;
import org.outreachdesk.ui.common.Messages;

/**
 * The importer's problems in the user's language: every kind of problem and every column's expectation has a text in
 * both bundles, and a bad register's problems read in Khmer with their numbers in place.
 */
class ImportProblemTextsTest {

    private final Messages km = new Messages(Locale.forLanguageTag("km"));
    private final Messages en = new Messages(Locale.ENGLISH);

    @Test
    void everyKindOfProblemAndEveryColumnHasATextInBothLanguages() {
        ResourceBundle bundle = ResourceBundle.getBundle(Messages.BUNDLE, Locale.forLanguageTag("km"));
        for (ImportProblemCode c : ImportProblemCode.values()) {
            String key = "import.problem." + c.name();
            assertThat(bundle.keySet().stream().anyMatch(k -> k.equals(key) || k.startsWith(key + ".")))
                    .as(key).isTrue();
        }
        for (RegisterColumn c : RegisterColumn.values()) {
            assertThat(bundle.containsKey("import.expected." + c.header())).as(c.header()).isTrue();
        }
    }

    @Test
    void aBadRegistersProblemsReadInKhmer(@TempDir Path dir) throws Exception {
        Path bad = TestRegisters.csv(dir, "bad.csv", List.of(TestRegisters.HEADER,
                "2026-10-01,SOCH2150398,OW01,KTV-03,X,1998,FEW,10,2,5,1,tested,HTS;ZZZ,ok",
                "31/02/2026,SOCH2150398,OW01,KTV-03,F,1998,FEW,,,,,,,",
                "2026-10-03,DAKA201019,OW02,BG-01,TGW,1995,TG,1.5,,,,maybe,,",
                ",SREY3990999,OW02,BG-01,F,2030,FSW,,,,,,,"), "\n", false);
        ImportPlan plan;
        try (Workspace ws = TestWorkspaces.admin(dir.resolve("vault"))) {
            try {
                plan = new ImportService(ws).dryRun(bad);
            } catch (RegisterRejectedException e) {
                plan = e.plan();
            }
        }
        List<String> kmLines = new ArrayList<>();
        for (ImportProblem p : plan.problems()) {
            assertThat(p.what()).as(p.code().name()).isNotNull();
            assertThat(p.expects()).as(p.code().name()).isNotNull();
            String problem = km.text(p.what(), null);
            String expected = km.text(p.expects(), null);
            assertThat(problem).as(p.what().key()).matches(s -> s.codePoints().anyMatch(c -> c >= 0x1780 && c <= 0x17FF));
            assertThat(expected).as(p.expects().key()).matches(s -> s.codePoints().anyMatch(c -> c >= 0x1780 && c <= 0x17FF));
            // the English bundle says what the importer says
            assertThat(en.text(p.what(), null)).as(p.what().key()).isEqualTo(p.problem());
            kmLines.add(p.row() + " " + p.column() + ": " + problem);
        }
        assertThat(kmLines).contains(
                "2 gender: មិនមែនជាកូដភេទទេ",
                "2 referrals: ធាតុទី 2 មិនមែនជាកូដសេវាទេ",
                "4 uic: UIC មាន 10 តួអក្សរ ត្រូវការ 11",
                "4 male_condoms: មិនមែនជាចំនួនគត់ទេ",
                "4 hiv_status: មិនមែនជាកូដស្ថានភាពអេដស៍ទេ",
                "5 date: ទទេ");
    }
}
