package org.outreachdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.domain.ReportFacts;
import org.outreachdesk.domain.ReportPeriod;
import org.outreachdesk.store.Database;
import org.outreachdesk.vault.TestVaults;

/** The benchmark's floor runs the report's own statements, bare, and returns what they return. */
class ReportFloorTest {

    @Test
    void theFloorReadsEveryRowTheReportQueriesReturn(@TempDir Path dir) throws Exception {
        try (Workspace ws = TestWorkspaces.admin(dir)) {
            ReportFixture.insert(ws);
            Database db = ReportBenchmark.database(ws);
            ReportPeriod october = ReportPeriod.parse("2026-10");
            ReportFacts facts = db.read(tx -> ReportService.facts(tx, october));
            long rows = db.read(tx -> tx.reports().runBare(october.start(), october.end(), october.trendStart()));
            // reach groups, site activity and the site list, referral and incident groups, one count, the months
            long atLeast = facts.reach().size() + facts.sites().size() + facts.referrals().stream()
                    .filter(r -> r.made() > 0).count() + 1 + facts.monthly().size();
            assertThat(facts.reach()).isNotEmpty();
            assertThat(rows).isGreaterThanOrEqualTo(atLeast);

            List<ReportBenchmark.Timing> timings = ReportBenchmark.measure(db, "2026-10", 0, 1, TestVaults.CLOCK);
            assertThat(timings).extracting(ReportBenchmark.Timing::name)
                    .containsExactly("scan", "floor", "queries", "workbook");
        }
    }
}
