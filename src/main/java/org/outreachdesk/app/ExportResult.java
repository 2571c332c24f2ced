package org.outreachdesk.app;

import java.nio.file.Path;

/** A saved report workbook: where, how big, whether password-protected, and its key figures. */
public record ExportResult(Path file, long bytes, boolean encrypted, ReportPreview preview) {
}
