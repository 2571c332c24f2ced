package org.outreachdesk.ui.contact;

import java.util.concurrent.Callable;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.outreachdesk.app.ContactCorrectionService;
import org.outreachdesk.app.MergeService;
import org.outreachdesk.app.MergeService.PossibleDuplicate;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.ui.common.Labels;
import org.outreachdesk.ui.common.Problems;
import org.outreachdesk.ui.common.Status;
import org.outreachdesk.ui.common.UiContext;
import org.outreachdesk.ui.common.WithStatus;

/**
 * The possible-duplicates list (issue 14): pairs of live contacts that may be one person, for a coordinator to merge
 * (choosing which UIC stays) or to keep apart as "not the same person" (not asked again). The services refuse
 * anyone below coordinator; the screen says so instead of a list.
 */
public final class DuplicatesViewModel implements WithStatus {

    private final UiContext ctx;
    private final Labels labels;
    private final Status status;
    private final MergeService merges;
    private final ContactCorrectionService corrections;

    private final ObservableList<PossibleDuplicate> pairs = FXCollections.observableArrayList();
    private final ObjectProperty<PossibleDuplicate> selected = new SimpleObjectProperty<>();
    private final BooleanProperty loaded = new SimpleBooleanProperty();

    public DuplicatesViewModel(UiContext ctx) {
        this.ctx = ctx;
        this.labels = new Labels(ctx.messages());
        this.status = new Status(ctx.messages(), new Problems(labels)::general);
        this.merges = new MergeService(ctx.workspace());
        this.corrections = new ContactCorrectionService(ctx.workspace());
    }

    /** Whether the signed-in user may see and act on the list (coordinators and above). */
    public boolean allowed() {
        return corrections.mayMerge();
    }

    /** Reads the list again. */
    public void load() {
        if (!allowed()) {
            return;
        }
        status.run(ctx.executor(), merges::possibleDuplicates, list -> {
            loaded.set(true);
            pairs.setAll(list);
        });
    }

    /** Merges the selected pair: {@code keepFirst} keeps the first contact's UIC, else the second's. */
    public void merge(boolean keepFirst) {
        PossibleDuplicate p = selected.get();
        if (p == null || status.isBusy()) {
            return;
        }
        Contact keep = keepFirst ? p.a().contact() : p.b().contact();
        Contact gone = keepFirst ? p.b().contact() : p.a().contact();
        act(() -> merges.merge(keep.id(), keep.meta().version(), gone.id(), gone.meta().version()),
                labels.get("duplicates.merged", keep.uic().value()));
    }

    /** Keeps the selected pair apart: not the same person. */
    public void keepApart() {
        PossibleDuplicate p = selected.get();
        if (p == null || status.isBusy()) {
            return;
        }
        act(() -> {
            corrections.markDistinct(p.a().contact().id(), p.b().contact().id());
            return null;
        }, labels.get("duplicates.keptApart"));
    }

    private void act(Callable<?> work, String done) {
        status.clear();
        status.run(ctx.executor(), () -> {
            work.call();
            return merges.possibleDuplicates();
        }, list -> {
            pairs.setAll(list);
            ctx.shell().saved(ctx.workspace().clock().instant());
            status.ok(done);
        }, e -> load());
    }

    public Labels labels() {
        return labels;
    }

    public ObservableList<PossibleDuplicate> pairs() {
        return pairs;
    }

    public ObjectProperty<PossibleDuplicate> selectedProperty() {
        return selected;
    }

    @Override
    public Status status() {
        return status;
    }

    public BooleanProperty loadedProperty() {
        return loaded;
    }
}
