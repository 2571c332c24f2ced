package org.outreachdesk.app;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.outreachdesk.domain.ReportAudience;
import org.outreachdesk.domain.ReportLanguage;
import org.outreachdesk.domain.Role;
import org.outreachdesk.harness.TempFolders;

/** Writes sample workbooks to look at (run with -Doutreachdesk.samples=DIR); not part of the normal build. */
@EnabledIfSystemProperty(named = "outreachdesk.samples", matches = ".+")
class ReportSampleWriter {

    @Test
    void writeSamples() throws Exception {
        Path out = Path.of(System.getProperty("outreachdesk.samples"));
        Files.createDirectories(out);
        Path vault = TempFolders.create("samples");
        try (Workspace ws = TestWorkspaces.as(Role.MANAGER, vault.resolve("v"))) {
            ReportFixture.insert(ws);
            ReportService s = new ReportService(ws);
            s.export(ReportRequest.of("2026-10", ReportAudience.DONOR), out.resolve("donor.xlsx"), null);
            s.export(ReportRequest.of("2026-10", ReportAudience.INTERNAL), out.resolve("internal.xlsx"), null);
            s.export(ReportRequest.of("2026-10", ReportAudience.DONOR).in(ReportLanguage.KHMER),
                    out.resolve("donor-km.xlsx"), null);
            s.export(ReportRequest.of("2026-10", ReportAudience.INTERNAL).in(ReportLanguage.KHMER),
                    out.resolve("internal-km.xlsx"), null);
        }
        // a small organisation's month from the demo generator, as a donor sees it
        try (Workspace ws = TestWorkspaces.admin(vault.resolve("demo"))) {
            new org.outreachdesk.app.demo.DemoGenerator(ws, org.outreachdesk.app.demo.DemoSpec.of(400, 14, 2026))
                    .generate();
            ReportService s = new ReportService(ws);
            s.export(ReportRequest.of("2026-09", ReportAudience.DONOR), out.resolve("demo-donor.xlsx"), null);
            s.export(ReportRequest.of("2026-09", ReportAudience.DONOR).in(ReportLanguage.KHMER),
                    out.resolve("demo-donor-km.xlsx"), null);
        }
    }
}
