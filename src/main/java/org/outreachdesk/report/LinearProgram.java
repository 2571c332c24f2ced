package org.outreachdesk.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A small dense simplex solver for the suppression audit: the feasible set {y ≥ 0 : A y = b} is found once
 * (phase I, redundant rows dropped), then any linear objective is minimised from there (phase II). Bland's rule
 * throughout, so degenerate tables (many zeros) never cycle. Sizes are a few dozen rows and columns.
 */
final class LinearProgram {

    private static final double EPS = 1e-9;

    private final int n;
    private final double[][] rows;
    private final double[] rhs;
    private final int[] basis;

    private LinearProgram(int n, double[][] rows, double[] rhs, int[] basis) {
        this.n = n;
        this.rows = rows;
        this.rhs = rhs;
        this.basis = basis;
    }

    /** The set {y ≥ 0 : A y = b} ready for optimising; null when it is empty. */
    static LinearProgram feasible(double[][] a, double[] b) {
        int m = a.length;
        int n = m == 0 ? 0 : a[0].length;
        int cols = n + m;
        double[][] t = new double[m][cols];
        double[] r = new double[m];
        int[] basis = new int[m];
        for (int i = 0; i < m; i++) {
            double sign = b[i] < 0 ? -1 : 1;
            for (int j = 0; j < n; j++) {
                t[i][j] = sign * a[i][j];
            }
            t[i][n + i] = 1;
            r[i] = sign * b[i];
            basis[i] = n + i;
        }
        double[] cost = new double[cols];
        for (int i = 0; i < m; i++) {
            cost[n + i] = 1;
        }
        if (minimise(t, r, basis, cost, cols) == Double.NEGATIVE_INFINITY) {
            throw new IllegalStateException("phase I cannot be unbounded");
        }
        double infeasibility = 0;
        for (int i = 0; i < m; i++) {
            if (basis[i] >= n) {
                infeasibility += r[i];
            }
        }
        if (infeasibility > 1e-7) {
            return null;
        }
        // drive artificial variables out of the basis; a row where that is impossible is redundant
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            if (basis[i] >= n) {
                int enter = -1;
                for (int j = 0; j < n && enter < 0; j++) {
                    if (Math.abs(t[i][j]) > EPS) {
                        enter = j;
                    }
                }
                if (enter < 0) {
                    continue;
                }
                pivot(t, r, basis, i, enter, cols);
            }
            keep.add(i);
        }
        double[][] rows = new double[keep.size()][];
        double[] rr = new double[keep.size()];
        int[] bb = new int[keep.size()];
        for (int k = 0; k < keep.size(); k++) {
            int i = keep.get(k);
            rows[k] = Arrays.copyOf(t[i], n);
            rr[k] = r[i];
            bb[k] = basis[i];
        }
        return new LinearProgram(n, rows, rr, bb);
    }

    /** The minimum of {@code c · y} over the set; {@link Double#NEGATIVE_INFINITY} when unbounded below. */
    double minimum(double[] c) {
        double[][] t = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            t[i] = rows[i].clone();
        }
        return minimise(t, rhs.clone(), basis.clone(), c, n);
    }

    /** Phase II from a feasible basis: minimises {@code cost · y} in place. */
    private static double minimise(double[][] t, double[] r, int[] basis, double[] cost, int cols) {
        int m = t.length;
        while (true) {
            int enter = -1;
            for (int j = 0; j < cols && enter < 0; j++) {
                double d = cost[j];
                for (int i = 0; i < m; i++) {
                    d -= cost[basis[i]] * t[i][j];
                }
                if (d < -EPS) {
                    enter = j;
                }
            }
            if (enter < 0) {
                double v = 0;
                for (int i = 0; i < m; i++) {
                    v += cost[basis[i]] * r[i];
                }
                return v;
            }
            int leave = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < m; i++) {
                if (t[i][enter] > EPS) {
                    double ratio = r[i] / t[i][enter];
                    if (ratio < best - EPS || (Math.abs(ratio - best) <= EPS && basis[i] < basis[leave])) {
                        best = ratio;
                        leave = i;
                    }
                }
            }
            if (leave < 0) {
                return Double.NEGATIVE_INFINITY;
            }
            pivot(t, r, basis, leave, enter, cols);
        }
    }

    private static void pivot(double[][] t, double[] r, int[] basis, int row, int col, int cols) {
        double p = t[row][col];
        for (int j = 0; j < cols; j++) {
            t[row][j] /= p;
        }
        r[row] /= p;
        for (int i = 0; i < t.length; i++) {
            if (i != row && Math.abs(t[i][col]) > 0) {
                double f = t[i][col];
                for (int j = 0; j < cols; j++) {
                    t[i][j] -= f * t[row][j];
                }
                r[i] -= f * r[row];
            }
        }
        basis[row] = col;
    }
}
