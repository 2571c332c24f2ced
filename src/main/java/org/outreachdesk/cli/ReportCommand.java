package org.outreachdesk.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.concurrent.Callable;

import org.outreachdesk.app.ExportResult;
import org.outreachdesk.app.ReportRequest;
import org.outreachdesk.app.ReportService;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.Coded;
import org.outreachdesk.domain.ReportAudience;
import org.outreachdesk.domain.ReportLanguage;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code report}: the donor or internal workbook of a period. Exit codes: 0 saved, 1 usage (no period, or both
 * a period and dates), 2 a value that cannot be used (period, date, audience, labels language, file name, short
 * file password, custom dates for a donor report),
 * 3 wrong password or not allowed (a coordinator asking for an internal report), 4 vault in use.
 */
@Command(name = "report", sortOptions = false, exitCodeOnInvalidInput = ExitCode.USAGE,
        description = {"Save the report workbook (.xlsx) of a period.",
            "Donor reports (coordinator, manager, admin) show counts from 1 to 4 as <5; internal reports (manager,",
            "admin) have exact counts and say CONFIDENTIAL on every sheet.",
            "With --encrypt the file is password-protected (Excel's standard encryption); that password comes from",
            "OUTREACH_DESK_EXPORT_PASSWORD, else --export-password-file FILE, else the console (asked twice, no echo).",
            "--labels km writes titles, captions and the About sheet in Khmer (for the provincial health department);",
            "sheet names, table names, column headers and the figures are the same as in English (the default)."})
final class ReportCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Mixin
    VaultOptions vault;

    @Option(names = "--period", paramLabel = "PERIOD",
            description = "2026-10 (month), 2026-Q3 (quarter), 2026-H1 (half-year) or 2026 (year).")
    String period;

    @Option(names = "--from", paramLabel = "DATE", description = "Custom period (internal reports only): first day (YYYY-MM-DD), with --to.")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Custom period (internal reports only): last day (YYYY-MM-DD), with --from.")
    String to;

    @Option(names = "--audience", required = true, paramLabel = "AUDIENCE", description = "donor or internal.")
    String audience;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The workbook to write (FILE.xlsx; replaced if it exists).")
    Path out;

    @Option(names = "--encrypt", description = "Protect the file with a password (for e-mail).")
    boolean encrypt;

    @Option(names = "--export-password-file", paramLabel = "FILE",
            description = "With --encrypt: read the file's password from the first line of FILE "
                    + "(when OUTREACH_DESK_EXPORT_PASSWORD is not set).")
    Path exportPasswordFile;

    @Option(names = "--labels", paramLabel = "LANG", defaultValue = "en",
            description = "Language of the workbook's titles and About sheet: en (default) or km (Khmer). "
                    + "Table names and column headers are English in both.")
    String labels;

    @Override
    public Integer call() {
        CliContext ctx = root.context();
        ReportRequest request = request();
        if (exportPasswordFile != null && !encrypt) {
            throw new UsageException("--export-password-file needs --encrypt");
        }
        char[] filePassword = encrypt ? ctx.exportPassword(exportPasswordFile, "Password to protect the report file")
                : null;
        ExportResult result;
        try (Workspace ws = vault.unlock(ctx)) {
            result = new ReportService(ws).export(request, out, filePassword);
        } finally {
            if (filePassword != null) {
                Arrays.fill(filePassword, '\0');
            }
        }
        CliContext.tell(root.err(), "report saved: " + result.file() + " (" + result.preview().periodCode() + ", "
                + request.audience().code() + (request.language() == ReportLanguage.ENGLISH ? ""
                        : ", labels " + request.language().code()) + (result.encrypted() ? ", password-protected" : "")
                + (request.audience().suppressed() ? ", " + result.preview().suppressedCells() + " cells hidden (<5 or x)" : "")
                + ")");
        return ExitCode.OK;
    }

    private ReportRequest request() {
        ReportAudience a = Coded.parse(ReportAudience.class, audience).orElseThrow(() -> new InvalidArgumentException(
                "unknown audience '" + audience + "': expected one of " + Coded.codes(ReportAudience.class)));
        ReportLanguage language = Coded.parse(ReportLanguage.class, labels).orElseThrow(() ->
                new InvalidArgumentException("unknown labels language '" + labels + "': expected one of "
                        + Coded.codes(ReportLanguage.class)));
        boolean custom = from != null || to != null;
        if (period != null && custom) {
            throw new UsageException("give either --period or --from and --to, not both");
        }
        if (period == null && !custom) {
            throw new UsageException("--period PERIOD (or --from DATE --to DATE) is required");
        }
        if (custom) {
            if (from == null || to == null) {
                throw new UsageException("custom dates need both --from and --to");
            }
            if (a.suppressed()) {
                // refused before any password is asked or any file written
                throw new InvalidArgumentException("donor reports cover whole periods only (--period 2026-10, "
                        + "2026-Q3, 2026-H1 or 2026); --from/--to are for --audience internal");
            }
            return ReportRequest.custom(date(from, "--from"), date(to, "--to"), a).in(language);
        }
        return ReportRequest.of(period, a).in(language);
    }

    private static LocalDate date(String text, String option) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidArgumentException(option + " '" + text + "' is not a date: expected YYYY-MM-DD");
        }
    }
}
