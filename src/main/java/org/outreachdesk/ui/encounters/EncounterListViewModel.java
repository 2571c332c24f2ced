package org.outreachdesk.ui.encounters;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.outreachdesk.app.EncounterCorrectionService;
import org.outreachdesk.app.EncounterCorrectionService.Listed;
import org.outreachdesk.app.EncounterService;
import org.outreachdesk.domain.RecordChange;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.domain.VoidReason;
import org.outreachdesk.ui.common.Controls;
import org.outreachdesk.ui.common.Paging;
import org.outreachdesk.ui.common.Status;
import org.outreachdesk.ui.common.UiContext;
import org.outreachdesk.ui.common.WithStatus;

/**
 * The Encounters list (issue 14): saved encounters dated in a range, at a site, by a worker, newest first, a page at a
 * time; voided ones stay on the list with their reason. The selected one can be opened to correct it, voided, or its
 * history read; whether it may be changed is the service's rule (asked here for the buttons, checked again on save).
 */
public final class EncounterListViewModel implements WithStatus {

    /** Rows a page. */
    public static final int PAGE_SIZE = 50;

    private final UiContext ctx;
    private final EncounterCorrectionService service;
    private final EncounterService encounters;
    private final Status status;
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObjectProperty<Site> site = new SimpleObjectProperty<>();
    private final ObjectProperty<Staff> worker = new SimpleObjectProperty<>();
    private final ObservableList<Site> sites = FXCollections.observableArrayList();
    private final ObservableList<Staff> staff = FXCollections.observableArrayList();
    private final ObservableList<Listed> rows = FXCollections.observableArrayList();
    private final ObjectProperty<Listed> selected = new SimpleObjectProperty<>();
    private final Paging paging = new Paging(PAGE_SIZE, rows, this::refresh);

    public EncounterListViewModel(UiContext ctx) {
        this.ctx = ctx;
        this.service = new EncounterCorrectionService(ctx.workspace());
        this.encounters = new EncounterService(ctx.workspace());
        this.status = new Status(ctx.messages());
    }

    /** The filters' choices, then the first page. */
    public void load() {
        status.load(ctx.executor(), encounters::formChoices, c -> {
            sites.setAll(Controls.withNone(c.sites()));
            staff.setAll(Controls.withNone(c.staff()));
            paging.first();
        });
    }

    /** The first page with the filters as they are now. */
    public void apply() {
        paging.first();
    }

    /** Reads the page at the paging's offset. */
    public void refresh() {
        int offset = paging.offset();
        LocalDate f = from.get();
        LocalDate t = to.get();
        Site s = site.get();
        Staff w = worker.get();
        status.load(ctx.executor(), () -> service.list(f, t, s == null ? null : s.meta().id(),
                w == null ? null : w.meta().id(), offset, PAGE_SIZE), page -> {
                    selected.set(null);
                    rows.setAll(page.rows());
                    paging.loaded(page.total());
                });
    }

    /** Whether the signed-in user may correct or void this row (the service checks again). */
    public boolean mayChange(Listed l) {
        return l != null && !l.encounter().voided() && service.mayChange(l.encounter().meta());
    }

    /** Voids the selected encounter with this reason; the list shows it struck through. */
    public void voidSelected(VoidReason reason) {
        Listed l = selected.get();
        if (l == null) {
            return;
        }
        status.run(ctx.executor(), () -> service.voidEncounter(l.encounter().id(), l.encounter().meta().version(),
                reason), done -> {
                    status.ok(ctx.messages().get("correction.voided"));
                    ctx.shell().saved(ctx.workspace().clock().instant());
                    refresh();
                });
    }

    /** Reads the selected encounter's history and gives it to {@code show}. */
    public void history(Consumer<List<RecordChange>> show) {
        Listed l = selected.get();
        if (l != null) {
            status.load(ctx.executor(), () -> service.historyOf(l.encounter().id()), show);
        }
    }

    /** After the correction window saved: the page again, and a word on the message line. */
    public void changed() {
        status.ok(ctx.messages().get("encounters.changed"));
        refresh();
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public ObjectProperty<Site> siteProperty() {
        return site;
    }

    public ObjectProperty<Staff> workerProperty() {
        return worker;
    }

    public ObservableList<Site> sites() {
        return sites;
    }

    public ObservableList<Staff> staff() {
        return staff;
    }

    public ObservableList<Listed> rows() {
        return rows;
    }

    public ObjectProperty<Listed> selectedProperty() {
        return selected;
    }

    public Paging paging() {
        return paging;
    }

    @Override
    public Status status() {
        return status;
    }

    UiContext context() {
        return ctx;
    }
}
