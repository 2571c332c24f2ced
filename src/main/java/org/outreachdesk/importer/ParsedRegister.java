package org.outreachdesk.importer;

import java.util.List;

/**
 * A register file read and checked row by row (before it is compared with the vault): its identity (name,
 * SHA-256), the valid rows as understood, and every problem found so far. Holds no open file.
 */
public final class ParsedRegister {

    private final String fileName;
    private final String sha256;
    private final List<RegisterRow> rows;
    private final Problems problems;
    private final int dataRows;
    private final int blankRows;

    ParsedRegister(String fileName, String sha256, List<RegisterRow> rows, Problems problems, int dataRows,
                   int blankRows) {
        this.fileName = fileName;
        this.sha256 = sha256;
        this.rows = rows;
        this.problems = problems;
        this.dataRows = dataRows;
        this.blankRows = blankRows;
    }

    public String fileName() {
        return fileName;
    }

    /** Hex SHA-256 of the file's bytes. */
    public String sha256() {
        return sha256;
    }

    /** Data rows read (valid or not; blank rows not counted). */
    public int dataRows() {
        return dataRows;
    }

    /** Blank rows between data rows, skipped (blank rows after the last data row are not counted). */
    public int blankRows() {
        return blankRows;
    }

    /** Problems found in the file itself (the vault may add more when the import is planned). */
    public int problemCount() {
        return problems.count();
    }

    List<RegisterRow> rows() {
        return rows;
    }

    Problems problems() {
        return problems;
    }

    @Override
    public String toString() {
        return "ParsedRegister[rows=" + dataRows + ", problems=" + problems.count() + "]";
    }
}
