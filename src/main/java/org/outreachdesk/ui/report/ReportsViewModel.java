package org.outreachdesk.ui.report;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.outreachdesk.app.AppException;
import org.outreachdesk.app.ExportResult;
import org.outreachdesk.app.NationalExportResult;
import org.outreachdesk.app.ReportPreview;
import org.outreachdesk.app.ReportRequest;
import org.outreachdesk.app.ReportService;
import org.outreachdesk.domain.InvalidPeriodException;
import org.outreachdesk.domain.NationalFormat;
import org.outreachdesk.domain.PeriodKind;
import org.outreachdesk.domain.ReportAudience;
import org.outreachdesk.domain.ReportLanguage;
import org.outreachdesk.domain.ReportPeriod;
import org.outreachdesk.ui.common.Failures;
import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.common.Status;
import org.outreachdesk.ui.common.UiContext;
import org.outreachdesk.ui.common.WithStatus;

/**
 * State of the Reports view: the period (month, quarter, half-year, year or custom dates), the audience (donor by
 * default; internal only when the role allows it), an optional file password, the previewed key figures and what
 * happened last. The work (database, Excel, encryption) runs on the background executor.
 */
public final class ReportsViewModel implements WithStatus {

    private static final Logger LOG = LoggerFactory.getLogger(ReportsViewModel.class);

    /** Shortest file password accepted (as the service requires). */
    public static final int MIN_PASSWORD = 8;

    private final UiContext ctx;
    private final ReportService service;
    private final Messages messages;

    private final ObjectProperty<PeriodKind> kind = new SimpleObjectProperty<>(PeriodKind.MONTH);
    private final IntegerProperty year = new SimpleIntegerProperty();
    private final IntegerProperty month = new SimpleIntegerProperty();
    private final IntegerProperty quarter = new SimpleIntegerProperty();
    private final IntegerProperty half = new SimpleIntegerProperty();
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObjectProperty<ReportAudience> audience = new SimpleObjectProperty<>(ReportAudience.DONOR);
    private final ObservableList<ReportAudience> audiences = FXCollections.observableArrayList();
    /** The period kinds the chosen audience allows: custom dates only for internal reports. */
    private final ObservableList<PeriodKind> kinds = FXCollections.observableArrayList();
    /**
     * The language of the workbook's titles and About sheet: English by default whatever the interface's
     * language (donors read it); kept while the session lasts (the view and this model live as long as it).
     */
    private final ObjectProperty<ReportLanguage> language = new SimpleObjectProperty<>(ReportLanguage.ENGLISH);
    private final BooleanProperty encrypt = new SimpleBooleanProperty(false);
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty passwordRepeat = new SimpleStringProperty("");
    private final ObservableList<ReportPreview.Figure> figures = FXCollections.observableArrayList();
    private final SimpleObjectProperty<ReportPreview> preview = new SimpleObjectProperty<>();
    /** The status line: what is being done, what was saved, or what went wrong. */
    private final Status status;
    private final SimpleObjectProperty<Path> saved = new SimpleObjectProperty<>();
    /** The national export (managers and admins): its format, its mapping file, and the figures it left out. */
    private final ObjectProperty<NationalFormat> nationalFormat = new SimpleObjectProperty<>(NationalFormat.ADX);
    private final ObjectProperty<Path> mapping = new SimpleObjectProperty<>();
    private final ObservableList<String> unmapped = FXCollections.observableArrayList();
    private final ObservableList<String> absent = FXCollections.observableArrayList();

    public ReportsViewModel(UiContext ctx) {
        this.ctx = ctx;
        this.messages = ctx.messages();
        // app exceptions carry messages meant for people (never record content); others are named by type only
        this.status = new Status(messages, t -> t instanceof AppException ? Failures.describe(t, messages)
                : messages.get("report.error.unexpected", t.getClass().getSimpleName()));
        this.service = new ReportService(ctx.workspace());
        // the last complete month is what managers usually report on
        LocalDate today = ctx.workspace().today();
        YearMonth last = YearMonth.from(today).minusMonths(1);
        year.set(last.getYear());
        month.set(last.getMonthValue());
        quarter.set((today.getMonthValue() - 1) / 3 + 1);
        half.set(today.getMonthValue() <= 6 ? 1 : 2);
        from.set(last.atDay(1));
        to.set(last.atEndOfMonth());
        audiences.setAll(service.audiences());
        offerKinds(audience.get());
        audience.addListener((o, a, b) -> offerKinds(b));
        // while the period is being chosen, load the workbook machinery: the first save then skips ~2 s
        ctx.executor().submit(() -> {
            ReportService.warmUp();
            return null;
        }, ok -> { }, failure -> LOG.warn("workbook warm-up failed: {}", failure.getClass().getName()));
        // anything changed makes the preview stale
        for (var p : List.of(kind, year, month, quarter, half, from, to, audience)) {
            p.addListener((o, a, b) -> {
                preview.set(null);
                figures.clear();
            });
        }
    }

    /** Donor workbooks cover whole periods only: custom dates are offered for internal reports alone. */
    private void offerKinds(ReportAudience a) {
        boolean custom = a != null && !a.suppressed();
        List<PeriodKind> allowed = Arrays.stream(PeriodKind.values())
                .filter(k -> custom || k != PeriodKind.CUSTOM).toList();
        PeriodKind keep = allowed.contains(kind.get()) ? kind.get() : PeriodKind.MONTH;
        if (!kinds.equals(allowed)) {
            kinds.setAll(allowed);
        }
        // a combo box whose items change may clear its value: choose again
        kind.set(keep);
    }

    /** The request the current choices make; null (with a message) when they are incomplete. */
    ReportRequest request() {
        ReportAudience a = audience.get() == null ? ReportAudience.DONOR : audience.get();
        ReportRequest req = periodRequest(a);
        return req == null ? null : req.in(language.get());
    }

    /** The period chosen, read here (the edge) into the one period type the service takes. */
    private ReportRequest periodRequest(ReportAudience a) {
        try {
            return ReportRequest.of(switch (kind.get()) {
                case MONTH -> ReportPeriod.month(YearMonth.of(year.get(), month.get()));
                case QUARTER -> ReportPeriod.quarter(year.get(), quarter.get());
                case HALF_YEAR -> ReportPeriod.halfYear(year.get(), half.get());
                case YEAR -> ReportPeriod.year(year.get());
                case CUSTOM -> {
                    if (from.get() == null || to.get() == null) {
                        fail(messages.get("report.error.customDates"));
                        yield null;
                    }
                    yield ReportPeriod.custom(from.get(), to.get());
                }
            }, a);
        } catch (InvalidPeriodException e) {
            fail(messages.of(e.problem(), e.getMessage()));
            return null;
        }
    }

    /** Works out the key figures as the chosen audience will see them. */
    public void preview() {
        ReportRequest req = request();
        if (req == null) {
            return;
        }
        status.ok(messages.get("report.status.previewing"));
        status.run(ctx.executor(), () -> service.preview(req), p -> {
            show(p);
            status.ok(p.audience().suppressed()
                    ? messages.get("report.status.suppressed", p.suppressedCells())
                    : messages.get("report.status.exact"));
        });
    }

    /** A file name to offer: {@code outreach-report-2026-10-donor.xlsx}. */
    public String suggestedFileName() {
        ReportRequest req = request();
        String code = req == null ? "custom" : req.period().kind() == PeriodKind.CUSTOM
                ? req.period().start() + "_" + req.period().end() : req.period().code();
        return "outreach-report-" + code + "-" + audience.get().code()
                + (language.get() == ReportLanguage.KHMER ? "-km" : "") + ".xlsx";
    }

    /** Saves the workbook as {@code file} (with the password when asked for). */
    public void save(Path file) {
        if (file == null) {
            return;
        }
        ReportRequest req = request();
        if (req == null) {
            return;
        }
        char[] pw = null;
        if (encrypt.get()) {
            String p = password.get() == null ? "" : password.get();
            if (!p.equals(passwordRepeat.get())) {
                fail(messages.get("report.error.passwordsDiffer"));
                return;
            }
            if (p.length() < MIN_PASSWORD) {
                fail(messages.get("report.error.passwordShort", MIN_PASSWORD));
                return;
            }
            pw = p.toCharArray();
        }
        char[] filePassword = pw;
        Path target = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx") ? file
                : file.resolveSibling(file.getFileName() + ".xlsx");
        status.ok(messages.get("report.status.saving"));
        status.run(ctx.executor(), () -> {
            try {
                return service.export(req, target, filePassword);
            } finally {
                if (filePassword != null) {
                    Arrays.fill(filePassword, '\0');
                }
            }
        }, (ExportResult r) -> {
            show(r.preview());
            saved.set(r.file());
            password.set("");
            passwordRepeat.set("");
            status.ok(messages.get(r.encrypted() ? "report.status.savedEncrypted" : "report.status.saved",
                    r.file().toString()));
            ctx.shell().saved(ctx.workspace().clock().instant());
        });
    }

    /**
     * Whether to offer the national export: exact figures, so for those who may make internal reports (the service
     * checks the role again).
     */
    public boolean nationalAllowed() {
        return audiences.contains(ReportAudience.INTERNAL);
    }

    /** A file name to offer for the national export: {@code outreach-national-2026-10.xml}. */
    public String suggestedNationalFileName() {
        ReportRequest req = periodRequest(ReportAudience.INTERNAL);
        String code = req == null ? "custom" : req.period().kind() == PeriodKind.CUSTOM
                ? req.period().start() + "_" + req.period().end() : req.period().code();
        return "outreach-national-" + code + nationalFormat.get().extension();
    }

    /**
     * Saves the chosen period's exact figures that the mapping file maps, in the national format chosen, as
     * {@code file} (the format's ending added when missing); lists the figures left out.
     */
    public void exportNational(Path file) {
        if (file == null) {
            return;
        }
        Path mappingFile = mapping.get();
        if (mappingFile == null) {
            fail(messages.get("report.national.noMapping"));
            return;
        }
        ReportRequest req = periodRequest(ReportAudience.INTERNAL);
        if (req == null) {
            return;
        }
        NationalFormat format = nationalFormat.get();
        Path target = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(format.extension()) ? file
                : file.resolveSibling(file.getFileName() + format.extension());
        unmapped.clear();
        absent.clear();
        status.ok(messages.get("report.national.status.saving"));
        status.run(ctx.executor(), () -> service.exportNational(req.in(language.get()), format, mappingFile, target),
                (NationalExportResult r) -> {
                    saved.set(r.file());
                    unmapped.setAll(r.unmapped());
                    absent.setAll(r.absent());
                    status.ok(messages.get("report.national.status.saved", r.file().toString(), r.values(),
                            messages.get("report.national.format." + r.format().code())));
                    ctx.shell().saved(ctx.workspace().clock().instant());
                });
    }

    private void show(ReportPreview p) {
        preview.set(p);
        figures.setAll(p.figures());
    }

    private void fail(String message) {
        status.fail(message);
    }

    public ObjectProperty<PeriodKind> kindProperty() {
        return kind;
    }

    public IntegerProperty yearProperty() {
        return year;
    }

    public IntegerProperty monthProperty() {
        return month;
    }

    public IntegerProperty quarterProperty() {
        return quarter;
    }

    public IntegerProperty halfProperty() {
        return half;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    /** The period kinds to offer for the chosen audience (custom dates only for internal reports). */
    public ObservableList<PeriodKind> periodKinds() {
        return kinds;
    }

    public ObjectProperty<ReportAudience> audienceProperty() {
        return audience;
    }

    /** The audiences this user may choose: internal only for managers and admins. */
    public ObservableList<ReportAudience> audiences() {
        return audiences;
    }

    /** English (default) or Khmer labels in the saved workbook; the figures are the same. */
    public ObjectProperty<ReportLanguage> languageProperty() {
        return language;
    }

    public BooleanProperty encryptProperty() {
        return encrypt;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty passwordRepeatProperty() {
        return passwordRepeat;
    }

    public ObservableList<ReportPreview.Figure> figures() {
        return figures;
    }

    public ReadOnlyObjectProperty<ReportPreview> previewProperty() {
        return preview;
    }

    @Override
    public Status status() {
        return status;
    }

    public ReadOnlyObjectProperty<Path> savedProperty() {
        return saved;
    }

    public ObjectProperty<NationalFormat> nationalFormatProperty() {
        return nationalFormat;
    }

    /** The mapping file for the national export (CSV, see README). */
    public ObjectProperty<Path> mappingProperty() {
        return mapping;
    }

    /** The last national export's figures the mapping names nowhere (table, row, column; never a value). */
    public ObservableList<String> unmapped() {
        return unmapped;
    }

    /** The last national export's mapped figures without a value in the period. */
    public ObservableList<String> absent() {
        return absent;
    }
}
