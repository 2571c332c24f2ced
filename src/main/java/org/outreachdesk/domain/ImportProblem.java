package org.outreachdesk.domain;

import java.util.Objects;

/**
 * One thing wrong with a register being imported: where (the row number as a spreadsheet shows it, the
 * header being row 1, and the column's header name), what is wrong and what is expected.
 *
 * <p>The texts never repeat a cell's value: a register holds UICs, HIV statuses and notes, and problems are
 * printed on consoles and shown in tables. They say instead, for example, "UIC has 10 characters".
 *
 * @param row      spreadsheet row number (1 = the header row)
 * @param column   the column's header name as the register spells it in lower case (e.g. {@code date}), or
 *                 a position such as {@code column 17} for a cell without a header
 * @param code     the kind of problem
 * @param problem  what is wrong, in words
 * @param expected what the column accepts
 * @param what     {@code problem} as a message key and its arguments (row numbers, column letters, limits; never a
 *                 cell's value) for a translated text, or null when there is only the English
 * @param expects  {@code expected} likewise, or null
 */
public record ImportProblem(int row, String column, ImportProblemCode code, String problem, String expected,
                            Problem what, Problem expects) {

    /** A problem in English only. */
    public ImportProblem(int row, String column, ImportProblemCode code, String problem, String expected) {
        this(row, column, code, problem, expected, null, null);
    }

    public ImportProblem {
        if (row < 1) {
            throw new IllegalArgumentException("row numbers start at 1");
        }
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(expected, "expected");
    }

    /** One line for consoles: {@code row 5, date: ... (expected: ...)}. */
    public String describe() {
        return "row " + row + ", " + column + ": " + problem + " (expected: " + expected + ")";
    }
}
