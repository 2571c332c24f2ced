package org.outreachdesk.store;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.month;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.year;
import static org.outreachdesk.store.jooq.Tables.ENCOUNTER;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Throwaway: how H2 spends its time on the monthly trend (-Doutreachdesk.probe=DIR/plain). */
@EnabledIfSystemProperty(named = "outreachdesk.probe", matches = ".+")
class TrendProbe {

    @Test
    void probe() throws Exception {
        List<String> out = new ArrayList<>();
        LocalDate from = LocalDate.of(2025, 11, 1);
        LocalDate to = LocalDate.of(2026, 10, 31);
        try (Database db = Database.openPlain(Path.of(System.getProperty("outreachdesk.probe")))) {
            DSLContext dsl = StoreTestAccess.dsl(db);
            var d = ENCOUNTER.ENCOUNTER_DATE;
            var between = d.between(from, to);
            for (int round = 0; round < 3; round++) {
                out.add(t("count(*)", () -> dsl.select(count()).from(ENCOUNTER).where(between).fetchOne()));
                out.add(t("distinct", () -> dsl.select(countDistinct(ENCOUNTER.CONTACT_ID)).from(ENCOUNTER)
                        .where(between).fetchOne()));
                out.add(t("distinct+sum", () -> dsl.select(countDistinct(ENCOUNTER.CONTACT_ID),
                        sum(ENCOUNTER.MALE_CONDOMS)).from(ENCOUNTER).where(between).fetchOne()));
                out.add(t("by month", () -> dsl.select(year(d), month(d), countDistinct(ENCOUNTER.CONTACT_ID))
                        .from(ENCOUNTER).where(between).groupBy(year(d), month(d)).fetch()));
                out.add(t("by date", () -> dsl.select(d, countDistinct(ENCOUNTER.CONTACT_ID))
                        .from(ENCOUNTER).where(between).groupBy(d).fetch()));
                out.add(t("12 queries", () -> {
                    List<Object> r = new ArrayList<>();
                    for (LocalDate m = from; m.isBefore(to); m = m.plusMonths(1)) {
                        r.add(dsl.select(countDistinct(ENCOUNTER.CONTACT_ID)).from(ENCOUNTER)
                                .where(d.between(m, m.plusMonths(1).minusDays(1))).fetchOne());
                    }
                    return r;
                }));
                out.add(t("pairs", () -> dsl.selectDistinct(year(d), month(d), ENCOUNTER.CONTACT_ID)
                        .from(ENCOUNTER).where(between).fetch().size()));
                out.add(t("rows to java", () -> {
                    java.util.Set<Long> seen = new java.util.HashSet<>();
                    dsl.select(d, ENCOUNTER.CONTACT_ID).from(ENCOUNTER).where(between).fetchSize(5000)
                            .fetchLazy().forEach(r -> seen.add(r.value2().getLeastSignificantBits() ^ r.value1().getMonthValue()));
                    return seen.size();
                }));
            }
        }
        Files.write(Path.of(System.getProperty("outreachdesk.probe")).resolveSibling("trend.txt"), out);
    }

    private static String t(String name, Supplier<?> work) {
        long t0 = System.nanoTime();
        Object r = work.get();
        String s = String.valueOf(r).replace('\n', ' ');
        return String.format("%-14s %8.1f ms  %s", name, (System.nanoTime() - t0) / 1e6, s.substring(0, Math.min(60, s.length())));
    }
}
