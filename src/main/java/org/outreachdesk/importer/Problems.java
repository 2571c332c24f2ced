package org.outreachdesk.importer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.outreachdesk.domain.ImportPlan;
import org.outreachdesk.domain.ImportProblem;
import org.outreachdesk.domain.ImportProblemCode;

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

    void add(int row, String column, ImportProblemCode code, String problem, String expected) {
        add(new ImportProblem(row, column, code, problem, expected));
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
