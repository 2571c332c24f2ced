package org.outreachdesk.app;

import java.time.LocalDate;
import java.util.List;

import org.outreachdesk.domain.ReportAudience;

/**
 * The key figures of a report as they will appear in the workbook for its audience (suppressed values as
 * {@code <5}), to check before saving.
 *
 * @param figures the Summary indicators, in workbook order
 * @param suppressedCells how many cells of the whole workbook are suppressed
 */
public record ReportPreview(String periodCode, String periodDescription, LocalDate start, LocalDate end,
                            ReportAudience audience, List<Figure> figures, int suppressedCells) {

    public ReportPreview {
        figures = List.copyOf(figures);
    }

    /**
     * One indicator.
     *
     * @param key   stable key for translations ({@code reached}, {@code new}, …)
     * @param label the English label of the workbook
     * @param shown what the workbook shows
     * @param value the number when shown, null when suppressed
     */
    public record Figure(String key, String label, String shown, Long value) {
    }

    public Figure figure(String key) {
        return figures.stream().filter(f -> f.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no figure " + key));
    }
}
