package org.outreachdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.domain.ReportFacts;
import org.outreachdesk.domain.ReportPeriod;
import org.outreachdesk.store.Database;

/** The benchmark's unencrypted copy holds the same data as the vault it was taken from. */
class PlainCopyTest {

    @Test
    void theCopyGivesTheSameReportFactsAsTheVault(@TempDir Path dir) throws Exception {
        try (Workspace ws = TestWorkspaces.admin(dir.resolve("vault"))) {
            ReportFixture.insert(ws);
            Database vault = ReportBenchmark.database(ws);
            ReportPeriod october = ReportPeriod.parse("2026-10");
            ReportFacts expected = vault.read(tx -> ReportService.facts(tx, october));
            assertThat(expected.reach()).isNotEmpty();

            long rows;
            ReportFacts copied;
            long contacts;
            try (Database plain = Database.openPlain(dir.resolve("plain"))) {
                rows = vault.copyRowsTo(plain);
                copied = plain.read(tx -> ReportService.facts(tx, october));
                contacts = plain.read(tx -> tx.contacts().count(org.outreachdesk.domain.ContactFilter.ALL));
            }
            assertThat(copied).isEqualTo(expected);
            assertThat(contacts).isEqualTo(ReportFixture.UICS.length);
            assertThat(rows).isGreaterThan(contacts);
            // the copy really is unencrypted: its file shows the schema's names in clear
            byte[] file = Files.readAllBytes(dir.resolve("plain").resolve(Database.FILE_NAME));
            assertThat(new String(file, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("ENCOUNTER");
        }
    }
}
