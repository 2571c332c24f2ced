package org.outreachdesk.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.outreachdesk.domain.ChangeKind;
import org.outreachdesk.domain.FieldChange;
import org.outreachdesk.domain.HivStatus;
import org.outreachdesk.domain.RecordChange;
import org.outreachdesk.domain.RecordType;
import org.outreachdesk.domain.VoidReason;

/** The rows of a record's history, in the user's words (English and Khmer bundles). */
class HistoryPaneTest {

    static final ZoneId PHNOM_PENH = ZoneId.of("Asia/Phnom_Penh");
    static final UUID RECORD = UUID.randomUUID();
    static final UUID SITE_A = UUID.randomUUID();
    static final UUID SITE_B = UUID.randomUUID();

    private static RecordChange change(int base, ChangeKind kind, VoidReason reason, String at, FieldChange... f) {
        return new RecordChange(UUID.randomUUID(), RecordType.ENCOUNTER, RECORD, kind, base, base + 1, reason,
                Instant.parse(at), UUID.randomUUID(), "sokha", UUID.randomUUID(), List.of(f));
    }

    private static List<HistoryPane.Row> rows(Locale locale) {
        Labels l = new Labels(new Messages(locale));
        HistoryPane.Values values = new HistoryPane.Values(l).enumField("hivStatus", HivStatus.class)
                .codes("site", Map.of(SITE_A, "KTV-03", SITE_B, "BAR-01"));
        return HistoryPane.rows(l, PHNOM_PENH, values, List.of(
                change(1, ChangeKind.CORRECT, null, "2026-10-20T03:00:00Z",
                        FieldChange.of("maleCondoms", 100, 10), FieldChange.of("site", SITE_A, SITE_B),
                        FieldChange.of("hivStatus", null, HivStatus.DECLINED),
                        FieldChange.of("date", java.time.LocalDate.of(2026, 10, 19), java.time.LocalDate.of(2026, 10, 18)),
                        FieldChange.of("stiScreened", false, true)),
                change(2, ChangeKind.VOID, VoidReason.ENTERED_TWICE, "2026-10-21T04:30:00Z",
                        FieldChange.of("voided", false, true))));
    }

    @Test
    void newestChangeFirstOneRowPerFieldValuesInTheUsersWords() {
        List<HistoryPane.Row> rows = rows(Locale.ENGLISH);
        assertThat(rows).containsExactly(
                new HistoryPane.Row("21/10/2026 11:30", "sokha", "Voided – Entered twice", "Voided", "no", "yes"),
                new HistoryPane.Row("20/10/2026 10:00", "sokha", "Corrected", "Male condoms", "100", "10"),
                new HistoryPane.Row("", "", "", "Site", "KTV-03", "BAR-01"),
                new HistoryPane.Row("", "", "", "HIV testing", "—", "Declined"),
                new HistoryPane.Row("", "", "", "Date", "19/10/2026", "18/10/2026"),
                new HistoryPane.Row("", "", "", "STI screening done", "no", "yes"));
    }

    @Test
    void khmerLabelsForKindsFieldsAndValues() {
        List<HistoryPane.Row> rows = rows(Locale.forLanguageTag("km"));
        assertThat(rows.get(0).what()).isEqualTo("បានចាត់ទុកជាមោឃៈ – បានបញ្ចូលពីរដង");
        assertThat(rows.get(0).after()).isEqualTo("បាទ/ចាស");
        assertThat(rows.get(1).field()).isEqualTo("ស្រោមអនាម័យបុរស");
        assertThat(rows).allSatisfy(r -> assertThat(r.field()).doesNotContain("!"));
    }
}
