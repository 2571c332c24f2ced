package org.outreachdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;

import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.Encounter;
import org.outreachdesk.domain.HivStatus;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.domain.Uic;

class DatabaseTest {

    private static final String SENTINEL = "ZQXSENTINEL42";

    @TempDir
    Path dir;

    private static byte[] key() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return k;
    }

    @Test
    void recordsSurviveClosingAndReopeningTheEncryptedFile() {
        byte[] key = key();
        Site site = TestData.site("KTV-03");
        Staff staff = TestData.staff("OW01");
        Contact contact = TestData.contact("SOCH2150398", site, staff, "note");
        Encounter enc = TestData.encounter(contact, LocalDate.of(2026, 10, 14), site, staff, HivStatus.TESTED, "n");
        try (Database db = Database.openEncrypted(dir, key)) {
            db.transact(tx -> {
                new SiteRepository(tx).insert(site);
                new StaffRepository(tx).insert(staff);
                new ContactRepository(tx).insert(contact);
                new EncounterRepository(tx).insert(enc);
            });
        }
        try (Database db = Database.openEncrypted(dir, key)) {
            assertThat(new SiteRepository(db.dsl()).findByCode("ktv-03")).contains(site);
            assertThat(new ContactRepository(db.dsl()).findByUic(Uic.parse("soch2150398"))).contains(contact);
            assertThat(new EncounterRepository(db.dsl()).forContact(contact.id())).containsExactly(enc);
        }
    }

    @Test
    void aWrongKeyDoesNotOpenTheFile() {
        try (Database db = Database.openEncrypted(dir, key())) {
            assertThat(new ContactRepository(db.dsl()).count()).isZero();
        }
        assertThatThrownBy(() -> Database.openEncrypted(dir, key())).isInstanceOf(WrongKeyException.class);
    }

    @Test
    void theFileOnDiskHoldsNoPlaintextWhileAPlainControlDoes() throws IOException {
        Path encrypted = dir.resolve("enc");
        Path plain = dir.resolve("plain");
        try (Database db = Database.openEncrypted(encrypted, key())) {
            storeSentinel(db);
        }
        try (Database db = Database.openPlain(plain)) {
            storeSentinel(db);
        }
        assertThat(containsBytes(plain, SENTINEL)).as("control database shows the sentinel").isTrue();
        assertThat(containsBytes(encrypted, SENTINEL)).as("encrypted database shows the sentinel").isFalse();
    }

    @Test
    void aTransactionThatFailsStoresNothing() {
        try (Database db = Database.openEncrypted(dir, key())) {
            Site site = TestData.site("KTV-01");
            assertThatThrownBy(() -> db.transact(tx -> {
                new SiteRepository(tx).insert(site);
                new SiteRepository(tx).insert(TestData.site("KTV-01")); // same code: unique violation
            })).isInstanceOf(DataAccessException.class);
            assertThat(new SiteRepository(db.dsl()).list(false)).isEmpty();
        }
    }

    @Test
    void databaseErrorsNeverCarryTheValuesThatCausedThem() {
        try (Database db = Database.openEncrypted(dir, key())) {
            Site site = TestData.site("KTV-01");
            Staff staff = TestData.staff("OW01");
            // the same contact twice (its id taken; since V12 a UIC alone may be on two rows for a moment, ADR 14)
            Contact twin = TestData.contact("SOCH2150398", site, staff, SENTINEL);
            db.transact(tx -> {
                new SiteRepository(tx).insert(site);
                new StaffRepository(tx).insert(staff);
                new ContactRepository(tx).insert(twin);
            });
            assertThatThrownBy(() -> new ContactRepository(db.dsl()).insert(twin))
                    .isInstanceOf(DuplicateKeyException.class)
                    .hasMessageNotContaining("SOCH2150398")
                    .hasMessageNotContaining(SENTINEL)
                    .hasNoCause();
            Site other = TestData.site("KTV-01");
            assertThatThrownBy(() -> new SiteRepository(db.dsl()).insert(other))
                    .isInstanceOf(DataAccessException.class)
                    .hasMessageContaining("site_code_uk")
                    .hasMessageNotContaining("KTV-01")
                    .hasNoCause();
        }
    }

    @Test
    void nearDuplicateCandidatesShareTheBirthDate() {
        try (Database db = Database.openEncrypted(dir, key())) {
            Site site = TestData.site("KTV-01");
            Staff staff = TestData.staff("OW01");
            db.transact(tx -> {
                new SiteRepository(tx).insert(site);
                new StaffRepository(tx).insert(staff);
                new ContactRepository(tx).insert(TestData.contact("SOCH2150398", site, staff, null));
                new ContactRepository(tx).insert(TestData.contact("MACH2150398", site, staff, null));
                new ContactRepository(tx).insert(TestData.contact("SOCH2150399", site, staff, null));
            });
            assertThat(new ContactRepository(db.dsl()).uicsWithBirthDate(Uic.parse("SOCA2150398")))
                    .extracting(Uic::value).containsExactlyInAnyOrder("SOCH2150398", "MACH2150398");
        }
    }

    private static void storeSentinel(Database db) {
        Site site = TestData.site("KTV-01");
        Staff staff = TestData.staff("OW01");
        db.transact(tx -> {
            new SiteRepository(tx).insert(site);
            new StaffRepository(tx).insert(staff);
            new ContactRepository(tx).insert(TestData.contact("SOCH2150398", site, staff, SENTINEL));
        });
        db.checkpoint();
    }

    static boolean containsBytes(Path folder, String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        try (var files = Files.walk(folder)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                if (indexOf(Files.readAllBytes(p), needle) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
