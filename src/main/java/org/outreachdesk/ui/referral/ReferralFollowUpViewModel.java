package org.outreachdesk.ui.referral;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.outreachdesk.app.Corrections;
import org.outreachdesk.app.DirectoryService;
import org.outreachdesk.app.Paged;
import org.outreachdesk.app.Permission;
import org.outreachdesk.app.ReferralFollowUpService;
import org.outreachdesk.app.StaffService;
import org.outreachdesk.domain.DirectoryEntry;
import org.outreachdesk.domain.DueWindow;
import org.outreachdesk.domain.FollowUpCounts;
import org.outreachdesk.domain.FollowUpFilter;
import org.outreachdesk.domain.PendingReferral;
import org.outreachdesk.domain.RecordChange;
import org.outreachdesk.domain.Referral;
import org.outreachdesk.domain.ReferralStatus;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.domain.VoidReason;
import org.outreachdesk.ui.common.Status;
import org.outreachdesk.ui.common.Dates;
import org.outreachdesk.ui.common.UiContext;
import org.outreachdesk.ui.common.WithStatus;
import org.outreachdesk.ui.common.Paging;

/**
 * State of the referral follow-up screen: the filter (due window, worker, service), one page of pending
 * referrals with the counts per window, and the outcome form for the selected referral.
 */
public final class ReferralFollowUpViewModel implements WithStatus {

    public static final int PAGE_SIZE = 50;

    private final UiContext ctx;
    private final ReferralFollowUpService service;
    private final StaffService staffService;
    private final DirectoryService directory;
    private final ObservableList<DirectoryEntry> destinations = FXCollections.observableArrayList();

    private final ObjectProperty<DueWindow> window = new SimpleObjectProperty<>(DueWindow.ALL);
    /** Closed referrals instead of pending ones (to correct an outcome recorded by mistake). */
    private final BooleanProperty closed = new SimpleBooleanProperty(false);
    private final ObjectProperty<Staff> worker = new SimpleObjectProperty<>();
    private final ObjectProperty<ServiceType> serviceType = new SimpleObjectProperty<>();
    private final ObservableList<Staff> workers = FXCollections.observableArrayList();
    private final ObservableList<PendingReferral> rows = FXCollections.observableArrayList();
    private final Paging paging = new Paging(PAGE_SIZE, rows, this::refresh);
    private final ObjectProperty<FollowUpCounts> counts = new SimpleObjectProperty<>(new FollowUpCounts(0, 0, 0));
    private final ObjectProperty<PendingReferral> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<ReferralStatus> outcome = new SimpleObjectProperty<>(ReferralStatus.COMPLETED);
    private final ObjectProperty<LocalDate> outcomeDate = new SimpleObjectProperty<>();
    private final Status status;

    public ReferralFollowUpViewModel(UiContext ctx) {
        this.ctx = ctx;
        this.status = new Status(ctx.messages());
        this.service = new ReferralFollowUpService(ctx.workspace());
        this.staffService = new StaffService(ctx.workspace());
        this.directory = new DirectoryService(ctx.workspace());
        outcomeDate.set(today());
        window.addListener((o, a, b) -> firstPage());
        closed.addListener((o, a, b) -> firstPage());
        worker.addListener((o, a, b) -> firstPage());
        serviceType.addListener((o, a, b) -> firstPage());
    }

    public LocalDate today() {
        return ctx.workspace().today();
    }

    /** Whether the signed-in role may record outcomes (the service checks again). */
    public boolean canRecordOutcomes() {
        return ctx.workspace().can(Permission.COORDINATE);
    }

    /** Loads the workers for the filter and the first page. */
    public void load() {
        status.load(ctx.executor(), () -> staffService.list(false), workers::setAll);
        status.load(ctx.executor(), () -> directory.search(null, null, false), destinations::setAll);
        refresh();
    }

    public void firstPage() {
        paging.first();
    }

    public void nextPage() {
        paging.next();
    }

    public void previousPage() {
        paging.previous();
    }

    /** Reloads the current page and the counts. */
    public void refresh() {
        FollowUpFilter filter = new FollowUpFilter(window.get(), worker.get() == null ? null : worker.get().meta().id(),
                serviceType.get());
        int from = paging.offset();
        boolean showClosed = closed.get();
        status.run(ctx.executor(), () -> new Result(showClosed ? service.closed(filter, from, PAGE_SIZE)
                        : service.pending(filter, from, PAGE_SIZE), service.counts(filter)),
                r -> {
                    PendingReferral keep = selected.get();
                    rows.setAll(r.page().rows());
                    paging.loaded(r.page().total());
                    counts.set(r.counts());
                    if (keep != null) {
                        selected.set(rows.stream().filter(p -> p.referral().id().equals(keep.referral().id()))
                                .findFirst().orElse(null));
                    }
                    if (rows.isEmpty() && from > 0) {
                        previousPage();
                    }
                });
    }

    private record Result(Paged<PendingReferral> page, FollowUpCounts counts) {
    }

    /** Records the chosen outcome and date for the selected referral. */
    public void saveOutcome() {
        PendingReferral p = selected.get();
        if (p == null || p.voided()) {
            status.show(ctx.messages().get("ops.referrals.selectFirst"), true);
            return;
        }
        if (outcomeDate.get() == null) {
            status.show(ctx.messages().get("ops.referrals.dateRequired"), true);
            return;
        }
        ReferralStatus o = outcome.get();
        LocalDate d = outcomeDate.get();
        status.run(ctx.executor(), () -> service.close(p.referral(), o, d), closed -> {
            ctx.shell().saved(closed.meta().updatedAt());
            status.show(ctx.messages().get("ops.referrals.saved", ctx.labels().of(o),
                    Dates.format(d)), false);
            selected.set(null);
            refresh();
        });
    }

    // --- corrections and voids (issue 14) --------------------------------------------------------------

    /**
     * Whether the signed-in user may correct or void this referral (the service checks again); a voided one is
     * never changed again (only its history is read).
     */
    public boolean mayChange(PendingReferral p) {
        return p != null && !p.voided() && Corrections.mayChange(ctx.workspace(), p.referral().meta());
    }

    /** Saves a correction of a referral as the dialog filled it. */
    public void correct(Referral original, ReferralFollowUpService.ReferralCorrection c) {
        status.run(ctx.executor(), () -> service.correct(original, c), saved -> {
            ctx.shell().saved(saved.meta().updatedAt());
            status.show(ctx.messages().get("correction.saved"), false);
            selected.set(null);
            refresh();
        });
    }

    /** Voids a referral with the reason chosen: it leaves the pending list (the closed list shows it voided). */
    public void voidReferral(Referral original, VoidReason reason) {
        status.run(ctx.executor(), () -> service.voidReferral(original, reason), after -> {
            ctx.shell().saved(after.updatedAt());
            status.show(ctx.messages().get("correction.voided"), false);
            selected.set(null);
            refresh();
        });
    }

    /** Reads a referral's history and gives it to {@code show}. */
    public void history(UUID referralId, Consumer<List<RecordChange>> show) {
        status.load(ctx.executor(), () -> service.history(referralId), show);
    }

    /** The organisations of the directory (active), for a correction's destination. */
    public ObservableList<DirectoryEntry> destinations() {
        return destinations;
    }

    /** Whether the signed-in user may correct outcomes too (coordinators and above). */
    public boolean canCorrectOutcomes() {
        return ctx.workspace().can(Permission.COORDINATE);
    }

    public BooleanProperty closedProperty() {
        return closed;
    }

    public ObjectProperty<DueWindow> windowProperty() {
        return window;
    }

    public ObjectProperty<Staff> workerProperty() {
        return worker;
    }

    public ObjectProperty<ServiceType> serviceTypeProperty() {
        return serviceType;
    }

    public ObservableList<Staff> workers() {
        return workers;
    }

    public ObservableList<PendingReferral> rows() {
        return rows;
    }

    public ObjectProperty<FollowUpCounts> countsProperty() {
        return counts;
    }

    /** The list's paging (for the page bar). */
    public Paging paging() {
        return paging;
    }

    public ObjectProperty<PendingReferral> selectedProperty() {
        return selected;
    }

    public ObjectProperty<ReferralStatus> outcomeProperty() {
        return outcome;
    }

    public ObjectProperty<LocalDate> outcomeDateProperty() {
        return outcomeDate;
    }

    @Override
    public Status status() {
        return status;
    }

    /** The outcomes a coordinator can record. */
    public static List<ReferralStatus> outcomes() {
        return List.of(ReferralStatus.COMPLETED, ReferralStatus.DECLINED, ReferralStatus.LOST);
    }
}
