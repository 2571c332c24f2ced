package org.outreachdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.domain.DueWindow;
import org.outreachdesk.domain.FollowUpFilter;
import org.outreachdesk.domain.Referral;
import org.outreachdesk.domain.ReferralStatus;
import org.outreachdesk.domain.ServiceType;

class FollowUpRepositoryTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 10, 20);

    @TempDir
    Path dir;

    private Database db;

    @BeforeEach
    void open() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        db = Database.openEncrypted(dir, key);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theFollowUpListReadsThroughTheDueDateIndex() {
        var site = TestData.site("KTV-01");
        var staff = TestData.staff("OW01");
        var contact = TestData.contact("SOCH2150398", site, staff, null);
        db.write(tx -> {
            tx.sites().insert(site);
            tx.staff().insert(staff);
            tx.contacts().insert(contact);
            for (int i = 0; i < 300; i++) {
                LocalDate made = TODAY.minusDays(i % 40);
                boolean closed = i % 3 == 0;
                tx.referrals().insert(new Referral(TestData.meta(), contact.id(), null, ServiceType.HTS, null, made,
                        made.plusDays(7), closed ? ReferralStatus.COMPLETED : ReferralStatus.PENDING,
                        closed ? made : null, null));
            }
            return null;
        });
        for (DueWindow w : DueWindow.values()) {
            FollowUpFilter f = new FollowUpFilter(w, staff.meta().id(), ServiceType.HTS);
            String plan = db.read(tx -> StoreTestAccess.dsl(db)
                    .explain(tx.followUp().pageQuery(f, TODAY, 0, 50)).plan()).toUpperCase(Locale.ROOT);
            assertThat(plan).as("plan for %s", w).contains("REFERRAL_DUE_IX");
            long n = db.read(tx -> tx.followUp().count(f, TODAY));
            java.util.List<org.outreachdesk.domain.PendingReferral> rows = db.read(tx -> tx.followUp().page(f, TODAY, 0, 500));
            assertThat(rows).hasSize((int) n);
        }
        var counts = db.read(tx -> tx.followUp().counts(FollowUpFilter.ALL, TODAY));
        assertThat(counts.total()).isEqualTo(200);
        long none = db.read(tx -> tx.followUp().count(new FollowUpFilter(DueWindow.ALL, UUID.randomUUID(), null), TODAY));
        assertThat(none).isZero();
    }
}
