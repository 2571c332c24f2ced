package org.outreachdesk.importer;

import java.nio.file.Path;
import java.util.Locale;

/** Reads the rows of one register file format, streaming: rows are handed over as they are read. */
interface RegisterReader {

    /**
     * Reads {@code file} and hands each row to {@code handler} in order.
     *
     * @throws RegisterFileException when the file cannot be read as this format
     */
    void read(Path file, RowHandler handler);

    /** The reader for a file, by its extension ({@code .csv} or {@code .xlsx}, any case). */
    static RegisterReader forFile(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return new CsvRegisterReader();
        }
        if (name.endsWith(".xlsx")) {
            return new XlsxRegisterReader();
        }
        throw new RegisterFileException("import.file.type", "a register must be a .csv or an .xlsx file");
    }
}
