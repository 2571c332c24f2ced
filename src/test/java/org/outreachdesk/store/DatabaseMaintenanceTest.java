package org.outreachdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.HivStatus;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;

/** Online compact copies, compaction on close, and the in-use check (the H2-specific parts of the vault). */
class DatabaseMaintenanceTest {

    private static final String SENTINEL = "ZQXMAINTENANCE" + Long.toHexString(new SecureRandom().nextLong()).toUpperCase();

    @TempDir
    Path dir;

    private final byte[] key = key();

    private static byte[] key() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return k;
    }

    /** Many small commits, as a day of data entry makes: each leaves old pages behind in the file. */
    private static void manySmallCommits(Database db, int commits) {
        Site site = TestData.site("KTV-01");
        Staff staff = TestData.staff("OW01");
        db.transact(tx -> {
            new SiteRepository(tx).insert(site);
            new StaffRepository(tx).insert(staff);
        });
        for (int i = 0; i < commits; i++) {
            String uic = "" + (char) ('A' + i % 26) + (char) ('A' + i / 26 % 26) + "ZZ2" + String.format("%02d", 1 + i % 28)
                    + "0199";
            Contact c = TestData.contact(uic, site, staff, SENTINEL);
            db.transact(tx -> {
                new ContactRepository(tx).insert(c);
                new EncounterRepository(tx).insert(TestData.encounter(c, LocalDate.of(2026, 10, 1), site, staff,
                        HivStatus.TESTED, SENTINEL));
            });
        }
    }

    @Test
    void anOnlineCopyIsEncryptedCompactAndComplete() throws Exception {
        Path live = dir.resolve("live");
        Path work = dir.resolve("work");
        long fileSize;
        try (Database db = Database.openEncrypted(live, key)) {
            manySmallCommits(db, 150);
            db.checkpoint();
            fileSize = Files.size(db.mainFile());
            Path copy = db.writeCompactCopy(work);
            assertThat(copy).isEqualTo(work.resolve(Database.FILE_NAME));
            assertThat(Files.size(copy)).as("the copy is compacted (file %d bytes, copy %d)", fileSize, Files.size(copy)).isLessThan(fileSize / 5);
            // the working folder holds only the copy (the zip H2 wrote is gone)
            try (var files = Files.list(work)) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactly(Database.FILE_NAME);
            }
            assertThat(DatabaseTest.containsBytes(work, SENTINEL)).isFalse();
            // the live database goes on working after the copy
            assertThat(new ContactRepository(db.dsl()).count()).isEqualTo(150);
        }
        assertThat(DatabaseTest.containsBytes(live, SENTINEL)).isFalse();
        try (Database copy = Database.openEncrypted(work, key)) {
            assertThat(new ContactRepository(copy.dsl()).count()).isEqualTo(150);
            assertThat(new EncounterRepository(copy.dsl()).count()).isEqualTo(150);
        }
        assertThatThrownBy(() -> Database.openEncrypted(work, key())).isInstanceOf(WrongKeyException.class);
    }

    @Test
    void closingCompactsABloatedFileWhenTheRuleSaysSo() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Database dbA = Database.openEncrypted(a, key);
        Database dbB = Database.openEncrypted(b, key);
        manySmallCommits(dbA, 120);
        manySmallCommits(dbB, 120);
        long before = Files.size(dbA.mainFile());
        dbA.close(Database.CompactionRule.NEVER);
        dbB.close(new Database.CompactionRule(0, 90));
        long plain = Files.size(a.resolve(Database.FILE_NAME));
        long compacted = Files.size(b.resolve(Database.FILE_NAME));
        assertThat(plain).as("a plain close leaves the file as it was").isGreaterThanOrEqualTo(before * 9 / 10);
        assertThat(compacted).as("a compacting close shrinks it (%d -> %d)", plain, compacted).isLessThan(plain / 5);
        try (Database again = Database.openEncrypted(b, key)) {
            assertThat(new EncounterRepository(again.dsl()).count()).isEqualTo(120);
        }
    }

    @Test
    void theCloseRuleCompactsOnlyWhenMuchOfALargeFileIsDead() {
        Database.CompactionRule rule = Database.CompactionRule.ON_CLOSE;
        long mib = 1L << 20;
        assertThat(rule.wants(20 * mib, 10)).as("small file, even if mostly dead").isFalse();
        assertThat(rule.wants(600 * mib, 80)).as("large file, mostly live").isFalse();
        assertThat(rule.wants(100 * mib, 30)).as("large file, mostly dead").isTrue();
        assertThat(rule.wants(60 * mib, 34)).isTrue();
        assertThat(Database.CompactionRule.NEVER.wants(Long.MAX_VALUE / 200, 0)).isFalse();
    }

    @Test
    void aDatabaseInUseCannotBeClaimedForReplacement() {
        Path folder = dir.resolve("v");
        Database.requireNotInUse(folder); // nothing there: nothing in use
        Database db = Database.openEncrypted(folder, key);
        assertThatThrownBy(() -> Database.requireNotInUse(folder)).isInstanceOf(VaultInUseException.class);
        db.close();
        Database.requireNotInUse(folder);
    }
}
