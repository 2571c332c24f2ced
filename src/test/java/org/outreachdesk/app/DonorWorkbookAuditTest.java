package org.outreachdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.outreachdesk.app.demo.DemoGenerator;
import org.outreachdesk.app.demo.DemoSpec;
import org.outreachdesk.domain.ReportAudience;
import org.outreachdesk.vault.TestVaults;

/**
 * Every donor workbook of a seeded demo vault's last 12 months (each month, quarter, half-year and the year),
 * saved, read back from disk with POI and attacked by an independent integer-programming reader
 * ({@link IntegerAudit}, ojAlgo): no hidden cell can be worked out to one value; every {@code <5} is truly 1–4 and
 * every hidden cell's true value (from the internal workbook of the same period) lies in the reader's range.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DonorWorkbookAuditTest {

    private Path dir;
    private Workspace ws;
    private ReportService service;

    @BeforeAll
    void demoVault(@TempDir Path tmp) {
        dir = tmp;
        ws = TestWorkspaces.admin(dir.resolve("vault"));
        // a small organisation: many cells of 1 to 4, the hard case for suppression
        new DemoGenerator(ws, DemoSpec.of(400, 14, 2026)).generate();
        service = new ReportService(ws);
    }

    @AfterAll
    void close() {
        ws.close();
    }

    List<String> periods() {
        YearMonth last = YearMonth.from(TestVaults.CLOCK.instant().atZone(TestVaults.CLOCK.getZone()));
        List<String> out = new ArrayList<>();
        for (int i = 11; i >= 0; i--) {
            out.add(last.minusMonths(i).toString());
        }
        for (String p : List.of("2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4", "2025-H2", "2026-H1", "2026-H2",
                "2026")) {
            out.add(p);
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("periods")
    void noHiddenCellOfTheDonorWorkbookCanBeWorkedOut(String period) throws Exception {
        Path donorFile = service.export(ReportRequest.of(period, ReportAudience.DONOR), dir.resolve(period + "-donor.xlsx"),
                null).file();
        Path internalFile = service.export(ReportRequest.of(period, ReportAudience.INTERNAL),
                dir.resolve(period + "-internal.xlsx"), null).file();
        WorkbookFile donor = WorkbookFile.read(donorFile);
        WorkbookFile internal = WorkbookFile.read(internalFile);

        IntegerAudit audit = new IntegerAudit(donor);
        assertThat(audit.equations()).isGreaterThan(40);
        assertThat(audit.pinned()).as("cells of the %s donor workbook a reader can work out", period).isEmpty();

        int small = 0;
        for (WorkbookFile.Table t : donor.tables.values()) {
            WorkbookFile.Table exact = internal.table(t.name());
            for (var row : t.rows().entrySet()) {
                for (int c = 1; c < t.columns().size(); c++) {
                    Object shown = row.getValue().get(c);
                    Object truth = exact.get(row.getKey(), t.columns().get(c));
                    String where = t.name() + " " + row.getKey() + "/" + t.columns().get(c);
                    if ("<5".equals(shown)) {
                        small++;
                        assertThat((Double) truth).as(where).isBetween(1.0, 4.0);
                    } else if (shown instanceof Double d && !t.columns().get(c).endsWith("%")) {
                        assertThat(truth).as(where).isEqualTo(d);
                    }
                }
            }
        }
        assertThat(small).as("a small organisation's month has small counts").isPositive();
    }
}
