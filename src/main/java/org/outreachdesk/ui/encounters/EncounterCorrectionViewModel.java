package org.outreachdesk.ui.encounters;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import org.outreachdesk.app.EncounterCorrectionService;
import org.outreachdesk.app.EncounterService;
import org.outreachdesk.app.InvalidFieldsException;
import org.outreachdesk.domain.Commodity;
import org.outreachdesk.domain.RecordChange;
import org.outreachdesk.domain.VoidReason;
import org.outreachdesk.ui.common.Labels;
import org.outreachdesk.ui.common.Problems;
import org.outreachdesk.ui.common.Status;
import org.outreachdesk.ui.common.UiContext;
import org.outreachdesk.ui.common.WithStatus;

/**
 * One saved encounter opened to correct or void it (issue 14): its fields in the desk's form parts, saved through
 * {@link EncounterCorrectionService} on the background executor (which checks who may change it, and that nobody
 * changed it since it was opened). Referrals ticked are added to it. A voided encounter opens read-only, with its
 * reason.
 */
public final class EncounterCorrectionViewModel implements WithStatus {

    private final UiContext ctx;
    private final Labels labels;
    private final Problems problems;
    private final EncounterCorrectionService service;
    private final EncounterService encounters;
    private final EncounterFields fields = new EncounterFields();
    private final Status status;
    private final ObjectProperty<EncounterCorrectionService.Opened> opened = new SimpleObjectProperty<>();
    private final BooleanBinding mayChange;
    private Runnable onChanged = () -> { };
    private Runnable onProblems = () -> { };

    public EncounterCorrectionViewModel(UiContext ctx) {
        this.ctx = ctx;
        this.labels = new Labels(ctx.messages());
        this.problems = new Problems(labels);
        this.service = new EncounterCorrectionService(ctx.workspace());
        this.encounters = new EncounterService(ctx.workspace());
        this.status = new Status(ctx.messages());
        this.mayChange = Bindings.createBooleanBinding(() -> opened.get() != null && opened.get().mayChange(), opened)
                .and(status.busyProperty().not());
    }

    private record Loaded(EncounterService.FormChoices choices, EncounterCorrectionService.Opened opened) {
    }

    /** Opens the encounter: the form's choices and the encounter as stored now. */
    public void open(UUID encounterId) {
        status.load(ctx.executor(), () -> new Loaded(encounters.formChoices(), service.open(encounterId)), l -> {
            fields.choices(l.choices());
            fields.fill(l.opened().encounter());
            opened.set(l.opened());
            if (l.opened().encounter().voided()) {
                status.show(labels.get("encounterFix.voided", labels.of(l.opened().encounter().voidReason())), true);
            } else if (!l.opened().mayChange()) {
                status.show(labels.get("encounterFix.readOnly"), true);
            }
        });
    }

    /** Saves the correction; problems are shown at their fields, nothing is saved then. */
    public void save() {
        EncounterCorrectionService.Opened o = opened.get();
        if (o == null || status.busyProperty().get()) {
            return;
        }
        fields.errors().clear();
        Map<Commodity, String> typed = fields.typedQuantities();
        EncounterService.Draft draft = fields.draft()
                .quantities(number(typed.get(Commodity.MALE_CONDOM)), number(typed.get(Commodity.FEMALE_CONDOM)),
                        number(typed.get(Commodity.LUBRICANT)), number(typed.get(Commodity.HIV_SELF_TEST)))
                .build();
        status.run(ctx.executor(), () -> service.correct(o.encounter().id(), o.encounter().meta().version(), draft),
                done -> {
                    status.ok(labels.get(done.change() == null ? "encounterFix.unchanged" : "correction.saved"));
                    ctx.shell().saved(ctx.workspace().clock().instant());
                    onChanged.run();
                }, this::refused);
    }

    private void refused(Throwable t) {
        if (t instanceof InvalidFieldsException e) {
            problems.putAll(e, fields.errors());
            if (e.onlyNeedsConfirmation()) {
                fields.confirmShownProperty().set(true);
                status.fail(labels.get("desk.message.confirm"));
            } else {
                status.fail(labels.get("desk.message.fix"));
            }
            onProblems.run();
        }
    }

    private static int number(String typed) {
        String t = typed == null ? "" : typed.strip();
        return t.isEmpty() ? 0 : Integer.parseInt(t);
    }

    /** Voids the encounter with this reason (its hand-outs go back into stock, its pending referrals are voided). */
    public void voidIt(VoidReason reason) {
        EncounterCorrectionService.Opened o = opened.get();
        if (o == null) {
            return;
        }
        status.run(ctx.executor(), () -> service.voidEncounter(o.encounter().id(), o.encounter().meta().version(),
                reason), done -> {
                    status.ok(labels.get("correction.voided"));
                    ctx.shell().saved(ctx.workspace().clock().instant());
                    onChanged.run();
                });
    }

    /** Reads the encounter's history and gives it to {@code show}. */
    public void history(Consumer<List<RecordChange>> show) {
        EncounterCorrectionService.Opened o = opened.get();
        if (o != null) {
            status.load(ctx.executor(), () -> service.historyOf(o.encounter().id()), show);
        }
    }

    /** Called after a correction or a void was saved. */
    public void setOnChanged(Runnable r) {
        this.onChanged = r;
    }

    /** Called after a correction was refused with problems at fields (the view puts the keyboard on the first). */
    public void setOnProblems(Runnable r) {
        this.onProblems = r;
    }

    /** What the encounter is, in words for titles: the contact's code and the date (no content). */
    public String what() {
        EncounterCorrectionService.Opened o = opened.get();
        return o == null ? "" : labels.get("encounterFix.what", o.uic(), labels.date(o.encounter().date()));
    }

    public EncounterFields fields() {
        return fields;
    }

    public Labels labels() {
        return labels;
    }

    @Override
    public Status status() {
        return status;
    }

    public ObjectProperty<EncounterCorrectionService.Opened> openedProperty() {
        return opened;
    }

    /** Whether the opened encounter may be corrected or voided now (the service checks again). */
    public BooleanBinding mayChangeProperty() {
        return mayChange;
    }

    UiContext context() {
        return ctx;
    }
}
