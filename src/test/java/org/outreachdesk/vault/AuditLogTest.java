package org.outreachdesk.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outreachdesk.store.jooq.Tables.AUDIT_ENTRY;
import static org.outreachdesk.vault.TestVaults.ADMIN_PASSWORD;
import static org.outreachdesk.vault.TestVaults.CLOCK;
import static org.outreachdesk.vault.TestVaults.FAST_KDF;

import java.nio.file.Path;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.AuditVerification;
import org.outreachdesk.store.StoreTestAccess;

class AuditLogTest {

    @TempDir
    Path dir;

    private Vault vault;

    @BeforeEach
    void fiveEntries() {
        vault = Vault.create(dir, "Org", "admin", ADMIN_PASSWORD.toCharArray(), CLOCK, FAST_KDF).vault();
        for (int i = 0; i < 4; i++) {
            vault.writeAudited(AuditAction.CREATE, "site", "id-" + i, null, tx -> null);
        }
    }

    private AuditVerification verify() {
        return vault.database().read(tx -> vault.audit().verify(tx));
    }

    private DSLContext sql() {
        return StoreTestAccess.dsl(vault.database());
    }

    @Test
    void anUntouchedChainIsIntact() {
        AuditVerification v = verify();
        assertThat(v.intact()).isTrue();
        assertThat(v.entriesChecked()).isEqualTo(5);
        vault.close();
    }

    @Test
    void anEditedEntryIsFound() {
        sql().update(AUDIT_ENTRY).set(AUDIT_ENTRY.RECORD_ID, "id-X").where(AUDIT_ENTRY.SEQ.eq(3L)).execute();
        AuditVerification v = verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.brokenAtSeq()).isEqualTo(3);
        assertThat(v.problem()).contains("altered");
    }

    @Test
    void aDeletedEntryIsFound() {
        sql().deleteFrom(AUDIT_ENTRY).where(AUDIT_ENTRY.SEQ.eq(2L)).execute();
        AuditVerification v = verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.brokenAtSeq()).isEqualTo(3);
    }

    @Test
    void aDeletedNewestEntryIsFoundEvenAfterMoreEntries() {
        sql().deleteFrom(AUDIT_ENTRY).where(AUDIT_ENTRY.SEQ.eq(5L)).execute();
        assertThat(verify().intact()).isFalse();
        vault.writeAudited(AuditAction.CREATE, "site", "later", null, tx -> null);
        assertThat(verify().intact()).isFalse();
    }

    @Test
    void reorderedEntriesAreFound() {
        // swap the sequence numbers of entries 2 and 3
        sql().update(AUDIT_ENTRY).set(AUDIT_ENTRY.SEQ, 100L).where(AUDIT_ENTRY.SEQ.eq(2L)).execute();
        sql().update(AUDIT_ENTRY).set(AUDIT_ENTRY.SEQ, 2L).where(AUDIT_ENTRY.SEQ.eq(3L)).execute();
        sql().update(AUDIT_ENTRY).set(AUDIT_ENTRY.SEQ, 3L).where(AUDIT_ENTRY.SEQ.eq(100L)).execute();
        AuditVerification v = verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.brokenAtSeq()).isEqualTo(2);
    }

    @Test
    void entriesHoldIdentifiersOnly() {
        var entries = vault.database().read(tx -> tx.audit().latest(10));
        assertThat(entries).allSatisfy(e -> assertThat(e.detail()).isNull());
        vault.close();
        assertThat(Vault.unlock(dir, "admin", ADMIN_PASSWORD.toCharArray(), CLOCK, FAST_KDF))
                .satisfies(v -> {
                    assertThat(v.database().read(tx -> v.audit().verify(tx)).intact()).isTrue();
                    v.close();
                });
    }
}
