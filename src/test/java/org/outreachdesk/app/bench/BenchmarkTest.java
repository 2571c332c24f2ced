package org.outreachdesk.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.ImportService;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.ImportPlan;
import org.outreachdesk.vault.TestVaults;

class BenchmarkTest {

    @TempDir
    Path dir;

    @Test
    void theGeneratedRegisterIsAValidRegisterOfRepeatVisits() {
        Path file = Benchmark.writeRegister(dir.resolve("r.csv"), 500, TestVaults.CLOCK);
        try (Workspace ws = TestWorkspaces.admin(dir.resolve("v"))) {
            ImportPlan plan = new ImportService(ws).dryRun(file);
            assertThat(plan.isValid()).isTrue();
            assertThat(plan.rows()).isEqualTo(500);
            assertThat(plan.contactsNew()).isEqualTo(100);
        }
    }

    @Test
    void percentilesUseTheNearestRank() {
        double[] samples = new double[100];
        for (int i = 0; i < 100; i++) {
            samples[i] = 100 - i;
        }
        assertThat(Benchmark.percentile(samples, 95)).isEqualTo(95.0);
        assertThat(Benchmark.percentile(samples, 50)).isEqualTo(50.0);
        assertThat(Benchmark.percentile(new double[] {3}, 95)).isEqualTo(3.0);
    }

    @Test
    void theJsonHasEveryKeyAndNullForWhatWasNotMeasured() {
        BenchResult r = new BenchResult();
        r.put("unlock_s", 0.61);
        r.put("heap_peak_mb", 300);
        String json = r.toJson();
        for (BenchResult.Target t : BenchResult.TARGETS) {
            assertThat(json).contains("\"" + t.key() + "\": ");
        }
        assertThat(json).contains("\"unlock_s\": 0.610").contains("\"report_month_s\": null");
        assertThat(r.toTable()).contains("ok").contains("not measured");
    }
}
