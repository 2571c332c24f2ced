package org.outreachdesk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Small-cell suppression, attacked: hand-built tables that defeat the simple rules, and random tables checked by
 * an independent brute-force reader who tries every value the hidden cells could have.
 */
class SuppressionTest {

    /** Entry indexes of a table with row totals, column totals and an exact grand total. */
    record Table(Suppression s, int[][] cell, int[] rowTotal, int[] colTotal, int grand) {
    }

    static Table table(long[][] m) {
        Suppression s = new Suppression();
        int rows = m.length;
        int cols = m[0].length;
        int[][] idx = new int[rows][cols];
        long[] rv = new long[rows];
        long[] cv = new long[cols];
        long g = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                idx[i][j] = s.add(m[i][j]);
                rv[i] += m[i][j];
                cv[j] += m[i][j];
                g += m[i][j];
            }
        }
        int[] rt = new int[rows];
        for (int i = 0; i < rows; i++) {
            rt[i] = s.add(rv[i]);
        }
        int[] ct = new int[cols];
        for (int j = 0; j < cols; j++) {
            ct[j] = s.add(cv[j]);
        }
        int grand = s.addExact(g);
        for (int i = 0; i < rows; i++) {
            s.line(rt[i], idx[i]);
        }
        for (int j = 0; j < cols; j++) {
            int[] col = new int[rows];
            for (int i = 0; i < rows; i++) {
                col[i] = idx[i][j];
            }
            s.line(ct[j], col);
        }
        s.line(grand, ct);
        s.line(grand, rt);
        return new Table(s, idx, rt, ct, grand);
    }

    @Test
    void countsFromOneToFourAreHiddenAndZerosAndLargeCountsAreShown() {
        Suppression s = new Suppression();
        int zero = s.add(0);
        int one = s.add(1);
        int four = s.add(4);
        int five = s.add(5);
        Suppression.Result r = s.run(5);
        assertThat(r.isSuppressed(zero)).isFalse();
        assertThat(r.isSuppressed(one)).isTrue();
        assertThat(r.isSuppressed(four)).isTrue();
        assertThat(r.isSuppressed(five)).isFalse();
        assertThat(r.primary()[one]).isTrue();
    }

    @Test
    void theThresholdIsASetting() {
        Suppression s = new Suppression();
        int nine = s.add(9);
        int ten = s.add(10);
        Suppression.Result r = s.run(10);
        assertThat(r.isSuppressed(nine)).isTrue();
        assertThat(r.isSuppressed(ten)).isFalse();
    }

    @Test
    void aLoneSmallCellInARowWithATotalBringsTheNextSmallestOfThatRowWithIt() {
        // row 0: 3 is alone; the next smallest non-zero cell of its row is 7 (not 20)
        Table t = table(new long[][] {{3, 7, 20}, {10, 11, 12}});
        Suppression.Result r = t.s().run(5);
        assertThat(r.isSuppressed(t.cell()[0][0])).isTrue();
        assertThat(r.isSuppressed(t.cell()[0][1])).isTrue();
        assertThat(r.isSuppressed(t.cell()[0][2])).isFalse();
        // and column 0 and column 1 then each have one hidden cell: row 1 hides its cells there too
        assertThat(r.isSuppressed(t.cell()[1][0])).isTrue();
        assertThat(r.isSuppressed(t.cell()[1][1])).isTrue();
        assertThat(r.isSuppressed(t.grand())).isFalse();
        assertNothingCanBeWorkedOut(t.s(), r);
    }

    @Test
    void twoHiddenOnesWhoseSumIsTwoAreHiddenFurther() {
        // [1, 1, 10] total 12: "<5 <5 10 12" tells a reader the two hidden cells add to 2, so both are 1
        Suppression s = new Suppression();
        int a = s.add(1);
        int b = s.add(1);
        int c = s.add(10);
        int total = s.addExact(12);
        s.line(total, a, b, c);
        Suppression.Result r = s.run(5);
        assertThat(r.isSuppressed(c)).isTrue();
        assertThat(r.exposed()).isEmpty();
        assertNothingCanBeWorkedOut(s, r);
    }

    @Test
    void aHiddenRowTotalCannotBeWorkedOutByAddingItsShownCells() {
        // row 0 total is 4 (hidden) while its cells 0, 0, 4 ... the 4 is hidden too; row 1 is large
        Table t = table(new long[][] {{0, 0, 4}, {6, 9, 30}, {7, 8, 12}});
        Suppression.Result r = t.s().run(5);
        assertThat(r.isSuppressed(t.cell()[0][2])).isTrue();
        assertThat(r.isSuppressed(t.rowTotal()[0])).isTrue();
        assertThat(r.isSuppressed(t.cell()[0][0])).isFalse();
        assertNothingCanBeWorkedOut(t.s(), r);
    }

    @Test
    void aSmallColumnTotalIsHiddenAndProtectedInTheTotalRow() {
        // the Male column adds to 3 (hidden); the Total row would give it away from the exact grand total
        Table t = table(new long[][] {{10, 2, 9}, {12, 1, 14}, {20, 0, 8}});
        Suppression.Result r = t.s().run(5);
        assertThat(r.isSuppressed(t.colTotal()[1])).isTrue();
        int hiddenInTotalRow = 0;
        for (int j : t.colTotal()) {
            hiddenInTotalRow += r.isSuppressed(j) ? 1 : 0;
        }
        assertThat(hiddenInTotalRow).isGreaterThanOrEqualTo(2);
        assertThat(r.isSuppressed(t.grand())).isFalse();
        assertNothingCanBeWorkedOut(t.s(), r);
    }

    @Test
    void zerosAreNeverHiddenEvenToProtectAnother() {
        Suppression s = new Suppression();
        int a = s.add(3);
        int z1 = s.add(0);
        int z2 = s.add(0);
        int total = s.add(3);
        s.line(total, a, z1, z2);
        Suppression.Result r = s.run(5);
        assertThat(r.isSuppressed(z1)).isFalse();
        assertThat(r.isSuppressed(z2)).isFalse();
        assertThat(r.isSuppressed(a)).isTrue();
        assertThat(r.isSuppressed(total)).isTrue();
    }

    @Test
    void aGrandTotalFromOneToFourIsHiddenAsSmallAndNothingCanBeWorkedOut() {
        // all three reached are female: once the grand total says 3, the Female total would be pinned
        Table t = table(new long[][] {{2, 0}, {1, 0}});
        Suppression.Result r = t.s().run(5);
        assertThat(r.isSmall(t.grand())).isTrue();
        assertThat(r.exposed()).isEmpty();
        assertNothingCanBeWorkedOut(t.s(), r);
    }

    @Test
    void aGrandTotalOfFiveOrMoreStaysExact() {
        Table t = table(new long[][] {{1, 1}, {1, 9}});
        Suppression.Result r = t.s().run(5);
        assertThat(r.isSuppressed(t.grand())).isFalse();
        assertThat(r.isSmall(t.cell()[0][0])).isTrue();
        assertThat(r.exposed()).isEmpty();
        assertNothingCanBeWorkedOut(t.s(), r);
    }

    @Test
    void aCellHiddenOnlyToProtectAnotherIsNeverShownAsSmall() {
        // row 0: 3 is small, 7 is hidden with it to protect it: 7 is x, never <5
        Table t = table(new long[][] {{3, 7, 20}, {10, 11, 12}});
        Suppression.Result r = t.s().run(5);
        assertThat(r.isSmall(t.cell()[0][0])).isTrue();
        assertThat(r.isSuppressed(t.cell()[0][1])).isTrue();
        assertThat(r.isSmall(t.cell()[0][1])).isFalse();
        long[] v = t.s().values();
        for (int e = 0; e < v.length; e++) {
            if (r.isSmall(e)) {
                assertThat(v[e]).isBetween(1L, 4L);
            }
        }
    }

    @Test
    void aReaderWhoKnowsSmallMeansAtMostFourIsDefeatedToo() {
        // "<5 <5 | 8": both hidden cells must be 4 once a reader knows <5 is at most 4
        Suppression s = new Suppression();
        int a = s.add(4);
        int b = s.add(4);
        int c = s.add(10);
        int total = s.addExact(18);
        s.line(total, a, b, c);
        Suppression.Result r = s.run(5);
        assertThat(r.isSuppressed(c)).isTrue();
        assertThat(r.isSmall(c)).isFalse();
        assertThat(r.exposed()).isEmpty();
        assertNothingCanBeWorkedOut(s, r);
    }

    @Test
    void whenOnlyZerosAreLeftBesideAPinnedCellAZeroIsHiddenAsX() {
        // everybody is in two cells of 4 and the grand total 8 is exact: 4 + 4 = 8 pins both unless a zero hides
        Table t = table(new long[][] {{4, 0}, {4, 0}});
        Suppression.Result r = t.s().run(5);
        assertThat(r.exposed()).isEmpty();
        assertThat(r.auditCells() + r.lastResortCells()).isPositive();
        assertNothingCanBeWorkedOut(t.s(), r);
    }

    @Test
    void theReadersProgramGivesTheRangesWorkedOutByHand() {
        // five <5 cells (at least 1 each) adding up to an exact 5: every one is 1, truly pinned;
        // with an exact 7 instead (1, 1, 1, 1, 3): the other four are at least 4, so each is 1 to 3
        long[][] cases = {{1, 1, 1, 1, 1}, {1, 1, 1, 1, 3}};
        long[][] lo = {{1, 1, 1, 1, 1}, {1, 1, 1, 1, 1}};
        long[][] hi = {{1, 1, 1, 1, 1}, {3, 3, 3, 3, 3}};
        for (int k = 0; k < cases.length; k++) {
            Suppression s = new Suppression();
            int[] cell = new int[5];
            long sum = 0;
            for (int j = 0; j < 5; j++) {
                cell[j] = s.add(cases[k][j]);
                sum += cases[k][j];
            }
            int total = s.addExact(sum);
            s.line(total, cell);
            boolean[] hidden = {true, true, true, true, true, false};
            long[][] b = s.bounds(s.values(), hidden, 5);
            for (int j = 0; j < 5; j++) {
                assertThat(new long[] {b[0][cell[j]], b[1][cell[j]]}).as("case %d cell %d", k, j)
                        .containsExactly(lo[k][j], hi[k][j]);
            }
        }
    }

    @Test
    void smallCellsThatAddUpToAnExactTotalShowOneAsXInsteadOfHidingTheirLineWhole() {
        // six people, one in each of six cells, total 6 exact (a KP_PREV of six people): "<5" six times beside 6
        // says each is 1. Hiding more cannot help (no shown cell is left but the exact total); showing the first
        // as x (0 or more) does: the five <5 then add up to 5 or 6, so each is 1 or 2, and the x is 0 or 1.
        Suppression s = new Suppression();
        int[] cell = new int[6];
        for (int j = 0; j < 6; j++) {
            cell[j] = s.add(1);
        }
        int total = s.addExact(6);
        s.line(total, cell);
        Suppression.Result r = s.run(5);
        assertThat(r.isSuppressed(total)).isFalse();
        assertThat(r.isSuppressed(cell[0])).isTrue();
        assertThat(r.isSmall(cell[0])).isFalse();
        for (int j = 1; j < 6; j++) {
            assertThat(r.isSmall(cell[j])).as("cell %d", j).isTrue();
        }
        assertThat(r.auditCells()).isZero();
        assertThat(r.lastResortCells()).isZero();
        assertThat(r.exposed()).isEmpty();
        assertNothingCanBeWorkedOut(s, r);
        assertThat(pinnedByIntegerReader(s, r)).isEmpty();
    }

    @Test
    void forcedEntriesAreHiddenWhateverTheirValueAndShownAsX() {
        Suppression s = new Suppression();
        int a = s.addQuantity(40);
        int b = s.addQuantity(30);
        int c = s.addQuantity(200);
        int total = s.addExactQuantity(270);
        s.line(total, a, b, c);
        s.force(a);
        Suppression.Result r = s.run(5);
        assertThat(r.isSuppressed(a)).isTrue();
        assertThat(r.isSmall(a)).isFalse();
        // alone it would be 270 - 30 - 200: the next smallest quantity is hidden with it
        assertThat(r.isSuppressed(b)).isTrue();
        assertThat(r.isSuppressed(total)).isFalse();
        assertNothingCanBeWorkedOut(s, r);
    }

    @Test
    void aThresholdOfOneSuppressesNothing() {
        Table t = table(new long[][] {{1, 2}, {3, 4}});
        assertThat(t.s().run(1).count()).isZero();
    }

    @Test
    void partsMustBeAtMostTheirWholeAndAtLeastTheirTotalAsDeclared() {
        Suppression s = new Suppression();
        int made = s.add(3);
        int completed = s.add(4);
        assertThatThrownBy(() -> s.atMost(made, completed)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.atLeast(completed, made)).isInstanceOf(IllegalArgumentException.class);
        s.atMost(completed, made);
        s.atLeast(made, completed);
        assertThat(s.lines()).extracting(Suppression.Line::relation)
                .containsExactly(Suppression.Relation.AT_MOST, Suppression.Relation.AT_LEAST);
    }

    @Test
    void linesMustAddUp() {
        Suppression s = new Suppression();
        int a = s.add(2);
        int total = s.add(3);
        assertThatThrownBy(() -> s.line(total, a)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.add(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void randomSmallTablesNeverLetAHiddenCountBeWorkedOut() {
        Random rnd = new Random(20261020);
        long[] pool = {0, 0, 0, 1, 1, 2, 3, 4, 5, 6, 7, 9, 12};
        int checked = 0;
        for (int n = 0; n < 1500; n++) {
            int rows = 2 + rnd.nextInt(3);
            int cols = 2 + rnd.nextInt(2);
            long[][] m = new long[rows][cols];
            for (long[] row : m) {
                for (int j = 0; j < cols; j++) {
                    row[j] = pool[rnd.nextInt(pool.length)];
                }
            }
            Table t = table(m);
            Suppression.Result r = t.s().run(5);
            Set<Integer> pinned = pinnedByIntegerReader(t.s(), r);
            // nothing: the algorithm hides until its own (stronger) reader pins nothing
            assertThat(r.exposed()).isEmpty();
            assertThat(pinned).as("table %s", java.util.Arrays.deepToString(m)).isEmpty();
            if (r.count() > 0) {
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(800);
    }

    @Test
    void randomPairsOfBreakdownsSharingTheirRowTotalsNeverLetAHiddenCountBeWorkedOut() {
        // ReachByKpType (new, returning) and KP_PREV (four statuses) are two breakdowns of the same KP rows
        Random rnd = new Random(1288);
        long[] pool = {0, 0, 1, 1, 2, 3, 4, 6, 9};
        for (int n = 0; n < 300; n++) {
            int rows = 2 + rnd.nextInt(2);
            long[][] a = new long[rows][2];
            long[][] b = new long[rows][3];
            for (int i = 0; i < rows; i++) {
                long total = 0;
                for (int j = 0; j < 2; j++) {
                    a[i][j] = pool[rnd.nextInt(pool.length)];
                    total += a[i][j];
                }
                // split the same row total over three statuses
                long left = total;
                for (int j = 0; j < 2; j++) {
                    b[i][j] = left == 0 ? 0 : rnd.nextInt((int) left + 1);
                    left -= b[i][j];
                }
                b[i][2] = left;
            }
            Suppression s = new Suppression();
            int[] rowTotals = linked(s, a, b);
            Suppression.Result r = s.run(5);
            assertThat(pinnedByIntegerReader(s, r)).as("tables %s / %s", java.util.Arrays.deepToString(a),
                    java.util.Arrays.deepToString(b)).isEmpty();
            assertThat(r.exposed()).isEmpty();
            for (int i = 0; i < rows; i++) {
                long t = a[i][0] + a[i][1];
                if (t >= 1 && t < 5) {
                    assertThat(r.isSuppressed(rowTotals[i])).isTrue();
                }
            }
        }
    }

    /** Two breakdowns of the same rows: shared row totals and grand total, each with its column totals. */
    static int[] linked(Suppression s, long[][] a, long[][] b) {
        int rows = a.length;
        long[] rv = new long[rows];
        long g = 0;
        for (int i = 0; i < rows; i++) {
            for (long x : a[i]) {
                rv[i] += x;
                g += x;
            }
        }
        int[] rt = new int[rows];
        for (int i = 0; i < rows; i++) {
            rt[i] = s.add(rv[i]);
        }
        int grand = s.addExact(g);
        s.line(grand, rt);
        for (long[][] m : List.of(a, b)) {
            int cols = m[0].length;
            int[][] idx = new int[rows][cols];
            long[] cv = new long[cols];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    idx[i][j] = s.add(m[i][j]);
                    cv[j] += m[i][j];
                }
                s.line(rt[i], idx[i]);
            }
            int[] ct = new int[cols];
            for (int j = 0; j < cols; j++) {
                ct[j] = s.add(cv[j]);
                int[] col = new int[rows];
                for (int i = 0; i < rows; i++) {
                    col[i] = idx[i][j];
                }
                s.line(ct[j], col);
            }
            s.line(grand, ct);
        }
        return rt;
    }

    @Test
    void theAlgorithmsOwnReaderAgreesWithTheBruteForceReaderOnHandBuiltTables() {
        long[][][] tables = {
            {{3, 7, 20}, {10, 11, 12}},
            {{1, 1, 10}, {8, 9, 10}},
            {{4, 4, 10}, {7, 0, 3}},
            {{0, 2, 0}, {5, 0, 6}, {0, 1, 9}},
        };
        for (long[][] m : tables) {
            Table t = table(m);
            Suppression.Result r = t.s().run(5);
            assertThat(pinnedByBruteForce(t.s(), r)).isEmpty();
            assertThat(r.exposed()).isEmpty();
        }
    }

    /**
     * The same reader as an integer program (ojAlgo): each hidden entry an integer variable ({@code <5}: 1 to 4,
     * {@code x}: 0 or more), each line an equation; answers the hidden entries whose minimum equals their maximum.
     */
    static Set<Integer> pinnedByIntegerReader(Suppression s, Suppression.Result r) {
        long[] v = s.values();
        Set<Integer> pinned = new HashSet<>();
        for (int target = 0; target < v.length; target++) {
            if (r.isSuppressed(target) && optimum(s, r, target, false) == optimum(s, r, target, true)) {
                pinned.add(target);
            }
        }
        return pinned;
    }

    private static long optimum(Suppression s, Suppression.Result r, int target, boolean max) {
        long[] v = s.values();
        org.ojalgo.optimisation.ExpressionsBasedModel model = new org.ojalgo.optimisation.ExpressionsBasedModel();
        org.ojalgo.optimisation.Variable[] x = new org.ojalgo.optimisation.Variable[v.length];
        for (int e = 0; e < v.length; e++) {
            if (r.isSuppressed(e)) {
                x[e] = model.addVariable("e" + e).lower(r.isSmall(e) ? 1 : 0).upper(r.isSmall(e) ? 4 : 1_000_000)
                        .integer(true);
            }
        }
        int n = 0;
        for (Suppression.Line l : s.lines()) {
            long constant = 0;
            java.util.Map<Integer, Integer> terms = new java.util.HashMap<>();
            for (int c : l.cells()) {
                terms.merge(c, 1, Integer::sum);
            }
            terms.merge(l.total(), -1, Integer::sum);
            boolean any = false;
            for (var t : terms.entrySet()) {
                if (x[t.getKey()] == null) {
                    constant += t.getValue() * v[t.getKey()];
                } else {
                    any = true;
                }
            }
            if (any) {
                var eq = model.addExpression("l" + n++).level(-constant);
                terms.forEach((e, coef) -> {
                    if (x[e] != null) {
                        eq.set(x[e], coef);
                    }
                });
            }
        }
        x[target].weight(1);
        var res = max ? model.maximise() : model.minimise();
        assertThat(res.getState().isFeasible()).as("the true table is a solution").isTrue();
        return Math.round(res.getValue());
    }

    private static void assertNothingCanBeWorkedOut(Suppression s, Suppression.Result r) {
        assertThat(pinnedByBruteForce(s, r)).isEmpty();
    }

    /**
     * A reader who knows the lines, the shown values, that a {@code <5} is 1 to 4 and an {@code x} anything from 0 to
     * the largest figure of the table, tries every combination (a depth-first search that fills in values forced by a
     * line with one unknown left) and answers the hidden entries that can only have one value.
     */
    static Set<Integer> pinnedByBruteForce(Suppression s, Suppression.Result r) {
        long[] v = s.values();
        List<Integer> hidden = new ArrayList<>();
        long max = 0;
        for (int i = 0; i < v.length; i++) {
            if (r.isSuppressed(i)) {
                hidden.add(i);
            }
            max = Math.max(max, v[i]);
        }
        Reader reader = new Reader(s.lines(), v, r, hidden, max);
        reader.search();
        Set<Integer> pinned = new HashSet<>();
        for (int k = 0; k < hidden.size(); k++) {
            if (!reader.done) {
                assertThat(reader.seen.get(k)).as("the true table is a solution").contains(v[hidden.get(k)]);
            }
            if (reader.seen.get(k).size() == 1) {
                pinned.add(hidden.get(k));
            }
        }
        return pinned;
    }

    /** The brute-force reader's search state. */
    private static final class Reader {
        final List<Suppression.Line> lines;
        final long[] x;
        final boolean[] known;
        final List<Integer> hidden;
        final long max;
        final List<Set<Long>> seen = new ArrayList<>();
        final long[] truth;
        final Suppression.Result result;
        boolean done;

        Reader(List<Suppression.Line> lines, long[] v, Suppression.Result r, List<Integer> hidden, long max) {
            this.lines = lines;
            this.truth = v;
            this.x = v.clone();
            this.known = new boolean[v.length];
            for (int i = 0; i < v.length; i++) {
                known[i] = !r.isSuppressed(i);
            }
            this.hidden = hidden;
            this.max = max;
            this.result = r;
            for (int k = 0; k < hidden.size(); k++) {
                seen.add(new HashSet<>());
            }
        }

        void search() {
            if (done) {
                return;
            }
            List<Integer> trail = new ArrayList<>();
            if (propagate(trail) && consistent()) {
                int next = -1;
                for (int e : hidden) {
                    if (!known[e]) {
                        next = e;
                        break;
                    }
                }
                if (next < 0) {
                    record();
                } else {
                    for (long val = lo(next); val <= hi(next) && !done; val++) {
                        x[next] = val;
                        known[next] = true;
                        search();
                        known[next] = false;
                    }
                }
            }
            for (int e : trail) {
                known[e] = false;
            }
        }

        /** What the mark says: {@code <5} is 1 to 4; {@code x} is 0 or more (at most the largest figure). */
        private long lo(int e) {
            return result.isSmall(e) ? 1 : 0;
        }

        private long hi(int e) {
            return result.isSmall(e) ? 4 : max;
        }

        private void record() {
            boolean all = true;
            for (int k = 0; k < hidden.size(); k++) {
                seen.get(k).add(x[hidden.get(k)]);
                all &= seen.get(k).size() >= 2;
            }
            done = all;
        }

        /** Fills in every entry a line with one unknown left forces; false when a forced value is impossible. */
        private boolean propagate(List<Integer> trail) {
            boolean changed = true;
            while (changed) {
                changed = false;
                for (Suppression.Line l : lines) {
                    int unknown = -1;
                    int count = 0;
                    long cells = 0;
                    for (int c : l.cells()) {
                        if (known[c]) {
                            cells += x[c];
                        } else {
                            unknown = c;
                            count++;
                        }
                    }
                    if (!known[l.total()]) {
                        unknown = l.total();
                        count++;
                    }
                    if (count != 1) {
                        continue;
                    }
                    long value = unknown == l.total() ? cells : x[l.total()] - cells;
                    if (value < lo(unknown) || value > hi(unknown)) {
                        return false;
                    }
                    x[unknown] = value;
                    known[unknown] = true;
                    trail.add(unknown);
                    changed = true;
                }
            }
            return true;
        }

        /** No fully known line is broken, and no line's known cells (unknown ones at least 1) exceed its total. */
        private boolean consistent() {
            for (Suppression.Line l : lines) {
                long sum = 0;
                boolean all = true;
                for (int c : l.cells()) {
                    if (known[c]) {
                        sum += x[c];
                    } else {
                        all = false;
                        sum += lo(c);
                    }
                }
                if (known[l.total()] && (all ? sum != x[l.total()] : sum > x[l.total()])) {
                    return false;
                }
            }
            return true;
        }
    }
}
