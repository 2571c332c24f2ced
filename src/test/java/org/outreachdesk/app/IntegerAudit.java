package org.outreachdesk.app;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * An independent audit of a donor workbook read from disk ({@link WorkbookFile}), with ojAlgo's integer solver: the
 * reader's view of the workbook as an integer program. Every hidden cell is an integer variable with the bounds its
 * mark promises ({@code <5}: 1 to 4; {@code x}: 0 or more); every shown cell is its number; every equation the
 * workbook publishes holds (each table's rows and columns with their totals; the per-KP totals ReachByKpType and
 * KP_PREV share; the number reached that the three person tables and the Summary share, and new plus returning;
 * the Summary's figures that are table totals) and every part-of-a-whole a donor knows (referrals completed at most
 * made and support given at most the incidents, row by row; each site's reach at most the number reached and all
 * sites' together at least it; the encounters at least the number reached). A hidden cell is <em>pinned</em> when its minimum equals its
 * maximum. Nothing here comes from the program's own suppression code.
 */
final class IntegerAudit {

    /** Far above any real count: "no upper bound" for an {@code x}. */
    private static final long BIG = 10_000_000L;

    private final Map<String, Long> shown = new LinkedHashMap<>();
    private final Map<String, long[]> hidden = new LinkedHashMap<>();
    private final List<Map<String, Integer>> equations = new ArrayList<>();
    private final List<Map<String, Integer>> atMostZero = new ArrayList<>();
    private final List<Map<String, Integer>> atLeastZero = new ArrayList<>();

    /** The cells that can be worked out to one value: cell name → that value. */
    record Pinned(String cell, long value) {
    }

    IntegerAudit(WorkbookFile wb) {
        for (WorkbookFile.Table t : wb.tables.values()) {
            for (var row : t.rows().entrySet()) {
                for (int c = 1; c < t.columns().size(); c++) {
                    Object v = row.getValue().get(c);
                    String name = t.name() + "[" + row.getKey() + "][" + t.columns().get(c) + "]";
                    if (v instanceof Double d) {
                        shown.put(name, d.longValue());
                    } else if ("<5".equals(v)) {
                        hidden.put(name, new long[] {1, 4});
                    } else if ("x".equals(v)) {
                        hidden.put(name, new long[] {0, BIG});
                    }
                }
            }
        }
        matrix(wb.table("ReachByAgeSex"));
        matrix(wb.table("ReachByKpType"));
        matrix(wb.table("KP_PREV"));
        columns(wb.table("Commodities"), List.of("Male condoms", "Female condoms", "Lubricants", "HIV self-test kits"));
        columns(wb.table("Referrals"), List.of("Made", "Completed"));
        columns(wb.table("Incidents"), List.of("Count", "Support given"));
        for (String kp : List.of("FSW", "MSM", "TG", "PWID", "OTHER")) {
            same("ReachByKpType[" + kp + "][Total]", "KP_PREV[" + kp + "][Total]");
        }
        String reached = "Summary[Unique individuals reached][Value]";
        same(reached, "ReachByAgeSex[Total][Total]");
        same(reached, "ReachByKpType[Total][Total]");
        same(reached, "KP_PREV[Total][Total]");
        same("Summary[New individuals][Value]", "ReachByKpType[Total][New]");
        same("Summary[Returning individuals][Value]", "ReachByKpType[Total][Returning]");
        equation(Map.of(reached, -1, "Summary[New individuals][Value]", 1, "Summary[Returning individuals][Value]", 1));
        same("Summary[Male condoms][Value]", "Commodities[Total][Male condoms]");
        same("Summary[Female condoms][Value]", "Commodities[Total][Female condoms]");
        same("Summary[Lubricants][Value]", "Commodities[Total][Lubricants]");
        same("Summary[HIV self-test kits][Value]", "Commodities[Total][HIV self-test kits]");
        same("Summary[Referrals made][Value]", "Referrals[Total][Made]");
        same("Summary[Referrals completed][Value]", "Referrals[Total][Completed]");
        same("Summary[Safety incidents][Value]", "Incidents[Total][Count]");
        // what a donor knows beyond the sums: a part is at most its whole
        partOf(wb.table("Referrals"), "Completed", "Made");
        partOf(wb.table("Incidents"), "Support given", "Count");
        WorkbookFile.Table sites = wb.table("ReachBySite");
        Map<String, Integer> atLeastReached = new LinkedHashMap<>();
        for (String site : sites.rows().keySet()) {
            // a site's reach is at most the number reached; all sites' together at least it (met at two: both)
            String cell = cell(sites, site, "Reached");
            inequality(Map.of(cell, 1, reached, -1), false);
            atLeastReached.put(cell, 1);
        }
        atLeastReached.put(reached, -1);
        inequality(atLeastReached, true);
        // everyone reached was met at least once
        inequality(Map.of(reached, 1, "Summary[Encounters][Value]", -1), false);
    }

    /** In every row but Total, column {@code part} is at most column {@code whole}. */
    private void partOf(WorkbookFile.Table t, String part, String whole) {
        for (String r : t.rows().keySet()) {
            inequality(Map.of(cell(t, r, part), 1, cell(t, r, whole), -1), false);
        }
    }

    int hiddenCells() {
        return hidden.size();
    }

    int equations() {
        return equations.size();
    }

    /** A table with a Total column and a Total row: every row and every column adds up. */
    private void matrix(WorkbookFile.Table t) {
        List<String> cols = t.columns().subList(1, t.columns().size() - 1);
        List<String> rows = t.rows().keySet().stream().filter(r -> !r.equals("Total")).toList();
        for (String r : t.rows().keySet()) {
            Map<String, Integer> eq = new LinkedHashMap<>();
            cols.forEach(c -> eq.merge(cell(t, r, c), 1, Integer::sum));
            eq.merge(cell(t, r, "Total"), -1, Integer::sum);
            equation(eq);
        }
        for (String c : t.columns().subList(1, t.columns().size())) {
            Map<String, Integer> eq = new LinkedHashMap<>();
            rows.forEach(r -> eq.merge(cell(t, r, c), 1, Integer::sum));
            eq.merge(cell(t, "Total", c), -1, Integer::sum);
            equation(eq);
        }
    }

    /** A table whose named columns add up to their Total row. */
    private void columns(WorkbookFile.Table t, List<String> cols) {
        for (String c : cols) {
            Map<String, Integer> eq = new LinkedHashMap<>();
            t.rows().keySet().stream().filter(r -> !r.equals("Total")).forEach(r -> eq.merge(cell(t, r, c), 1, Integer::sum));
            eq.merge(cell(t, "Total", c), -1, Integer::sum);
            equation(eq);
        }
    }

    private static String cell(WorkbookFile.Table t, String row, String column) {
        t.get(row, column);
        return t.name() + "[" + row + "][" + column + "]";
    }

    private void same(String a, String b) {
        equation(Map.of(a, 1, b, -1));
    }

    private void equation(Map<String, Integer> eq) {
        check(eq);
        equations.add(eq);
    }

    /** {@code sum ≤ 0} (or {@code sum ≥ 0} when {@code atLeast}) over the terms. */
    private void inequality(Map<String, Integer> terms, boolean atLeast) {
        check(terms);
        (atLeast ? atLeastZero : atMostZero).add(terms);
    }

    private void check(Map<String, Integer> terms) {
        for (String cell : terms.keySet()) {
            if (!shown.containsKey(cell) && !hidden.containsKey(cell)) {
                throw new AssertionError("no number and no mark in " + cell);
            }
        }
    }

    /** Every hidden cell whose minimum equals its maximum under everything shown. */
    List<Pinned> pinned() {
        List<Pinned> out = new ArrayList<>();
        for (String cell : hidden.keySet()) {
            long min = optimum(cell, false);
            long max = optimum(cell, true);
            if (min == max) {
                out.add(new Pinned(cell, min));
            }
        }
        return out;
    }

    /** Min and max of one hidden cell (for checks against the true value). */
    long[] range(String cell) {
        return new long[] {optimum(cell, false), optimum(cell, true)};
    }

    private long optimum(String target, boolean max) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Map<String, Variable> vars = new LinkedHashMap<>();
        for (var h : hidden.entrySet()) {
            Variable v = model.addVariable(h.getKey()).lower(h.getValue()[0]).upper(h.getValue()[1]).integer(true);
            vars.put(h.getKey(), v);
        }
        int n = 0;
        List<List<Map<String, Integer>>> kinds = List.of(equations, atMostZero, atLeastZero);
        for (int kind = 0; kind < kinds.size(); kind++) {
            for (Map<String, Integer> eq : kinds.get(kind)) {
                long constant = 0;
                boolean any = false;
                for (var term : eq.entrySet()) {
                    if (vars.containsKey(term.getKey())) {
                        any = true;
                    } else {
                        constant += term.getValue() * shown.get(term.getKey());
                    }
                }
                if (!any) {
                    boolean holds = kind == 0 ? constant == 0 : kind == 1 ? constant <= 0 : constant >= 0;
                    if (!holds) {
                        throw new AssertionError("the shown figures contradict each other: " + eq.keySet());
                    }
                    continue;
                }
                Expression e = model.addExpression("eq" + n++);
                if (kind == 0) {
                    e.level(-constant);
                } else if (kind == 1) {
                    e.upper(-constant);
                } else {
                    e.lower(-constant);
                }
                for (var term : eq.entrySet()) {
                    Variable v = vars.get(term.getKey());
                    if (v != null) {
                        e.set(v, term.getValue());
                    }
                }
            }
        }
        vars.get(target).weight(1);
        Optimisation.Result r = max ? model.maximise() : model.minimise();
        if (!r.getState().isFeasible()) {
            throw new AssertionError("the workbook's figures have no solution (" + r.getState() + ")");
        }
        return new BigDecimal(String.valueOf(r.getValue())).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
    }
}
