package org.outreachdesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.outreachdesk.domain.ReportLanguage;
import org.outreachdesk.domain.ReportPeriod;

/** The workbook's label bundles: complete in Khmer, English as it always was, periods in both languages. */
class ReportLabelsTest {

    private final ReportLabels en = ReportLabels.of(ReportLanguage.ENGLISH);
    private final ReportLabels km = ReportLabels.of(ReportLanguage.KHMER);

    @Test
    void everyEnglishLabelHasAKhmerOneAndEveryTableWordIsExplainedInKhmer() {
        for (String key : en.keys()) {
            assertThat(km.keys()).as(key).contains(key);
            assertThat(km.get(key, "1", "2", "3", "4", "5")).as(key).isNotBlank();
        }
        for (String key : km.keys()) {
            if (!key.startsWith("footer") && !key.startsWith("period.") && !key.startsWith("about.rule.kpPrev")
                    && !key.equals("about.periodCode")) {
                assertThat(km.get(key, "1", "2", "3", "4", "5").codePoints().anyMatch(c -> c >= 0x1780 && c <= 0x17FF))
                        .as("Khmer text for %s", key).isTrue();
            }
        }
        for (String word : ReportLabels.terms()) {
            assertThat(km.term(word)).as(word).isNotBlank();
        }
        assertThat(ReportLabels.terms()).contains("Coverage %", "Unique individuals reached", "Known Positive");
    }

    @Test
    void englishPeriodsReadAsBeforeAndKhmerOnesInKhmer() {
        for (String code : new String[] {"2026-10", "2026-Q3", "2026-H1", "2026"}) {
            ReportPeriod p = ReportPeriod.parse(code);
            assertThat(en.describe(p)).isEqualTo(p.describe());
        }
        ReportPeriod custom = ReportPeriod.custom(java.time.LocalDate.of(2026, 1, 5), java.time.LocalDate.of(2026, 2, 1));
        assertThat(en.describe(custom)).isEqualTo(custom.describe());
        assertThat(km.describe(ReportPeriod.parse("2026-10"))).isEqualTo("ខែតុលា ឆ្នាំ 2026 (2026-10-01 ដល់ 2026-10-31)");
        assertThat(km.describe(ReportPeriod.parse("2026-Q3"))).isEqualTo("ត្រីមាសទី 3 ឆ្នាំ 2026 (2026-07-01 ដល់ 2026-09-30)");
        assertThat(km.describe(ReportPeriod.parse("2026-H2"))).startsWith("ឆមាសទី 2 ឆ្នាំ 2026");
        assertThat(km.describe(ReportPeriod.parse("2026"))).startsWith("ឆ្នាំ 2026 (");
    }

    @Test
    void englishIsEnglishEvenOnALaptopWhoseDefaultLanguageIsKhmer() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("km-KH"));
            assertThat(ReportLabels.of(ReportLanguage.ENGLISH).get("about.title")).isEqualTo("About this report");
            assertThat(ReportLabels.of(ReportLanguage.ENGLISH).get("about.rule.kp.text")).contains("Cambodia's term");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void tableTitlesAreTranslatedButTheContractIsNot() {
        for (String name : ReportTables.NAMES) {
            assertThat(en.title(name)).isNotEqualTo(km.title(name));
        }
        assertThat(en.title(ReportTables.SUMMARY)).isEqualTo("Summary of the period");
        assertThat(km.fontName()).isEqualTo("Khmer OS System");
        assertThat(en.fontName()).isEqualTo("Calibri");
    }
}
