package org.outreachdesk.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.conf.ParamType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Throwaway: EXPLAIN ANALYZE of the report queries on a plain benchmark database (-Doutreachdesk.probe=DIR). */
@EnabledIfSystemProperty(named = "outreachdesk.probe", matches = ".+")
class ReachProbe {

    @Test
    void probe() throws Exception {
        List<String> out = new ArrayList<>();
        LocalDate s = LocalDate.parse(System.getProperty("outreachdesk.probe.start", "2026-10-01"));
        LocalDate e = LocalDate.parse(System.getProperty("outreachdesk.probe.end", "2026-10-31"));
        try (Database db = Database.openPlain(Path.of(System.getProperty("outreachdesk.probe")))) {
            DSLContext dsl = StoreTestAccess.dsl(db);
            ReportRepository r = new ReportRepository(dsl);
            dsl.execute("CREATE INDEX IF NOT EXISTS PROBE_POS_IX ON ENCOUNTER (CONTACT_ID, HIV_STATUS, ENCOUNTER_DATE)");
            String range = "ENCOUNTER_DATE BETWEEN DATE '" + s + "' AND DATE '" + e + "'";
            String pq = "SELECT CONTACT_ID CID, MIN(ENCOUNTER_DATE) FI, MAX(CASE WHEN HIV_STATUS='KNOWN_POSITIVE' THEN 1 ELSE 0 END) KP"
                    + " FROM ENCOUNTER WHERE " + range + " GROUP BY CONTACT_ID";
            String full = "SELECT GENDER, KP_TYPE, BIRTH_YEAR, YR, IS_NEW, ST, COUNT(*) FROM (SELECT C.GENDER, C.KP_TYPE, C.BIRTH_YEAR, EXTRACT(YEAR FROM P.FI) YR,"
                    + " CASE WHEN EXISTS(SELECT 1 FROM ENCOUNTER EB WHERE EB.CONTACT_ID = P.CID AND EB.ENCOUNTER_DATE < DATE '" + s + "') THEN 0 ELSE 1 END IS_NEW,"
                    + " CASE WHEN P.KP = 1 OR EXISTS(SELECT 1 FROM ENCOUNTER EK WHERE EK.CONTACT_ID = P.CID AND EK.HIV_STATUS = 'KNOWN_POSITIVE' AND EK.ENCOUNTER_DATE < DATE '" + s + "') THEN 'KP'"
                    + " WHEN EXISTS(SELECT 1 FROM REFERRAL RF WHERE RF.CONTACT_ID = P.CID AND RF.SERVICE_TYPE = 'HTS' AND RF.MADE_DATE BETWEEN DATE '" + s + "' AND DATE '" + e + "') THEN 'TR' ELSE 'NR' END ST"
                    + " FROM (" + "SELECT CONTACT_ID CID, MIN(ENCOUNTER_DATE) FI, MAX(CASE WHEN HIV_STATUS='KNOWN_POSITIVE' THEN 1 ELSE 0 END) KP"
                    + " FROM ENCOUNTER WHERE ENCOUNTER_DATE BETWEEN DATE '" + s + "' AND DATE '" + e + "' GROUP BY CONTACT_ID" + ") P LEFT JOIN CONTACT C ON C.ID = P.CID) Q GROUP BY GENDER, KP_TYPE, BIRTH_YEAR, YR, IS_NEW, ST";
            for (int i = 0; i < 8; i++) {
                long t0 = System.nanoTime();
                int n = dsl.fetch(full).size();
                out.add(String.format("full: %.1f ms %d", (System.nanoTime() - t0) / 1e6, n));
                t0 = System.nanoTime();
                r.reach(s, e);
                out.add(String.format("java: %.1f ms", (System.nanoTime() - t0) / 1e6));
            }
            out.add(dsl.fetch("EXPLAIN ANALYZE " + full).get(0).get(0).toString());
            List<String> variants = List.of(
                    pq,
                    "SELECT COUNT(*) FROM (" + pq + ") P",
                    "SELECT C.GENDER, COUNT(*) FROM (" + pq + ") P LEFT JOIN CONTACT C ON C.ID = P.CID GROUP BY C.GENDER",
                    "SELECT CASE WHEN EXISTS(SELECT 1 FROM ENCOUNTER EB WHERE EB.CONTACT_ID = P.CID AND EB.ENCOUNTER_DATE < DATE '"
                            + s + "') THEN 0 ELSE 1 END N, COUNT(*) FROM (" + pq + ") P GROUP BY N",
                    r.reachQuery(s, e).getSQL(ParamType.INLINED),
                    "SELECT C.GENDER, C.KP_TYPE, C.BIRTH_YEAR, P.FI, P.KP,"
                            + " EXISTS(SELECT 1 FROM ENCOUNTER EB WHERE EB.CONTACT_ID = P.CID AND EB.ENCOUNTER_DATE < DATE '" + s + "') B,"
                            + " EXISTS(SELECT 1 FROM ENCOUNTER EK WHERE EK.CONTACT_ID = P.CID AND EK.HIV_STATUS = 'KNOWN_POSITIVE' AND EK.ENCOUNTER_DATE < DATE '" + s + "') K,"
                            + " EXISTS(SELECT 1 FROM REFERRAL RF WHERE RF.CONTACT_ID = P.CID AND RF.SERVICE_TYPE = 'HTS' AND RF.MADE_DATE BETWEEN DATE '" + s + "' AND DATE '" + e + "') H"
                            + " FROM (" + pq + ") P LEFT JOIN CONTACT C ON C.ID = P.CID",
                    "SELECT C.GENDER, C.KP_TYPE, C.BIRTH_YEAR, P.FI, P.KP,"
                            + " EXISTS(SELECT 1 FROM ENCOUNTER EB WHERE EB.CONTACT_ID = P.CID AND EB.ENCOUNTER_DATE < DATE '" + s + "') B"
                            + " FROM (" + pq + ") P LEFT JOIN CONTACT C ON C.ID = P.CID",
                    "SELECT C.GENDER, C.KP_TYPE, C.BIRTH_YEAR, P.FI, P.KP,"
                            + " EXISTS(SELECT 1 FROM REFERRAL RF WHERE RF.CONTACT_ID = P.CID AND RF.SERVICE_TYPE = 'HTS' AND RF.MADE_DATE BETWEEN DATE '" + s + "' AND DATE '" + e + "') H"
                            + " FROM (" + pq + ") P LEFT JOIN CONTACT C ON C.ID = P.CID");
            for (String v : variants) {
                for (int i = 0; i < 8; i++) {
                    long t0 = System.nanoTime();
                    dsl.fetch(v);
                    out.add(String.format("variant %d: %.1f ms", variants.indexOf(v), (System.nanoTime() - t0) / 1e6));
                }
            }
            for (var q : List.of(r.reachQuery(s, e), r.siteActivityQuery(s, e), r.monthlyQuery(s.minusMonths(11), e))) {
                String sql = q.getSQL(ParamType.INLINED);
                for (int i = 0; i < 2; i++) {
                    long t0 = System.nanoTime();
                    dsl.fetch(sql);
                    out.add(String.format("%.1f ms", (System.nanoTime() - t0) / 1e6));
                }
                out.add(dsl.fetch("EXPLAIN ANALYZE " + sql).get(0).get(0).toString());
            }
        }
        Files.write(Path.of(System.getProperty("outreachdesk.probe")).resolveSibling("reach.txt"), out);
    }
}
