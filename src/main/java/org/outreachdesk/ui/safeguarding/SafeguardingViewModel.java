package org.outreachdesk.ui.safeguarding;

import java.util.UUID;
import java.util.function.Consumer;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import org.outreachdesk.app.SafeguardingService;
import org.outreachdesk.domain.DirectoryEntry;
import org.outreachdesk.ui.common.UiContext;
import org.outreachdesk.ui.common.Labels;
import org.outreachdesk.ui.common.Problems;
import org.outreachdesk.ui.common.Status;
import org.outreachdesk.ui.common.WithStatus;

/**
 * The safeguarding screen and its protocol: five indicators; any of them shows the NCCT hotline 1288, the
 * organisations of the directory offering anti-trafficking and child-protection services, and a one-step
 * referral. Saving stores the screen with its referrals in one transaction.
 */
public final class SafeguardingViewModel implements WithStatus {

    private final UiContext ctx;
    private final Labels labels;
    private final Status status;
    private final SafeguardingService service;

    private final ObjectProperty<SafeguardingRequest> request = new SimpleObjectProperty<>();
    private final StringProperty person = new SimpleStringProperty("");
    private final BooleanProperty debtBondage = new SimpleBooleanProperty();
    private final BooleanProperty confinement = new SimpleBooleanProperty();
    private final BooleanProperty documentsConfiscated = new SimpleBooleanProperty();
    private final BooleanProperty extremeControl = new SimpleBooleanProperty();
    private final BooleanProperty under18 = new SimpleBooleanProperty();
    private final BooleanBinding flagged;
    private final BooleanBinding traffickingIndicated;
    private final StringProperty hotline = new SimpleStringProperty(SafeguardingService.NCCT_HOTLINE);
    private final ObservableList<DirectoryEntry> traffickingOrgs = FXCollections.observableArrayList();
    private final ObservableList<DirectoryEntry> childProtectionOrgs = FXCollections.observableArrayList();
    private final BooleanProperty referTrafficking = new SimpleBooleanProperty();
    private final BooleanProperty referChildProtection = new SimpleBooleanProperty();
    private final ObjectProperty<DirectoryEntry> traffickingDestination = new SimpleObjectProperty<>();
    private final ObjectProperty<DirectoryEntry> childProtectionDestination = new SimpleObjectProperty<>();
    private final BooleanProperty canRefer = new SimpleBooleanProperty();
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();

    private Consumer<SafeguardingService.Recorded> onDone = r -> { };
    private Runnable onCancel = () -> { };

    public SafeguardingViewModel(UiContext ctx) {
        this.ctx = ctx;
        this.labels = new Labels(ctx.messages());
        this.status = Status.ofForm(new Problems(labels), errors);
        this.service = new SafeguardingService(ctx.workspace());
        traffickingIndicated = debtBondage.or(confinement).or(documentsConfiscated).or(extremeControl);
        flagged = traffickingIndicated.or(under18);
        // the one-step referral is proposed as soon as an indicator says which one applies
        under18.addListener((obs, old, now) -> {
            if (now && canRefer.get()) {
                referChildProtection.set(true);
            }
        });
        traffickingIndicated.addListener((obs, old, now) -> {
            if (now && canRefer.get()) {
                referTrafficking.set(true);
            }
        });
    }

    /** Starts a new screen for {@code r} and loads the protocol's organisations. */
    public void start(SafeguardingRequest r) {
        request.set(r);
        errors.clear();
        status.clear();
        referTrafficking.set(false);
        referChildProtection.set(false);
        traffickingDestination.set(null);
        childProtectionDestination.set(null);
        debtBondage.set(false);
        confinement.set(false);
        documentsConfiscated.set(false);
        extremeControl.set(false);
        boolean identified = r.contact() != null || (r.newPerson() != null && r.newPerson().uic() != null);
        canRefer.set(identified);
        if (r.contact() != null) {
            person.set(labels.get("safeguarding.person.contact", r.contact().contact().uic().value()));
        } else if (identified) {
            person.set(labels.get("safeguarding.person.new", r.newPerson().uic().value()));
        } else {
            person.set(labels.get("safeguarding.person.none"));
        }
        under18.set(false);
        under18.set(r.under18());
        if (r.under18()) {
            boolean recordedAsSexWork = (r.contact() != null && r.contact().contact().kpType().isSexWork())
                    || (r.newPerson() != null && r.newPerson().kpType() != null && r.newPerson().kpType().isSexWork());
            status.fail(labels.get("safeguarding.message.under18")
                    + (recordedAsSexWork ? "\n" + labels.get("safeguarding.message.reclassify") : ""));
        }
        status.load(ctx.executor(), service::protocol, p -> {
            hotline.set(p.hotline());
            traffickingOrgs.setAll(p.trafficking());
            childProtectionOrgs.setAll(p.childProtection());
        });
    }

    /** Saves the screen and the referrals ticked, in one step. */
    public void save() {
        SafeguardingRequest r = request.get();
        if (r == null || status.isBusy()) {
            return;
        }
        errors.clear();
        SafeguardingService.Draft d = new SafeguardingService.Draft(r.date(),
                r.contact() == null ? null : r.contact().contact().id(), r.newPerson(), r.siteId(), r.staffId(),
                debtBondage.get(), confinement.get(), documentsConfiscated.get(), extremeControl.get(), under18.get(),
                referTrafficking.get(), id(traffickingDestination.get()), referChildProtection.get(),
                id(childProtectionDestination.get()));
        status.run(ctx.executor(), () -> service.record(d), recorded -> {
            ctx.shell().saved(ctx.workspace().clock().instant());
            onDone.accept(recorded);
        });
    }

    public void cancel() {
        onCancel.run();
    }

    private static UUID id(DirectoryEntry e) {
        return e == null ? null : e.meta().id();
    }

    /** "IOM Cambodia — 023 …, Phnom Penh": an organisation as the protocol lists it. */
    public static String describe(DirectoryEntry e) {
        StringBuilder b = new StringBuilder(e.name());
        if (e.publicPhone() != null && !e.publicPhone().isBlank()) {
            b.append(" — ").append(e.publicPhone());
        }
        if (e.location() != null && !e.location().isBlank()) {
            b.append(", ").append(e.location());
        }
        return b.toString();
    }

    public Labels labels() {
        return labels;
    }

    public ObjectProperty<SafeguardingRequest> requestProperty() {
        return request;
    }

    public StringProperty personProperty() {
        return person;
    }

    public BooleanProperty debtBondageProperty() {
        return debtBondage;
    }

    public BooleanProperty confinementProperty() {
        return confinement;
    }

    public BooleanProperty documentsConfiscatedProperty() {
        return documentsConfiscated;
    }

    public BooleanProperty extremeControlProperty() {
        return extremeControl;
    }

    public BooleanProperty under18Property() {
        return under18;
    }

    public BooleanBinding flaggedProperty() {
        return flagged;
    }

    public StringProperty hotlineProperty() {
        return hotline;
    }

    public ObservableList<DirectoryEntry> traffickingOrgs() {
        return traffickingOrgs;
    }

    public ObservableList<DirectoryEntry> childProtectionOrgs() {
        return childProtectionOrgs;
    }

    public BooleanProperty referTraffickingProperty() {
        return referTrafficking;
    }

    public BooleanProperty referChildProtectionProperty() {
        return referChildProtection;
    }

    public ObjectProperty<DirectoryEntry> traffickingDestinationProperty() {
        return traffickingDestination;
    }

    public ObjectProperty<DirectoryEntry> childProtectionDestinationProperty() {
        return childProtectionDestination;
    }

    public BooleanProperty canReferProperty() {
        return canRefer;
    }

    public ObservableMap<String, String> errors() {
        return errors;
    }

    @Override
    public Status status() {
        return status;
    }

    public void setOnDone(Consumer<SafeguardingService.Recorded> c) {
        this.onDone = c;
    }

    public void setOnCancel(Runnable r) {
        this.onCancel = r;
    }

    static StringBinding joined(ObservableList<DirectoryEntry> orgs, String none) {
        return Bindings.createStringBinding(() -> orgs.isEmpty() ? none
                : String.join("\n", orgs.stream().map(SafeguardingViewModel::describe).toList()), orgs);
    }
}
