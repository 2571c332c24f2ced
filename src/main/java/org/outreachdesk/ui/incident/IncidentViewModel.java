package org.outreachdesk.ui.incident;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.outreachdesk.app.DirectoryService;
import org.outreachdesk.app.Corrections;
import org.outreachdesk.app.IncidentService;
import org.outreachdesk.app.SiteService;
import org.outreachdesk.domain.DirectoryEntry;
import org.outreachdesk.domain.Incident;
import org.outreachdesk.domain.IncidentListing;
import org.outreachdesk.domain.RecordChange;
import org.outreachdesk.domain.VoidReason;
import org.outreachdesk.domain.IncidentType;
import org.outreachdesk.domain.Perpetrator;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.Site;
import org.outreachdesk.ui.common.Status;
import org.outreachdesk.ui.common.UiContext;
import org.outreachdesk.ui.common.WithStatus;
import org.outreachdesk.ui.common.Controls;
import org.outreachdesk.ui.common.Paging;

/**
 * State of the safety incident screen: the form (with an optional referral to a directory organisation)
 * and one page of the incident list, newest first.
 */
public final class IncidentViewModel implements WithStatus {

    public static final int PAGE_SIZE = 50;

    private final UiContext ctx;
    private final IncidentService incidents;
    private final SiteService sites;
    private final DirectoryService directory;

    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    private final ObjectProperty<Site> site = new SimpleObjectProperty<>();
    private final StringProperty uic = new SimpleStringProperty("");
    private final ObjectProperty<IncidentType> type = new SimpleObjectProperty<>();
    private final ObjectProperty<Perpetrator> perpetrator = new SimpleObjectProperty<>();
    private final BooleanProperty supportGiven = new SimpleBooleanProperty(false);
    private final StringProperty supportNote = new SimpleStringProperty("");
    private final BooleanProperty refer = new SimpleBooleanProperty(false);
    private final ObjectProperty<ServiceType> referralService = new SimpleObjectProperty<>(ServiceType.VIOLENCE);
    private final ObjectProperty<DirectoryEntry> destination = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> dueDate = new SimpleObjectProperty<>();

    private final ObservableList<Site> siteChoices = FXCollections.observableArrayList();
    private final ObservableList<DirectoryEntry> destinations = FXCollections.observableArrayList();
    private final ObservableList<IncidentListing> rows = FXCollections.observableArrayList();
    private final Paging paging = new Paging(PAGE_SIZE, rows, this::refresh);
    private final ObjectProperty<IncidentListing> selected = new SimpleObjectProperty<>();
    private final Status status;

    public IncidentViewModel(UiContext ctx) {
        this.ctx = ctx;
        this.status = new Status(ctx.messages());
        this.incidents = new IncidentService(ctx.workspace());
        this.sites = new SiteService(ctx.workspace());
        this.directory = new DirectoryService(ctx.workspace());
        date.set(today());
        dueDate.set(today().plusDays(IncidentService.DEFAULT_FOLLOW_UP_DAYS));
        // the follow-up date moves with the incident date until someone sets it by hand
        date.addListener((o, old, d) -> {
            if (d != null && (old == null || old.plusDays(IncidentService.DEFAULT_FOLLOW_UP_DAYS).equals(dueDate.get()))) {
                dueDate.set(d.plusDays(IncidentService.DEFAULT_FOLLOW_UP_DAYS));
            }
        });
        referralService.addListener((o, a, s) -> loadDestinations());
    }

    public LocalDate today() {
        return ctx.workspace().today();
    }

    public void load() {
        status.load(ctx.executor(), () -> sites.list(false), list -> siteChoices.setAll(Controls.withNone(list)));
        loadDestinations();
        refresh();
    }

    private void loadDestinations() {
        ServiceType s = referralService.get();
        status.load(ctx.executor(), () -> directory.search(null, s, false), list -> {
            destinations.setAll(Controls.withNone(list));
            if (destination.get() != null && !list.contains(destination.get())) {
                destination.set(null);
            }
        });
    }

    public void refresh() {
        int from = paging.offset();
        status.load(ctx.executor(), () -> incidents.list(from, PAGE_SIZE), page -> {
            selected.set(null);
            rows.setAll(page.rows());
            paging.loaded(page.total());
        });
    }

    // --- corrections and voids (issue 14) --------------------------------------------------------------

    /** Whether the signed-in user may correct or void this incident (the service checks again). */
    public boolean mayChange(IncidentListing l) {
        return l != null && !l.voided() && Corrections.mayChange(ctx.workspace(), l.incident().meta());
    }

    /** Saves a correction of an incident as the dialog filled it. */
    public void correct(Incident original, IncidentService.IncidentCorrection c) {
        status.run(ctx.executor(), () -> incidents.correct(original, c), saved -> {
            ctx.shell().saved(saved.meta().updatedAt());
            status.show(ctx.messages().get("correction.saved"), false);
            refresh();
        });
    }

    /** Voids an incident with the reason chosen (its pending referral with it). */
    public void voidIncident(Incident original, VoidReason reason) {
        status.run(ctx.executor(), () -> incidents.voidIncident(original, reason), after -> {
            ctx.shell().saved(after.updatedAt());
            status.show(ctx.messages().get("correction.voided"), false);
            refresh();
        });
    }

    /** Reads an incident's history and gives it to {@code show}. */
    public void history(UUID incidentId, Consumer<List<RecordChange>> show) {
        status.load(ctx.executor(), () -> incidents.history(incidentId), show);
    }

    public ObjectProperty<IncidentListing> selectedProperty() {
        return selected;
    }

    public void nextPage() {
        paging.next();
    }

    public void previousPage() {
        paging.previous();
    }

    /** Saves the form; on success clears it (keeping date and site for the next one) and shows the list's first page. */
    public void save() {
        if (date.get() == null) {
            status.show(ctx.messages().get("ops.incidents.dateRequired"), true);
            return;
        }
        if (type.get() == null) {
            status.show(ctx.messages().get("ops.incidents.typeRequired"), true);
            return;
        }
        if (perpetrator.get() == null) {
            status.show(ctx.messages().get("ops.incidents.perpetratorRequired"), true);
            return;
        }
        IncidentService.ReferralRequest referral = !refer.get() ? null : new IncidentService.ReferralRequest(
                referralService.get(), destination.get() == null ? null : destination.get().meta().id(), dueDate.get());
        IncidentService.NewIncident in = new IncidentService.NewIncident(date.get(),
                site.get() == null ? null : site.get().meta().id(), uic.get(), type.get(), perpetrator.get(),
                supportGiven.get(), supportNote.get(), referral);
        status.run(ctx.executor(), () -> incidents.record(in), saved -> {
            ctx.shell().saved(saved.meta().createdAt());
            status.show(ctx.messages().get(saved.referralId() == null ? "ops.incidents.saved" : "ops.incidents.savedWithReferral"),
                    false);
            clearAfterSave();
            paging.first();
        });
    }

    private void clearAfterSave() {
        uic.set("");
        type.set(null);
        perpetrator.set(null);
        supportGiven.set(false);
        supportNote.set("");
        refer.set(false);
        destination.set(null);
        if (date.get() != null) {
            dueDate.set(date.get().plusDays(IncidentService.DEFAULT_FOLLOW_UP_DAYS));
        }
    }

    public ObjectProperty<LocalDate> dateProperty() {
        return date;
    }

    public ObjectProperty<Site> siteProperty() {
        return site;
    }

    public StringProperty uicProperty() {
        return uic;
    }

    public ObjectProperty<IncidentType> typeProperty() {
        return type;
    }

    public ObjectProperty<Perpetrator> perpetratorProperty() {
        return perpetrator;
    }

    public BooleanProperty supportGivenProperty() {
        return supportGiven;
    }

    public StringProperty supportNoteProperty() {
        return supportNote;
    }

    public BooleanProperty referProperty() {
        return refer;
    }

    public ObjectProperty<ServiceType> referralServiceProperty() {
        return referralService;
    }

    public ObjectProperty<DirectoryEntry> destinationProperty() {
        return destination;
    }

    public ObjectProperty<LocalDate> dueDateProperty() {
        return dueDate;
    }

    public ObservableList<Site> siteChoices() {
        return siteChoices;
    }

    public ObservableList<DirectoryEntry> destinations() {
        return destinations;
    }

    public ObservableList<IncidentListing> rows() {
        return rows;
    }

    /** The list's paging (for the page bar). */
    public Paging paging() {
        return paging;
    }

    @Override
    public Status status() {
        return status;
    }
}
