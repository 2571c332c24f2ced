package org.outreachdesk.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.outreachdesk.report.ReportPeriod;
import org.outreachdesk.store.Database;
import org.outreachdesk.store.ReportRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Throwaway: times each report query on a plain benchmark database (-Doutreachdesk.probe=DIR/plain). */
@EnabledIfSystemProperty(named = "outreachdesk.probe", matches = ".+")
class ReportQueryProbe {

    private static final Logger LOG = LoggerFactory.getLogger(ReportQueryProbe.class);

    @Test
    void probe() throws Exception {
        String period = System.getProperty("outreachdesk.probe.period", "2026-10");
        ReportPeriod p = ReportPeriod.parse(period);
        List<String> out = new ArrayList<>();
        try (Database db = Database.openPlain(Path.of(System.getProperty("outreachdesk.probe")))) {
            for (int round = 0; round < Integer.getInteger("outreachdesk.probe.rounds", 3); round++) {
                out.add("round " + round);
                out.add(t("totals", () -> db.read(tx -> tx.reports().totals(p.start(), p.end()))));
                out.add(t("reach", () -> db.read(tx -> tx.reports().reach(p.start(), p.end()))));
                out.add(t("sites", () -> db.read(tx -> tx.reports().sites(p.start(), p.end()))));
                out.add(t("referrals", () -> db.read(tx -> tx.reports().referralsMade(p.start(), p.end()))));
                out.add(t("incidents", () -> db.read(tx -> tx.reports().incidents(p.start(), p.end()))));
                out.add(t("flags", () -> db.read(tx -> tx.reports().safeguardingFlags(p.start(), p.end()))));
                out.add(t("monthly", () -> db.read(tx -> tx.reports().monthlyReach(p.trendStart(), p.end()))));
            }
            if (Boolean.getBoolean("outreachdesk.probe.plans")) {
                for (String plan : db.read(tx -> tx.reports().explain(p.start(), p.end(), p.trendStart()))) {
                    out.add(plan.replace("{lf}", "\n"));
                }
            }
        }
        out.forEach(LOG::info);
        java.nio.file.Files.write(Path.of(System.getProperty("outreachdesk.probe")).resolveSibling("probe.txt"), out);
    }

    private static String t(String name, Supplier<?> work) {
        long t0 = System.nanoTime();
        Object r = work.get();
        return String.format("%-10s %8.1f ms  %s", name, (System.nanoTime() - t0) / 1e6,
                r instanceof List<?> l ? l.size() + " rows" : String.valueOf(r));
    }

    @SuppressWarnings("unused")
    private static ReportRepository unused() {
        return null;
    }
}
