package org.outreachdesk.importer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.outreachdesk.domain.ImportPlan;
import org.outreachdesk.domain.ImportProblem;
import org.outreachdesk.domain.ImportProblemCode;
import org.outreachdesk.domain.Problem;

/** Problems found so far: all counted, the first {@link ImportPlan#MAX_PROBLEMS_LISTED} kept. */
final class Problems {

    private final List<ImportProblem> listed = new ArrayList<>();
    private int count;

    void add(ImportProblem p) {
        count++;
        if (listed.size() < ImportPlan.MAX_PROBLEMS_LISTED) {
            listed.add(p);
        }
    }

    /**
     * A problem whose translated text is {@code import.problem.<CODE>} without arguments, and whose expected text is
     * the column's ({@code import.expected.<header>}) when {@code column} is one of the register's.
     */
    void add(int row, String column, ImportProblemCode code, String problem, String expected) {
        RegisterColumn c = RegisterColumn.byHeader(column);
        add(row, column, code, problem, expected, what(code),
                c == null || !c.header().equals(column) ? null : expectsColumn(c));
    }

    /** A problem with its own keys for the translated texts (see {@link ImportProblem}). */
    void add(int row, String column, ImportProblemCode code, String problem, String expected, Problem what,
             Problem expects) {
        add(new ImportProblem(row, column, code, problem, expected, what, expects));
    }

    /** {@code import.problem.<CODE>} with {@code args}. */
    static Problem what(ImportProblemCode code, Object... args) {
        return Problem.of("import.problem." + code.name(), args);
    }

    /** {@code import.problem.<CODE>.<variant>} with {@code args}. */
    static Problem what(ImportProblemCode code, String variant, Object... args) {
        return Problem.of("import.problem." + code.name() + "." + variant, args);
    }

    /** {@code import.expected.<key>} with {@code args}. */
    static Problem expects(String key, Object... args) {
        return Problem.of("import.expected." + key, args);
    }

    /** What {@code c} accepts: {@code import.expected.<header>} with the codes or limits it names. */
    static Problem expectsColumn(RegisterColumn c) {
        return expects(c.header(), c.expectedArgs());
    }

    void addAll(Problems other) {
        other.listed.forEach(this::add);
        count += other.count - other.listed.size();
    }

    int count() {
        return count;
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** The listed problems in row order (stable within a row). */
    List<ImportProblem> sorted() {
        List<ImportProblem> out = new ArrayList<>(listed);
        out.sort(Comparator.comparingInt(ImportProblem::row));
        return out;
    }
}
