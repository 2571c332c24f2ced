package org.outreachdesk.app;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.Commodity;
import org.outreachdesk.domain.KpPrevStatus;
import org.outreachdesk.domain.ReportAudience;
import org.outreachdesk.domain.ReportFacts;
import org.outreachdesk.report.Cell;
import org.outreachdesk.report.InvalidMappingException;
import org.outreachdesk.domain.InvalidPeriodException;
import org.outreachdesk.report.NationalExport;
import org.outreachdesk.domain.NationalFormat;
import org.outreachdesk.report.NationalMapping;
import org.outreachdesk.report.Report;
import org.outreachdesk.report.ReportBuilder;
import org.outreachdesk.report.ReportLabels;
import org.outreachdesk.domain.ReportPeriod;
import org.outreachdesk.domain.SettingKey;
import org.outreachdesk.report.ReportTable;
import org.outreachdesk.report.ReportTables;
import org.outreachdesk.report.ReportWorkbook;
import org.outreachdesk.report.Suppression;
import org.outreachdesk.report.WorkbookEncryption;
import org.outreachdesk.store.Tx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.outreachdesk.vault.VaultBackup;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.PeriodKind;

/**
 * Reports and the dashboard. A donor report (small cells suppressed) needs {@link Permission#DONOR_REPORT}
 * (coordinator, manager, admin); an internal report with exact counts needs {@link Permission#INTERNAL_REPORT}
 * (manager, admin). Saving a workbook is audited (EXPORT, with period, audience and label language; never
 * content). The workbook's labels are English unless the request asks for Khmer; its figures, sheet names, table
 * names and column headers are the same in both. A report
 * holds counts and sums only: never a UIC, a note or a row about one person.
 */
public final class ReportService {

    /** The smallest threshold the setting accepts (1 would suppress nothing). */
    public static final int MIN_THRESHOLD = 2;
    public static final int MAX_THRESHOLD = 100;

    private static final Logger LOG = LoggerFactory.getLogger(ReportService.class);
    private static final List<String> FIGURE_KEYS = List.of("reached", "new", "returning", "encounters",
            "maleCondoms", "femaleCondoms", "lubricants", "selfTests", "referralsMade", "referralsCompleted",
            "incidents", "safeguardingFlags");

    private final Workspace ws;

    public ReportService(Workspace ws) {
        this.ws = ws;
    }

    /** The permission a report for {@code audience} needs. */
    public static Permission permissionFor(ReportAudience audience) {
        return audience == ReportAudience.INTERNAL ? Permission.INTERNAL_REPORT : Permission.DONOR_REPORT;
    }

    /** The audiences the signed-in user may choose (donor first, the default). */
    public List<ReportAudience> audiences() {
        List<ReportAudience> out = new ArrayList<>();
        for (ReportAudience a : ReportAudience.values()) {
            if (ws.can(permissionFor(a))) {
                out.add(a);
            }
        }
        return out;
    }

    /** The key figures of the report, as its audience would see them. Nothing leaves the laptop; not audited. */
    public ReportPreview preview(ReportRequest request) {
        return preview(report(request));
    }

    /**
     * Makes the report (rules and suppression applied), without saving it.
     *
     * @throws AccessDeniedException when the role may not make a report for that audience
     */
    public Report report(ReportRequest request) {
        Permission p = permissionFor(request.audience());
        ws.require(p);
        ReportPeriod period = request.period();
        if (request.audience().suppressed() && period.kind() == PeriodKind.CUSTOM) {
            // a day or a week can hold one person: donor workbooks cover whole periods only
            throw new InvalidInputException("donor reports cover whole periods only (a month, quarter, "
                    + "half-year or year); custom dates are for internal reports").keyed("report.donorCustom");
        }
        record Read(ReportFacts facts, int threshold, boolean siteNames) {
        }
        Read read = ws.read(p, tx -> new Read(facts(tx, period), threshold(tx), SettingsService.donorSiteNames(tx)));
        ReportBuilder.Options options = new ReportBuilder.Options(read.threshold(), read.siteNames(),
                ReportLabels.of(request.language()));
        return ReportBuilder.build(read.facts(), period, request.audience(), options, ws.organisation(),
                ws.clock().instant(), ws.clock().getZone(), AppInfo.version());
    }

    static ReportFacts facts(Tx tx, ReportPeriod period) {
        return tx.reports().facts(period.start(), period.end(), period.trendStart());
    }

    /**
     * Loads the workbook machinery (POI), once per program: call it in the background when the reports view opens,
     * so that the first save does not pay about 2 s for it. Needs no vault and writes nothing.
     */
    public static void warmUp() {
        ReportWorkbook.warmUp();
    }

    /**
     * Readies the session's first report: call it in the background right after unlock. Loads the workbook
     * machinery ({@link #warmUp()}), then makes the donor workbook of the last complete month (the period the
     * Reports view offers first) in memory and throws it away: the database pages its queries read are then
     * decrypted in the page cache, and the code that makes a report is compiled, so the first workbook a
     * manager saves costs what a later one does (ADR 23). Nothing is written, audited or kept but those pages;
     * does nothing for a role without reports.
     *
     * @return how long it took, in milliseconds (0 for a role without reports)
     */
    public long prepareFirstReport() {
        if (!ws.can(Permission.DONOR_REPORT)) {
            return 0;
        }
        long started = System.nanoTime();
        warmUp();
        ReportPeriod lastMonth = ReportPeriod.month(YearMonth.from(ws.today()).minusMonths(1));
        ReportRequest request = ReportRequest.of(lastMonth, ReportAudience.DONOR);
        byte[] bytes = ReportWorkbook.bytes(report(request), ReportLabels.of(request.language()), null);
        Arrays.fill(bytes, (byte) 0);
        return (System.nanoTime() - started) / 1_000_000;
    }

    /**
     * Makes the report and saves it as {@code out} (an {@code .xlsx} file; replaced if it exists) in one step
     * that either leaves the complete file or none: written beside it first, audited, then moved into place.
     *
     * @param password null for a plain workbook; otherwise Excel's password encryption (at least 8 characters).
     *                 The array is not kept; the caller wipes it.
     */
    public ExportResult export(ReportRequest request, Path out, char[] password) {
        Permission p = permissionFor(request.audience());
        ws.require(p);
        Path target = checkTarget(out, ".xlsx");
        if (VaultBackup.isInside(target, ws.vault().folder())) {
            throw new InvalidInputException("a report cannot be saved inside the vault folder; choose another place")
                    .keyed("report.insideVault");
        }
        if (password != null && password.length < WorkbookEncryption.MIN_PASSWORD_LENGTH) {
            throw new InvalidInputException("the file password must have at least "
                    + WorkbookEncryption.MIN_PASSWORD_LENGTH + " characters").keyed("report.passwordShort",
                    WorkbookEncryption.MIN_PASSWORD_LENGTH);
        }
        Report report = report(request);
        byte[] bytes = ReportWorkbook.bytes(report, ReportLabels.of(request.language()), password);
        String detail = "period=" + report.period().code() + " from=" + report.period().start() + " to="
                + report.period().end() + " audience=" + request.audience().code() + " encrypted="
                + (password != null) + " labels=" + request.language().code();
        save(bytes, target, p, detail);
        return new ExportResult(target, sizeOf(target), password != null, preview(report));
    }

    /** The largest mapping file read (a mapping of every figure of the workbook is a few kilobytes). */
    static final long MAX_MAPPING_BYTES = 1 << 20;

    /**
     * Saves a period's exact aggregates for a national system (managers and admins): the figures of the internal
     * workbook (made by the same {@link #report}, no suppression) that {@code mappingFile} maps, as ADX or DHIS2
     * JSON in {@code out} (written beside it, audited, then moved into place). Figures the mapping leaves out are
     * listed in the result, by table, row and column only.
     *
     * @param request its period (a DHIS2 JSON file needs a named one) and language are used; the audience is always
     *                internal
     * @throws AccessDeniedException  for roles without exact reports
     * @throws InvalidInputException  for a mapping that cannot be used (its message names the line; nothing is
     *                                written), a wrong file name ending, or custom dates for DHIS2 JSON
     */
    public NationalExportResult exportNational(ReportRequest request, NationalFormat format, Path mappingFile,
                                               Path out) {
        ws.require(Permission.INTERNAL_REPORT);
        Path target = checkTarget(out, format.extension());
        if (VaultBackup.isInside(target, ws.vault().folder())) {
            throw new InvalidInputException("a report cannot be saved inside the vault folder; choose another place")
                    .keyed("report.insideVault");
        }
        ReportRequest exact = new ReportRequest(request.period(), ReportAudience.INTERNAL, request.language());
        ReportPeriod period = exact.period();
        try {
            if (format == NationalFormat.DHIS2_JSON) {
                NationalExport.dhis2Period(period);
            }
        } catch (InvalidPeriodException e) {
            throw new InvalidInputException(e.getMessage()).keyedLike(e);
        }
        NationalMapping mapping;
        try {
            mapping = NationalMapping.parse(readMapping(mappingFile), format);
        } catch (InvalidMappingException e) {
            throw new InvalidInputException(e.getMessage()).keyedLike(e);
        }
        Report report = report(exact);
        Set<String> siteCodes = ws.read(Permission.INTERNAL_REPORT, tx -> tx.sites().list(false).stream()
                .map(Site::code).collect(Collectors.toSet()));
        NationalMapping.Resolved figures;
        try {
            figures = mapping.resolve(report, siteCodes);
        } catch (InvalidMappingException e) {
            throw new InvalidInputException(e.getMessage()).keyedLike(e);
        }
        byte[] bytes = NationalExport.bytes(format, period, figures, ws.clock().instant());
        String detail = "period=" + period.code() + " from=" + period.start() + " to=" + period.end()
                + " audience=internal format=" + format.code() + " values=" + figures.values().size();
        save(bytes, target, Permission.INTERNAL_REPORT, detail);
        return new NationalExportResult(target, sizeOf(target), format, period.code(), figures.values().size(),
                figures.unmapped(), figures.absent());
    }

    private static String readMapping(Path file) {
        if (file == null) {
            throw new InvalidInputException("no mapping file given").keyed("mapping.none");
        }
        try {
            if (Files.size(file) > MAX_MAPPING_BYTES) {
                throw new InvalidInputException("the mapping file is larger than " + MAX_MAPPING_BYTES + " bytes")
                        .keyed("mapping.tooLarge", MAX_MAPPING_BYTES);
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException("the mapping file cannot be read (" + e.getClass().getSimpleName()
                    + "); it must be a UTF-8 CSV file").keyed("mapping.unreadable", e.getClass().getSimpleName());
        }
    }

    /**
     * Writes {@code bytes} beside {@code target}, forces them to disk, audits the export (EXPORT, {@code detail}:
     * never content), then moves the file into place: either the complete file appears under its name, with its
     * audit entry, or none. The bytes are wiped afterwards.
     */
    private void save(byte[] bytes, Path target, Permission p, String detail) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile(target.getParent(), ".outreach-report-", ".part");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            // audited before the file appears under its name: no export exists without its audit entry
            ws.write(p, AuditAction.EXPORT, "report", UUID.randomUUID().toString(), detail, tx -> null);
            move(tmp, target);
            tmp = null;
        } catch (IOException e) {
            LOG.warn("report could not be saved: {}", e.getClass().getName());
            throw new AppException("the report could not be saved there (" + e.getClass().getSimpleName()
                    + "); check the folder exists and can be written", e).keyed("report.notSaved", e.getClass().getSimpleName());
        } finally {
            Arrays.fill(bytes, (byte) 0);
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    LOG.warn("a partial report file could not be removed: {}", e.getClass().getName());
                }
            }
        }
    }

    private static long sizeOf(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return -1;
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Path checkTarget(Path out, String extension) {
        if (out == null) {
            throw new InvalidInputException("no file to save the report in").keyed("report.noFile");
        }
        Path target = out.toAbsolutePath().normalize();
        String name = target.getFileName() == null ? "" : target.getFileName().toString();
        if (!name.toLowerCase(Locale.ROOT).endsWith(extension) || name.length() <= extension.length()) {
            InvalidInputException e = new InvalidInputException("the report file name must end with " + extension);
            throw e.keyed("report.fileName", extension);
        }
        if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
            throw new InvalidInputException("the folder to save the report in does not exist").keyed("report.noFolder");
        }
        if (Files.isDirectory(target)) {
            throw new InvalidInputException("a folder of that name exists; choose a file name ending with " + extension)
                    .keyed("report.isFolder", extension);
        }
        return target;
    }

    /** The key figures of a made report. */
    public static ReportPreview preview(Report report) {
        ReportTable summary = report.table(ReportTables.SUMMARY);
        List<ReportPreview.Figure> figures = new ArrayList<>();
        for (int i = 0; i < ReportTables.INDICATORS.size(); i++) {
            String label = ReportTables.INDICATORS.get(i);
            Cell c = summary.cell(label, "Value");
            Long value = c instanceof Cell.Count n && !n.suppressed() ? n.value() : null;
            figures.add(new ReportPreview.Figure(FIGURE_KEYS.get(i), label, c.shown(report.mark()), value));
        }
        return new ReportPreview(report.period().code(), report.period().describe(), report.period().start(),
                report.period().end(), report.audience(), figures, report.suppressedCells());
    }

    /** The suppression threshold of donor reports (setting {@code report.suppression.threshold}, default 5). */
    public int suppressionThreshold() {
        return ws.read(Permission.DONOR_REPORT, ReportService::threshold);
    }

    /** Changes the suppression threshold (admin; audited). */
    public void setSuppressionThreshold(int threshold) {
        if (threshold < MIN_THRESHOLD || threshold > MAX_THRESHOLD) {
            throw new InvalidInputException("the suppression threshold must be " + MIN_THRESHOLD + " to " + MAX_THRESHOLD)
                    .keyed("report.threshold", MIN_THRESHOLD, MAX_THRESHOLD);
        }
        ws.write(Permission.ADMINISTER, AuditAction.SETTING_CHANGED, "setting", SettingKey.SUPPRESSION_THRESHOLD.key(),
                "value=" + threshold, tx -> {
                    tx.settings().put(SettingKey.SUPPRESSION_THRESHOLD, Integer.toString(threshold), ws.user().id(),
                            ws.clock().instant());
                    return null;
                });
    }

    static int threshold(Tx tx) {
        String v = tx.settings().get(SettingKey.SUPPRESSION_THRESHOLD).orElse(null);
        if (v == null) {
            return Suppression.DEFAULT_THRESHOLD;
        }
        try {
            int t = Integer.parseInt(v.strip());
            if (t >= MIN_THRESHOLD && t <= MAX_THRESHOLD) {
                return t;
            }
        } catch (NumberFormatException e) {
            // fall through to the default
        }
        LOG.warn("setting {} is not a usable threshold; the default is used", SettingKey.SUPPRESSION_THRESHOLD);
        return Suppression.DEFAULT_THRESHOLD;
    }

    /**
     * The dashboard: this month so far, the 12-month trend, KP_PREV, site coverage, overdue referrals and stock.
     */
    public Dashboard dashboard() {
        LocalDate today = ws.today();
        ReportPeriod month = ReportPeriod.monthOf(today);
        return ws.read(Permission.DONOR_REPORT, tx -> {
            ReportFacts f = facts(tx, month);
            long reached = 0;
            long fresh = 0;
            Map<KpPrevStatus, Long> kp = new EnumMap<>(KpPrevStatus.class);
            for (KpPrevStatus s : KpPrevStatus.values()) {
                kp.put(s, 0L);
            }
            for (ReportFacts.ReachGroup g : f.reach()) {
                reached += g.contacts();
                if (g.isNew()) {
                    fresh += g.contacts();
                }
                kp.merge(g.kpPrev(), g.contacts(), Long::sum);
            }
            long encounters = 0;
            List<Dashboard.SiteCoverage> coverage = new ArrayList<>();
            for (ReportFacts.SiteActivity a : f.sites()) {
                encounters += a.encounters();
                Double pct = a.estimatedSize() == null || a.estimatedSize() == 0 ? null
                        : Math.round(1000.0 * a.reached() / a.estimatedSize()) / 10.0;
                coverage.add(new Dashboard.SiteCoverage(a.code(), a.name(), a.estimatedSize(), a.reached(), pct));
            }
            Map<YearMonth, Long> byMonth = new HashMap<>();
            f.monthly().forEach(m -> byMonth.put(m.month(), m.reached()));
            List<Dashboard.MonthReach> trend = new ArrayList<>();
            for (YearMonth ym : month.trendMonths()) {
                trend.add(new Dashboard.MonthReach(ym, byMonth.getOrDefault(ym, 0L)));
            }
            Map<Commodity, Integer> onHand = tx.stock().onHand(null);
            Map<Commodity, Long> used = tx.reports().usedBetween(today.minusDays(Dashboard.USE_WINDOW_DAYS - 1L), today);
            List<Dashboard.StockLevel> stock = new ArrayList<>();
            for (Commodity c : Commodity.values()) {
                long have = onHand.getOrDefault(c, 0);
                long u = used.getOrDefault(c, 0L);
                Long days = u == 0 ? null : Math.max(0L, have * Dashboard.USE_WINDOW_DAYS / u);
                boolean low = days != null && days < Dashboard.LOW_STOCK_DAYS;
                stock.add(new Dashboard.StockLevel(c, have, u, days, low));
            }
            return new Dashboard(today, YearMonth.from(today), reached, fresh, encounters, trend, kp, coverage,
                    tx.reports().overdueReferrals(today), stock);
        });
    }
}
