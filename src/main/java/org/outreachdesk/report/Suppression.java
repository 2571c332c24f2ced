package org.outreachdesk.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Small-cell suppression of donor tables, as a pure algorithm over numbers (no tables, no Excel).
 *
 * <p>A table is a list of <em>entries</em> (inner cells and their row, column and grand totals) and a list of
 * <em>lines</em>: a line says that some entries (its cells) add up to another entry (its total), as a row or a
 * column with its total does. The rules (DOMAIN.md, "Reporting rules"):
 * <ol>
 *   <li><b>Primary:</b> every count from 1 to {@code threshold - 1} is suppressed (shown as {@code <5}); zeros
 *       are shown.</li>
 *   <li><b>Complementary:</b> where a line then has exactly one suppressed entry while the rest of it is shown,
 *       the next smallest non-zero cell of that line is suppressed too, so the suppressed value cannot be worked
 *       out by subtraction (or, for a suppressed total, by addition). This repeats until no line has exactly one
 *       suppressed entry.</li>
 *   <li><b>Exact totals:</b> entries marked exact (the grand totals of a table) are never suppressed.</li>
 *   <li><b>Audit:</b> then every suppressed entry's possible range is worked out from all lines together, the way
 *       a determined reader would (linear programming: each suppressed value is at least 1, because zeros are
 *       shown, and every line's sum must hold; combining lines is allowed). If a suppressed value is pinned to
 *       one number (for example two suppressed cells whose sum must be 2 are both 1, or a difference of two
 *       lines gives it away), the next smallest non-zero cell of a line through it is suppressed as well, and
 *       everything is checked again.</li>
 * </ol>
 * When a pinned value has no cell left that could hide it (all of a line's other cells are zero and its total
 * is an exact grand total), it stays pinned and is reported in {@link Result#exposed()}; this happens only
 * when, say, everybody reached falls in one column, which the exact grand total says anyway.
 */
public final class Suppression {

    /** The default threshold: counts from 1 to 4 are suppressed. */
    public static final int DEFAULT_THRESHOLD = 5;

    private static final long INF = Long.MAX_VALUE / 8;

    private final List<Long> values = new ArrayList<>();
    private final List<Boolean> exact = new ArrayList<>();
    private final List<Line> lines = new ArrayList<>();

    /** Cells that add up to a total: entry indexes. */
    public record Line(int total, int[] cells) {
        public Line {
            cells = cells.clone();
        }

        boolean contains(int entry) {
            if (entry == total) {
                return true;
            }
            for (int c : cells) {
                if (c == entry) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Which entries are suppressed, which of them by the primary rule, and any that stay pinned. */
    public record Result(boolean[] suppressed, boolean[] primary, Set<Integer> exposed) {
        public boolean isSuppressed(int entry) {
            return suppressed[entry];
        }

        public int count() {
            int n = 0;
            for (boolean b : suppressed) {
                if (b) {
                    n++;
                }
            }
            return n;
        }
    }

    /** Adds an entry that may be suppressed; answers its index. */
    public int add(long value) {
        return add(value, false);
    }

    /** Adds an entry that is always shown exactly (a grand total); answers its index. */
    public int addExact(long value) {
        return add(value, true);
    }

    private int add(long value, boolean isExact) {
        if (value < 0) {
            throw new IllegalArgumentException("counts are never negative");
        }
        values.add(value);
        exact.add(isExact);
        return values.size() - 1;
    }

    /** Declares that {@code cells} add up to {@code total} (the reader knows this). */
    public void line(int total, int... cells) {
        check(total);
        for (int c : cells) {
            check(c);
        }
        long sum = 0;
        for (int c : cells) {
            sum += values.get(c);
        }
        if (sum != values.get(total)) {
            throw new IllegalArgumentException("the cells of a line do not add up to its total");
        }
        lines.add(new Line(total, cells));
    }

    private void check(int entry) {
        if (entry < 0 || entry >= values.size()) {
            throw new IndexOutOfBoundsException("no entry " + entry);
        }
    }

    /** Runs the rules with counts from 1 to {@code threshold - 1} suppressed. */
    public Result run(int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("the suppression threshold must be at least 1");
        }
        int n = values.size();
        long[] v = values.stream().mapToLong(Long::longValue).toArray();
        boolean[] fixed = new boolean[n];
        for (int i = 0; i < n; i++) {
            fixed[i] = exact.get(i);
        }
        boolean[] s = new boolean[n];
        boolean[] primary = new boolean[n];
        for (int i = 0; i < n; i++) {
            primary[i] = !fixed[i] && v[i] >= 1 && v[i] < threshold;
            s[i] = primary[i];
        }
        Set<Integer> exposed = new HashSet<>();
        while (true) {
            if (complementaryPass(v, fixed, s)) {
                continue;
            }
            long[][] b = bounds(v, s);
            boolean changed = false;
            for (int i = 0; i < n && !changed; i++) {
                if (!s[i] || b[0][i] != b[1][i] || exposed.contains(i)) {
                    continue;
                }
                int pick = hideFor(i, v, fixed, s);
                if (pick >= 0) {
                    s[pick] = true;
                    changed = true;
                } else {
                    exposed.add(i);
                }
            }
            if (!changed) {
                break;
            }
        }
        // an entry first found pinned may have been covered by later suppressions: report only what still is
        long[][] b = bounds(v, s);
        exposed.removeIf(i -> b[0][i] != b[1][i]);
        return new Result(s, primary, Set.copyOf(exposed));
    }

    /** Rule 2 once over every line; answers whether anything was suppressed. */
    private boolean complementaryPass(long[] v, boolean[] fixed, boolean[] s) {
        boolean changed = false;
        for (Line l : lines) {
            if (suppressedIn(l, s) == 1) {
                int pick = candidate(l, v, fixed, s);
                if (pick >= 0) {
                    s[pick] = true;
                    changed = true;
                }
            }
        }
        return changed;
    }

    /** A cell to suppress so that pinned entry {@code i} is hidden: from the line through it with fewest unknowns. */
    private int hideFor(int i, long[] v, boolean[] fixed, boolean[] s) {
        List<Line> through = new ArrayList<>();
        for (Line l : lines) {
            if (l.contains(i)) {
                through.add(l);
            }
        }
        through.sort(Comparator.comparingInt(l -> suppressedIn(l, s)));
        for (Line l : through) {
            int pick = candidate(l, v, fixed, s);
            if (pick >= 0) {
                return pick;
            }
        }
        return -1;
    }

    private static int suppressedIn(Line l, boolean[] s) {
        int k = s[l.total()] ? 1 : 0;
        for (int c : l.cells()) {
            if (s[c]) {
                k++;
            }
        }
        return k;
    }

    /** The next smallest non-zero shown cell of the line (first one on ties); else its total if it may be hidden. */
    private static int candidate(Line l, long[] v, boolean[] fixed, boolean[] s) {
        int best = -1;
        for (int c : l.cells()) {
            if (!s[c] && !fixed[c] && v[c] > 0 && (best < 0 || v[c] < v[best])) {
                best = c;
            }
        }
        if (best < 0 && !s[l.total()] && !fixed[l.total()] && v[l.total()] > 0) {
            best = l.total();
        }
        return best;
    }

    /**
     * What a reader can work out: for every entry the smallest and largest value consistent with everything
     * shown ({lo, hi}). Shown entries are their value; for the hidden ones the reader knows each is at least 1
     * (zeros are shown) and that every line adds up, and solves the linear programs min and max of each hidden
     * value under those constraints (the tables are sums of counts, so these bounds are whole numbers).
     */
    long[][] bounds(long[] v, boolean[] s) {
        int n = v.length;
        long[] lo = new long[n];
        long[] hi = new long[n];
        int[] var = new int[n];
        int unknowns = 0;
        for (int i = 0; i < n; i++) {
            lo[i] = v[i];
            hi[i] = v[i];
            var[i] = s[i] ? unknowns++ : -1;
        }
        if (unknowns == 0) {
            return new long[][] {lo, hi};
        }
        // each line: sum(cells) - total = 0; with hidden x = 1 + y, y >= 0
        List<double[]> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        for (Line l : lines) {
            double[] row = new double[unknowns];
            double known = 0;
            boolean any = false;
            int m = l.cells().length;
            for (int k = 0; k <= m; k++) {
                int e = k < m ? l.cells()[k] : l.total();
                double coef = k < m ? 1 : -1;
                if (s[e]) {
                    row[var[e]] += coef;
                    known += coef;
                    any = true;
                } else {
                    known += coef * v[e];
                }
            }
            if (any) {
                a.add(row);
                b.add(-known);
            }
        }
        LinearProgram lp = LinearProgram.feasible(a.toArray(new double[0][]),
                b.stream().mapToDouble(Double::doubleValue).toArray());
        if (lp == null) {
            throw new IllegalStateException("the table's lines do not add up");
        }
        for (int i = 0; i < n; i++) {
            if (!s[i]) {
                continue;
            }
            double[] c = new double[unknowns];
            c[var[i]] = 1;
            double min = lp.minimum(c);
            c[var[i]] = -1;
            double negMax = lp.minimum(c);
            lo[i] = 1 + (long) Math.ceil(min - 1e-6);
            hi[i] = negMax == Double.NEGATIVE_INFINITY ? INF : 1 + (long) Math.floor(-negMax + 1e-6);
        }
        return new long[][] {lo, hi};
    }

    /** The entries' values (for tests). */
    long[] values() {
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    /** The lines (for tests). */
    List<Line> lines() {
        return List.copyOf(lines);
    }
}
