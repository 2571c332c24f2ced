package org.outreachdesk.report;

import java.util.List;
import java.util.Objects;

/**
 * One table of a report: its contract name (the Excel table's name), a title for people, the header texts
 * (a contract too) and its rows.
 */
public record ReportTable(String name, String title, List<String> headers, List<List<Cell>> rows) {

    public ReportTable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        headers = List.copyOf(headers);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<Cell> r : rows) {
            if (r.size() != headers.size()) {
                throw new IllegalArgumentException("row width differs from the header in table " + name);
            }
        }
    }

    /** The row whose first cell is the text {@code label}. */
    public List<Cell> row(String label) {
        return rows.stream()
                .filter(r -> r.get(0) instanceof Cell.Text t && t.text().equals(label))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("table " + name + " has no row " + label));
    }

    /** The cell of row {@code label} under header {@code column}. */
    public Cell cell(String label, String column) {
        int c = headers.indexOf(column);
        if (c < 0) {
            throw new IllegalArgumentException("table " + name + " has no column " + column);
        }
        return row(label).get(c);
    }

    /** How many cells of this table are suppressed. */
    public int suppressedCells() {
        return (int) rows.stream().flatMap(List::stream)
                .filter(c -> c instanceof Cell.Count n && n.suppressed()).count();
    }
}
