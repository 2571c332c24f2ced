package org.outreachdesk.app;

import java.nio.file.Path;
import java.util.List;

import org.outreachdesk.domain.NationalFormat;

/**
 * A saved national export: where, how big, in which format and for which period, how many values it carries, and
 * which figures were left out: {@code unmapped} (the mapping names them nowhere) and {@code absent} (mapped, but
 * without a value this period). Figures are named by table, row and column only, never by value.
 */
public record NationalExportResult(Path file, long bytes, NationalFormat format, String periodCode, int values,
                                   List<String> unmapped, List<String> absent) {

    public NationalExportResult {
        unmapped = List.copyOf(unmapped);
        absent = List.copyOf(absent);
    }
}
