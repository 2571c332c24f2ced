package org.outreachdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.domain.ChangeKind;
import org.outreachdesk.domain.FieldChange;
import org.outreachdesk.domain.RecordChange;
import org.outreachdesk.domain.RecordType;
import org.outreachdesk.domain.VoidReason;

class HistoryRepositoryTest {

    @TempDir
    Path dir;

    private static byte[] key() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return k;
    }

    private static RecordChange change(UUID record, ChangeKind kind, int base, VoidReason reason, Instant at,
                                       FieldChange... fields) {
        return new RecordChange(UUID.randomUUID(), RecordType.ENCOUNTER, record, kind, base, base + 1, reason, at,
                TestData.AUTHOR.userId(), "sokha", TestData.AUTHOR.deviceId(), List.of(fields));
    }

    @Test
    void keepsEveryVersionOfARecordWithItsOldAndNewValuesOldestFirst() {
        UUID record = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        Instant t = Instant.parse("2026-11-02T10:00:00Z");
        try (Database db = Database.openEncrypted(dir, key())) {
            HistoryRepository history = new HistoryRepository(db.dsl());
            // written out of order: the history is ordered by version, not by insertion
            history.append(change(record, ChangeKind.VOID, 2, VoidReason.ENTERED_TWICE, t.plusSeconds(60),
                    FieldChange.of("voided", false, true)));
            history.append(change(record, ChangeKind.CORRECT, 1, null, t,
                    FieldChange.of("maleCondoms", 100, 10), FieldChange.of("date", LocalDate.of(2026, 11, 1),
                            LocalDate.of(2026, 10, 31))));
            history.append(change(other, ChangeKind.CORRECT, 1, null, t, FieldChange.of("note", "a", null)));

            List<RecordChange> versions = history.forRecord(record);

            assertThat(versions).extracting(RecordChange::kind).containsExactly(ChangeKind.CORRECT, ChangeKind.VOID);
            assertThat(versions.get(0).fields()).containsExactly(
                    new FieldChange("date", "2026-11-01", "2026-10-31"), new FieldChange("maleCondoms", "100", "10"));
            assertThat(versions.get(0).baseVersion()).isEqualTo(1);
            assertThat(versions.get(0).newVersion()).isEqualTo(2);
            assertThat(versions.get(0).byName()).isEqualTo("sokha");
            assertThat(versions.get(1).reason()).isEqualTo(VoidReason.ENTERED_TWICE);
            assertThat(versions.get(1).fields()).containsExactly(new FieldChange("voided", "false", "true"));
            assertThat(history.forRecord(other).get(0).fields()).containsExactly(new FieldChange("note", "a", null));
            assertThat(history.forRecord(UUID.randomUUID())).isEmpty();
        }
    }

    @Test
    void aChangeIsStoredWholeOrNotAtAll() {
        UUID record = UUID.randomUUID();
        Instant t = Instant.parse("2026-11-02T10:00:00Z");
        try (Database db = Database.openEncrypted(dir, key())) {
            RecordChange c = change(record, ChangeKind.CORRECT, 1, null, t, FieldChange.of("note", "x".repeat(1001), "b"));
            assertThatThrownBy(() -> db.transact(tx -> new HistoryRepository(tx).append(c)))
                    .isInstanceOf(DataAccessException.class);
            assertThat(new HistoryRepository(db.dsl()).forRecord(record)).isEmpty();
        }
    }

    @Test
    void canonicalTextMakesEqualValuesNoChange() {
        assertThat(FieldChange.differs("", null)).isFalse();
        assertThat(FieldChange.differs(10, 10)).isFalse();
        assertThat(FieldChange.differs(VoidReason.OTHER, "OTHER")).isFalse();
        assertThat(FieldChange.differs(LocalDate.of(2026, 1, 2), "2026-01-02")).isFalse();
        assertThat(FieldChange.differs(10, 100)).isTrue();
        assertThatThrownBy(() -> FieldChange.of("note", "", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
