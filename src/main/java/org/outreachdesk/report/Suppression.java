package org.outreachdesk.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Small-cell suppression of donor tables, as a pure algorithm over numbers (no tables, no Excel).
 *
 * <p>A workbook is a list of <em>entries</em> (inner cells and their row, column and grand totals, of every table)
 * and a list of <em>lines</em>: a line says that some entries (its cells) add up to another entry (its total), as a
 * row or a column with its total does. An entry shared by two tables (a per-KP total, the number reached) is one
 * entry, so the tables are protected together. A line may also say its cells add up to at most ({@link #atMost}) or at
 * least ({@link #atLeast}) its total: a part of a whole a donor knows (referrals completed of those made; each site's
 * reach, of the number reached, and all sites' together at least it). The audit uses those; the complementary rule
 * only uses sums. The rules (DOMAIN.md, "Reporting rules"):
 * <ol>
 *   <li><b>Primary:</b> every count from 1 to {@code threshold - 1} is suppressed and shown as {@code <5}; zeros
 *       are shown. An exact total (a table's grand total) from 1 to {@code threshold - 1} is suppressed too.</li>
 *   <li><b>Forced:</b> entries the caller {@link #force forces} are hidden whatever their value (a table whose total
 *       is 1–4 is hidden whole; commodities of a site where 1–4 people were reached).</li>
 *   <li><b>Complementary:</b> where a line then has exactly one suppressed entry while the rest of it is shown,
 *       the next smallest non-zero cell of that line is suppressed too. This repeats until no line has exactly one
 *       suppressed entry.</li>
 *   <li><b>Audit:</b> then every suppressed entry's possible range is worked out from all lines together, the way
 *       a determined reader would (linear programming over everything shown, with what each mark says: a {@code <5}
 *       is 1 to {@code threshold - 1}; a count hidden to protect another is at least {@code threshold}, since smaller
 *       ones are {@code <5} and zeros are shown; a hidden quantity at least 1; a forced entry at least 0). If a
 *       suppressed value is pinned to one number, the next smallest non-zero cell of a line through it (or that
 *       line's total) is suppressed as well, and everything is checked again.</li>
 *   <li><b>Zeros, small cells as x, then the last resort:</b> a pinned value with no non-zero cell left that could
 *       hide it (the other cells are zeros and the total is exact) has a zero of a line through it hidden ({@code x},
 *       which may be zero) if that frees it. Else, where the marks' own bounds pin it (six {@code <5}, each at least
 *       1, beside an exact 6 are all 1), the nearest small cell whose showing as {@code x} (at least 0) frees it is
 *       shown so: no more cells are hidden. Else a zero is hidden beside it or on a line further out; if not even
 *       that is possible, its whole group of connected lines is forced. {@link Result#exposed()} is then empty.</li>
 * </ol>
 * Only suppressed entries that are neither forced nor hidden to protect another are shown as {@code <5} (see
 * {@link Result#isSmall}); every other suppressed entry is shown as {@code x}. So every {@code <5} is truly 1–4.
 */
public final class Suppression {

    /** The default threshold: counts from 1 to 4 are suppressed. */
    public static final int DEFAULT_THRESHOLD = 5;

    private static final long INF = Long.MAX_VALUE / 8;

    private final List<Long> values = new ArrayList<>();
    private final List<Boolean> exact = new ArrayList<>();
    private final List<Boolean> quantity = new ArrayList<>();
    private final Set<Integer> forced = new HashSet<>();
    private final List<Line> lines = new ArrayList<>();

    /** How a line's cells relate to its total. */
    public enum Relation {
        /** The cells add up to the total (a row or a column with its total). */
        SUM,
        /** The cells add up to at most the total (referrals completed and made; the reached and encounters). */
        AT_MOST,
        /** The cells add up to at least the total (people reached per site, someone met at two sites at both). */
        AT_LEAST
    }

    /** Cells that add up to a total (or to at most, or at least, the total): entry indexes. */
    public record Line(int total, int[] cells, Relation relation) {
        public Line {
            cells = cells.clone();
        }

        public Line(int total, int[] cells) {
            this(total, cells, Relation.SUM);
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

    /**
     * Which entries are suppressed; {@code primary}: which of those are shown as the small-count mark ({@code <5}:
     * truly 1 to threshold - 1; the others are shown as {@code x}); any that stay pinned (none, after the last
     * resort); how many entries the workbook's own audit hid beyond the first two rules, and how many entries the
     * last resort forced.
     */
    public record Result(boolean[] suppressed, boolean[] primary, Set<Integer> exposed, int auditCells,
                         int lastResortCells) {
        public boolean isSuppressed(int entry) {
            return suppressed[entry];
        }

        /** Suppressed and shown as {@code <5} (its value is 1 to threshold - 1). */
        public boolean isSmall(int entry) {
            return suppressed[entry] && primary[entry];
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

    /** Adds a count (of people, referrals, incidents) that may be suppressed; answers its index. */
    public int add(long value) {
        return add(value, false, false);
    }

    /** Adds a count that is shown exactly unless it is 1 to threshold - 1 (a grand total); answers its index. */
    public int addExact(long value) {
        return add(value, true, false);
    }

    /** Adds a quantity of things (never small by its value; hidden only when forced or to protect another). */
    public int addQuantity(long value) {
        return add(value, false, true);
    }

    /** Adds a quantity that is always shown exactly unless forced (a column total). */
    public int addExactQuantity(long value) {
        return add(value, true, true);
    }

    /** Hides {@code entry} whatever its value (shown as {@code x}). */
    public void force(int entry) {
        check(entry);
        forced.add(entry);
    }

    private int add(long value, boolean isExact, boolean isQuantity) {
        if (value < 0) {
            throw new IllegalArgumentException("counts are never negative");
        }
        values.add(value);
        exact.add(isExact);
        quantity.add(isQuantity);
        return values.size() - 1;
    }

    /** Declares that {@code cells} add up to {@code total} (the reader knows this). */
    public void line(int total, int... cells) {
        relate(Relation.SUM, total, cells);
    }

    /** Declares that {@code parts} add up to at most {@code whole} (referrals completed, of those made). */
    public void atMost(int whole, int... parts) {
        relate(Relation.AT_MOST, whole, parts);
    }

    /** Declares that {@code parts} add up to at least {@code total} (reach per site, of the number reached). */
    public void atLeast(int total, int... parts) {
        relate(Relation.AT_LEAST, total, parts);
    }

    private void relate(Relation relation, int total, int... cells) {
        check(total);
        for (int c : cells) {
            check(c);
        }
        long sum = 0;
        for (int c : cells) {
            sum += values.get(c);
        }
        long t = values.get(total);
        boolean holds = switch (relation) {
            case SUM -> sum == t;
            case AT_MOST -> sum <= t;
            case AT_LEAST -> sum >= t;
        };
        if (!holds) {
            throw new IllegalArgumentException("the cells of a line do not relate to its total as declared");
        }
        lines.add(new Line(total, cells, relation));
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
        boolean[] isForced = new boolean[n];
        forced.forEach(i -> isForced[i] = true);
        boolean[] primary = new boolean[n];
        boolean[] fixed = new boolean[n];
        boolean[] s = new boolean[n];
        for (int i = 0; i < n; i++) {
            primary[i] = !isForced[i] && !quantity.get(i) && v[i] >= 1 && v[i] < threshold;
            fixed[i] = exact.get(i) && !primary[i] && !isForced[i];
            s[i] = primary[i] || isForced[i];
        }
        Audit audit = new Audit(v, threshold, primary, isForced);
        int auditCells = 0;
        Set<Integer> exposed = new HashSet<>();
        while (true) {
            if (complementaryPass(v, fixed, s)) {
                continue;
            }
            long[][] b = audit.bounds(s);
            List<Integer> pinned = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (s[i] && b[0][i] == b[1][i] && !exposed.contains(i)) {
                    pinned.add(i);
                }
            }
            if (pinned.isEmpty()) {
                break;
            }
            // the small counts first: a hidden figure pinned beside them is often pinned only through them
            pinned.sort(Comparator.comparing(i -> !(primary[i] && !isForced[i])));
            // the cheapest remedy any pinned entry allows, tried over all of them before a dearer one: a pin that
            // follows from another (a part of a pinned whole) is often freed with it
            int pick = -1;
            for (int k = 0; k < pinned.size() && pick < 0; k++) {
                pick = hideFor(pinned.get(k), v, fixed, s);
            }
            for (int k = 0; k < pinned.size() && pick < 0; k++) {
                // nothing non-zero left to hide beside it: a zero (shown as x) that frees it, if one does
                pick = unpinningZero(pinned.get(k), v, fixed, s, isForced, audit);
            }
            if (pick >= 0) {
                s[pick] = true;
                auditCells++;
                continue;
            }
            boolean remarked = false;
            for (int k = 0; k < pinned.size() && !remarked; k++) {
                // the marks' own bounds pinned it (small cells of at least 1 adding up to an exact total): a small
                // cell nearby is shown as x instead of <5, and hides nothing more
                remarked = unpinningRemark(pinned.get(k), s, primary, isForced, audit);
            }
            if (remarked) {
                continue;
            }
            boolean changed = false;
            for (int k = 0; k < pinned.size() && !changed; k++) {
                int i = pinned.get(k);
                // nothing frees it alone: hide a zero beside it, else something on a line one step further out
                pick = zeroFor(i, v, fixed, s);
                if (pick >= 0) {
                    isForced[pick] = true;
                } else {
                    pick = hideNear(i, v, fixed, s, isForced);
                }
                if (pick >= 0) {
                    s[pick] = true;
                    auditCells++;
                    changed = true;
                } else {
                    exposed.add(i);
                }
            }
            if (!changed) {
                break;
            }
        }
        // an entry first found pinned may have been covered by later suppressions: keep only what still is
        long[][] b = audit.bounds(s);
        exposed.removeIf(i -> b[0][i] != b[1][i]);
        int lastResort = 0;
        if (!exposed.isEmpty()) {
            for (int e : component(exposed)) {
                if (!isForced[e]) {
                    isForced[e] = true;
                    primary[e] = false;
                    s[e] = true;
                    lastResort++;
                }
            }
            long[][] after = audit.bounds(s);
            exposed.removeIf(i -> after[0][i] != after[1][i]);
        }
        boolean[] small = new boolean[n];
        for (int i = 0; i < n; i++) {
            small[i] = s[i] && primary[i] && !isForced[i];
        }
        return new Result(s, small, Set.copyOf(exposed), auditCells, lastResort);
    }

    /** Every entry joined to {@code start} through lines (all of a table's entries, and tables sharing them). */
    private Set<Integer> component(Set<Integer> start) {
        Set<Integer> seen = new HashSet<>(start);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Line l : lines) {
                boolean touches = seen.contains(l.total());
                for (int c : l.cells()) {
                    touches |= seen.contains(c);
                }
                if (touches) {
                    grew |= seen.add(l.total());
                    for (int c : l.cells()) {
                        grew |= seen.add(c);
                    }
                }
            }
        }
        return seen;
    }

    /** Rule 3 once over every line; answers whether anything was suppressed. */
    private boolean complementaryPass(long[] v, boolean[] fixed, boolean[] s) {
        boolean changed = false;
        for (Line l : lines) {
            // one hidden entry of an inequality is not given away by it
            if (l.relation() == Relation.SUM && suppressedIn(l, s) == 1) {
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

    /**
     * A cell to hide on the lines through the hidden entries joined to {@code i} (breadth first, nearest lines
     * first): a non-zero one if any (hidden to protect), else a zero (forced, shown as x); -1 when none is left.
     */
    private int hideNear(int i, long[] v, boolean[] fixed, boolean[] s, boolean[] isForced) {
        Set<Integer> reached = new HashSet<>(Set.of(i));
        Set<Line> seen = new HashSet<>();
        List<Integer> frontier = List.of(i);
        while (!frontier.isEmpty()) {
            List<Line> ring = new ArrayList<>();
            for (Line l : lines) {
                if (!seen.contains(l) && frontier.stream().anyMatch(l::contains)) {
                    ring.add(l);
                }
            }
            seen.addAll(ring);
            for (Line l : ring) {
                int pick = candidate(l, v, fixed, s);
                if (pick >= 0) {
                    return pick;
                }
            }
            for (Line l : ring) {
                for (int c : l.cells()) {
                    if (!s[c] && !fixed[c] && v[c] == 0) {
                        isForced[c] = true;
                        return c;
                    }
                }
            }
            List<Integer> next = new ArrayList<>();
            for (Line l : ring) {
                if (s[l.total()] && reached.add(l.total())) {
                    next.add(l.total());
                }
                for (int c : l.cells()) {
                    if (s[c] && reached.add(c)) {
                        next.add(c);
                    }
                }
            }
            frontier = next;
        }
        return -1;
    }

    /**
     * A shown zero of a line through pinned entry {@code i} whose hiding (as {@code x}, at least 0) lets {@code i}
     * take two values; -1 when none does. Tried one at a time with the reader's program for {@code i} alone.
     */
    private int unpinningZero(int i, long[] v, boolean[] fixed, boolean[] s, boolean[] isForced, Audit audit) {
        for (Line l : lines) {
            if (!l.contains(i)) {
                continue;
            }
            for (int k = 0; k <= l.cells().length; k++) {
                int z = k < l.cells().length ? l.cells()[k] : l.total();
                if (s[z] || fixed[z] || v[z] != 0) {
                    continue;
                }
                s[z] = true;
                isForced[z] = true;
                boolean frees = audit.free(i, s);
                if (frees) {
                    return z;
                }
                s[z] = false;
                isForced[z] = false;
            }
        }
        return -1;
    }

    /**
     * Where pinned entry {@code i} is held by the marks' bounds (a {@code <5} is at least 1: six of them adding up to
     * an exact 6 are all 1), shows one small cell of its group as {@code x} (at least 0) instead: the nearest one, by
     * lines through hidden entries, that frees {@code i}. Answers whether one did; nothing changes when none does.
     */
    private boolean unpinningRemark(int i, boolean[] s, boolean[] primary, boolean[] isForced, Audit audit) {
        for (int e : joined(i, s)) {
            if (!primary[e] || isForced[e]) {
                continue;
            }
            isForced[e] = true;
            if (audit.free(i, s)) {
                return true;
            }
            isForced[e] = false;
        }
        return false;
    }

    /** The hidden entries joined to hidden entry {@code i} by lines, nearest first ({@code i} itself first). */
    private List<Integer> joined(int i, boolean[] s) {
        Set<Integer> seen = new HashSet<>(Set.of(i));
        List<Integer> order = new ArrayList<>(List.of(i));
        for (int k = 0; k < order.size(); k++) {
            int e = order.get(k);
            for (Line l : lines) {
                if (!l.contains(e)) {
                    continue;
                }
                for (int c = 0; c <= l.cells().length; c++) {
                    int next = c < l.cells().length ? l.cells()[c] : l.total();
                    if (s[next] && seen.add(next)) {
                        order.add(next);
                    }
                }
            }
        }
        return order;
    }

    /** A shown zero (cell or total, never an exact one) of the line through {@code i} with fewest unknowns. */
    private int zeroFor(int i, long[] v, boolean[] fixed, boolean[] s) {
        List<Line> through = new ArrayList<>();
        for (Line l : lines) {
            if (l.contains(i)) {
                through.add(l);
            }
        }
        through.sort(Comparator.comparingInt(l -> suppressedIn(l, s)));
        for (Line l : through) {
            for (int c : l.cells()) {
                if (!s[c] && !fixed[c] && v[c] == 0) {
                    return c;
                }
            }
            if (!s[l.total()] && !fixed[l.total()] && v[l.total()] == 0) {
                return l.total();
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
     * What a reader can work out ({lo, hi} of every entry), for tests: the same audit {@link #run} uses, with
     * {@code s} as the suppressed entries, none forced.
     */
    long[][] bounds(long[] v, boolean[] s, int threshold) {
        boolean[] primary = new boolean[v.length];
        for (int i = 0; i < v.length; i++) {
            primary[i] = !quantity.get(i) && v[i] >= 1 && v[i] < threshold;
        }
        return new Audit(v, threshold, primary, new boolean[v.length]).bounds(s);
    }

    /**
     * The reader's linear programs, one per group of hidden entries joined by lines (tables that share no hidden
     * entry are solved apart), remembered between rounds: a round after one more suppression re-solves only the group
     * that changed.
     */
    private final class Audit {
        private final long[] v;
        private final int threshold;
        private final boolean[] primary;
        private final boolean[] forcedNow;
        private final Map<List<Integer>, long[][]> solved = new HashMap<>();

        Audit(long[] v, int threshold, boolean[] primary, boolean[] forcedNow) {
            this.v = v;
            this.threshold = threshold;
            this.primary = primary;
            this.forcedNow = forcedNow;
        }

        /** The bounds a reader knows for hidden entry {@code e} from its mark alone. */
        private long lowest(int e) {
            if (forcedNow[e]) {
                return 0;
            }
            if (primary[e]) {
                return 1;
            }
            return quantity.get(e) ? 1 : threshold;
        }

        private long highest(int e) {
            return !forcedNow[e] && primary[e] ? threshold - 1 : INF;
        }

        long[][] bounds(boolean[] s) {
            int n = v.length;
            long[] lo = v.clone();
            long[] hi = v.clone();
            int[] parent = new int[n];
            for (int i = 0; i < n; i++) {
                parent[i] = i;
            }
            for (Line l : lines) {
                int first = s[l.total()] ? l.total() : -1;
                for (int c : l.cells()) {
                    if (s[c]) {
                        if (first < 0) {
                            first = c;
                        } else {
                            union(parent, first, c);
                        }
                    }
                }
                if (first >= 0 && s[l.total()]) {
                    union(parent, first, l.total());
                }
            }
            Map<Integer, List<Integer>> groups = new HashMap<>();
            for (int i = 0; i < n; i++) {
                if (s[i]) {
                    groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(i);
                }
            }
            for (List<Integer> group : groups.values()) {
                List<Integer> key = new ArrayList<>(group.size() + 1);
                key.addAll(group);
                for (int e : group) {
                    key.add(forcedNow[e] ? -1 - e : e);
                }
                long[][] b = solved.computeIfAbsent(key, k -> solve(group, s));
                for (int k = 0; k < group.size(); k++) {
                    lo[group.get(k)] = b[0][k];
                    hi[group.get(k)] = b[1][k];
                }
            }
            return new long[][] {lo, hi};
        }

        /** Whether hidden entry {@code i} can take two values (its group's program solved for {@code i} alone). */
        boolean free(int i, boolean[] s) {
            List<Integer> group = joined(i, s);
            Program p = program(group, s);
            int k = group.indexOf(i);
            double[] c = new double[p.cols];
            c[k] = 1;
            double min = p.lp.minimum(c);
            c[k] = -1;
            double negMax = p.lp.minimum(c);
            return negMax == Double.NEGATIVE_INFINITY
                    || (long) Math.ceil(min - 1e-6) != (long) Math.floor(-negMax + 1e-6);
        }

        /** One group's linear program: hidden x = lowest + y, y >= 0, and its number of columns. */
        private record Program(LinearProgram lp, long[] base, int cols) {
        }

        /** Min and max of each hidden entry of one group, under every line through it and every mark's bounds. */
        private long[][] solve(List<Integer> group, boolean[] s) {
            Program p = program(group, s);
            int m = group.size();
            long[][] out = new long[2][m];
            double[] c = new double[p.cols];
            for (int k = 0; k < m; k++) {
                Arrays.fill(c, 0);
                c[k] = 1;
                double min = p.lp.minimum(c);
                c[k] = -1;
                double negMax = p.lp.minimum(c);
                out[0][k] = p.base[k] + (long) Math.ceil(min - 1e-6);
                out[1][k] = negMax == Double.NEGATIVE_INFINITY ? INF : p.base[k] + (long) Math.floor(-negMax + 1e-6);
            }
            return out;
        }

        private Program program(List<Integer> group, boolean[] s) {
            int m = group.size();
            Map<Integer, Integer> var = new HashMap<>();
            for (int k = 0; k < m; k++) {
                var.put(group.get(k), k);
            }
            long[] base = new long[m];
            List<Integer> bounded = new ArrayList<>();
            for (int k = 0; k < m; k++) {
                base[k] = lowest(group.get(k));
                if (highest(group.get(k)) < INF) {
                    bounded.add(k);
                }
            }
            List<Line> inequalities = new ArrayList<>();
            for (Line l : lines) {
                if (l.relation() != Relation.SUM && (var.containsKey(l.total()) && s[l.total()]
                        || Arrays.stream(l.cells()).anyMatch(c -> s[c] && var.containsKey(c)))) {
                    inequalities.add(l);
                }
            }
            int cols = m + bounded.size() + inequalities.size();
            List<double[]> a = new ArrayList<>();
            List<Double> b = new ArrayList<>();
            // each line: sum(cells) - total (+ slack for at most, - slack for at least) = 0, with hidden
            // x = lowest + y, y >= 0
            for (Line l : lines) {
                double[] row = new double[cols];
                int slack = inequalities.indexOf(l);
                if (slack >= 0) {
                    row[m + bounded.size() + slack] = l.relation() == Relation.AT_MOST ? 1 : -1;
                }
                double known = 0;
                boolean any = false;
                int cells = l.cells().length;
                for (int k = 0; k <= cells; k++) {
                    int e = k < cells ? l.cells()[k] : l.total();
                    double coef = k < cells ? 1 : -1;
                    Integer x = s[e] ? var.get(e) : null;
                    if (x != null) {
                        row[x] += coef;
                        known += coef * base[x];
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
            // y + slack = highest - lowest for entries bounded above (a <5 is at most threshold - 1)
            for (int k = 0; k < bounded.size(); k++) {
                int x = bounded.get(k);
                double[] row = new double[cols];
                row[x] = 1;
                row[m + k] = 1;
                a.add(row);
                b.add((double) (highest(group.get(x)) - base[x]));
            }
            LinearProgram lp = LinearProgram.feasible(a.toArray(new double[0][]),
                    b.stream().mapToDouble(Double::doubleValue).toArray());
            if (lp == null) {
                throw new IllegalStateException("the workbook's lines do not add up");
            }
            return new Program(lp, base, cols);
        }
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        parent[find(parent, a)] = find(parent, b);
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
