package org.outreachdesk.importer;

import java.util.List;

/** Receives the rows of a register file, one at a time, as text cells. */
@FunctionalInterface
interface RowHandler {
    /**
     * @param rowNumber the row number a spreadsheet shows (1-based)
     * @param cells     the row's cells by column (index 0 = column A); missing cells may be absent or empty
     */
    void row(int rowNumber, List<String> cells);
}
