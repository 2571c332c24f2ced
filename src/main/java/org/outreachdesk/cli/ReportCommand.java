package org.outreachdesk.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.concurrent.Callable;

import org.outreachdesk.app.ExportResult;
import org.outreachdesk.app.NationalExportResult;
import org.outreachdesk.app.ReportRequest;
import org.outreachdesk.app.ReportService;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.Coded;
import org.outreachdesk.domain.InvalidPeriodException;
import org.outreachdesk.domain.ReportAudience;
import org.outreachdesk.domain.ReportLanguage;
import org.outreachdesk.domain.ReportPeriod;
import org.outreachdesk.domain.NationalFormat;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
            "sheet names, table names, column headers and the figures are the same as in English (the default).",
            "--format adx|dhis2-json --mapping FILE --out FILE.xml|.json: the exact figures the mapping names, for a",
            "national DHIS2-based system (managers, admins); unmapped figures are left out and listed."})
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

    @Option(names = "--audience", paramLabel = "AUDIENCE",
            description = "donor or internal (the workbook); national formats are always exact (internal).")
    String audience;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "xlsx",
            description = "xlsx (the workbook, default), adx (IHE QRPH ADX XML) or dhis2-json (DHIS2 dataValueSets): "
                    + "the last two are exact aggregates for a national system, managers and admins only, with --mapping.")
    String format;

    @Option(names = "--mapping", paramLabel = "FILE",
            description = "With adx or dhis2-json: the CSV mapping of workbook figures to the receiving system's codes "
                    + "(README, National formats).")
    Path mapping;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "The file to write (FILE.xlsx; FILE.xml for adx, FILE.json for dhis2-json; replaced if it exists).")
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
        if (!"xlsx".equalsIgnoreCase(format.strip())) {
            return national(ctx);
        }
        if (mapping != null) {
            throw new UsageException("--mapping goes with --format adx or dhis2-json");
        }
        if (audience == null) {
            throw new UsageException("--audience donor|internal is required for the workbook");
        }
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

    /** adx or dhis2-json: exact figures through the mapping; unmapped figures are listed by name, never by value. */
    private int national(CliContext ctx) {
        NationalFormat f = Coded.parse(NationalFormat.class, format).orElseThrow(() -> new InvalidArgumentException(
                "unknown format '" + format + "': expected xlsx, " + Coded.codes(NationalFormat.class)));
        if (mapping == null) {
            throw new UsageException("--format " + f.code() + " needs --mapping FILE");
        }
        if (audience != null && Coded.parse(ReportAudience.class, audience).orElse(null) != ReportAudience.INTERNAL) {
            throw new UsageException("--format " + f.code() + " carries exact figures: leave --audience out (or internal)");
        }
        if (encrypt || exportPasswordFile != null) {
            throw new UsageException("--encrypt is for the workbook only");
        }
        ReportRequest request = request(ReportAudience.INTERNAL);
        NationalExportResult result;
        try (Workspace ws = vault.unlock(ctx)) {
            result = new ReportService(ws).exportNational(request, f, mapping, out);
        }
        CliContext.tell(root.err(), f.code() + " saved: " + result.file() + " (" + result.periodCode() + ", "
                + result.values() + " values)");
        if (!result.absent().isEmpty()) {
            CliContext.tell(root.err(), result.absent().size() + " mapped figures have no value this period (left out): "
                    + String.join("; ", result.absent()));
        }
        if (!result.unmapped().isEmpty()) {
            CliContext.tell(root.err(), result.unmapped().size() + " figures of the workbook are not mapped (left out):");
            Map<String, List<String>> byTable = new LinkedHashMap<>();
            for (String u : result.unmapped()) {
                int sp = u.indexOf(' ');
                byTable.computeIfAbsent(u.substring(0, sp), k -> new ArrayList<>()).add(u.substring(sp + 1));
            }
            byTable.forEach((t, figures) -> CliContext.tell(root.err(), "  " + t + ": " + String.join(", ", figures)));
        }
        return ExitCode.OK;
    }

    private ReportRequest request() {
        ReportAudience a = Coded.parse(ReportAudience.class, audience).orElseThrow(() -> new InvalidArgumentException(
                "unknown audience '" + audience + "': expected one of " + Coded.codes(ReportAudience.class)));
        return request(a);
    }

    private ReportRequest request(ReportAudience a) {
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
        if (custom && (from == null || to == null)) {
            throw new UsageException("custom dates need both --from and --to");
        }
        if (custom && a.suppressed()) {
            // refused before any password is asked or any file written
            throw new InvalidArgumentException("donor reports cover whole periods only (--period 2026-10, "
                    + "2026-Q3, 2026-H1 or 2026); --from/--to are for --audience internal");
        }
        ReportPeriod p;
        try {
            p = custom ? ReportPeriod.custom(date(from, "--from"), date(to, "--to")) : ReportPeriod.parse(period);
        } catch (InvalidPeriodException e) {
            throw new InvalidArgumentException(e.getMessage());
        }
        return ReportRequest.of(p, a).in(language);
    }

    private static LocalDate date(String text, String option) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidArgumentException(option + " '" + text + "' is not a date: expected YYYY-MM-DD");
        }
    }
}
