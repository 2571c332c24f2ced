package org.outreachdesk.ui.encounter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
import javafx.collections.ObservableMap;

import org.outreachdesk.app.ContactService;
import org.outreachdesk.app.EncounterCorrectionService;
import org.outreachdesk.app.EncounterService;
import org.outreachdesk.app.InvalidFieldsException;
import org.outreachdesk.app.SafeguardingService;
import org.outreachdesk.domain.Age;
import org.outreachdesk.domain.Commodity;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.ContactListing;
import org.outreachdesk.domain.ContactStatus;
import org.outreachdesk.domain.DirectoryEntry;
import org.outreachdesk.domain.Encounter;
import org.outreachdesk.domain.EncounterType;
import org.outreachdesk.domain.Gender;
import org.outreachdesk.domain.HivStatus;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.Referral;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.domain.Uic;
import org.outreachdesk.ui.common.UiContext;
import org.outreachdesk.ui.safeguarding.SafeguardingRequest;
import org.outreachdesk.ui.common.Problems;
import org.outreachdesk.ui.common.Labels;
import org.outreachdesk.ui.common.Status;
import org.outreachdesk.ui.common.WithStatus;
import org.outreachdesk.ui.encounters.EncounterFields;

/**
 * The encounter desk's state: the round (date, site, worker — they carry over from one encounter to the next),
 * the encounter being typed, the messages at its fields, and the encounters saved in this session. Looks
 * contacts up and saves through the services on the background executor.
 */
public final class EncounterDeskViewModel implements WithStatus {

    /** The services offered as referral check boxes; trafficking and child protection go through the protocol. */
    public static final List<ServiceType> DESK_SERVICES = EncounterFields.DESK_SERVICES;

    /** One encounter saved in this session, as the list beside the form shows it. */
    public record SessionRow(int number, UUID encounterId, String uic, String given, String referrals, boolean voided) {
        @Override
        public String toString() {
            return "SessionRow[" + number + "]";
        }
    }

    private final UiContext ctx;
    private final Labels labels;
    private final Problems problems;
    private final Status status;
    private final EncounterService encounters;
    private final ContactService contacts;
    private final EncounterCorrectionService corrections;

    private final EncounterFields fields = new EncounterFields();
    private final StringProperty uic = new SimpleStringProperty("");
    private final ObjectProperty<ContactListing> contact = new SimpleObjectProperty<>();
    private final StringProperty contactText = new SimpleStringProperty("");
    private final BooleanProperty contactMissing = new SimpleBooleanProperty();
    private final ObservableList<SessionRow> session = FXCollections.observableArrayList();

    private Runnable onSaved = () -> { };
    private Runnable onProblems = () -> { };
    private Consumer<Boolean> onLoaded = first -> { };
    private Consumer<SafeguardingRequest> onSafeguarding = r -> { };
    private String lookedUp = "";
    private int saved;

    public EncounterDeskViewModel(UiContext ctx) {
        this.ctx = ctx;
        this.labels = new Labels(ctx.messages());
        this.problems = new Problems(labels);
        this.status = Status.ofForm(problems, fields.errors());
        this.encounters = new EncounterService(ctx.workspace());
        this.contacts = new ContactService(ctx.workspace());
        this.corrections = new EncounterCorrectionService(ctx.workspace());
        fields.dateProperty().set(ctx.workspace().today());
        // a new UIC makes the old contact's details wrong at once
        uic.addListener((obs, old, now) -> {
            if (!Uic.normalise(now).equals(lookedUp)) {
                contact.set(null);
                contactMissing.set(false);
                contactText.set("");
                fields.errors().remove("uic");
            }
        });
    }

    /** Loads the sites, staff and directory the form offers (keeping the round's choices when they remain). */
    public void load() {
        status.load(ctx.executor(), encounters::formChoices, c -> {
            boolean first = fields.choicesProperty().get() == null;
            Site keepSite = fields.siteProperty().get();
            Staff keepWorker = fields.workerProperty().get();
            fields.choices(c);
            ObservableList<Site> sites = fields.sites();
            ObservableList<Staff> staff = fields.staff();
            ObjectProperty<Site> site = fields.siteProperty();
            ObjectProperty<Staff> worker = fields.workerProperty();
            site.set(keepSite != null ? sites.stream().filter(x -> x.meta().id().equals(keepSite.meta().id()))
                    .findFirst().orElse(null) : sites.size() == 1 ? sites.get(0) : null);
            Staff own = c.ownStaffId() == null ? null
                    : staff.stream().filter(s -> s.meta().id().equals(c.ownStaffId())).findFirst().orElse(null);
            worker.set(keepWorker != null ? staff.stream().filter(x -> x.meta().id().equals(keepWorker.meta().id()))
                    .findFirst().orElse(null) : own != null ? own
                    : staff.size() == 1 ? staff.get(0) : null);
            onLoaded.accept(first);
        });
    }

    /** Called after the form's choices arrived; {@code true} the first time. */
    public void setOnLoaded(Consumer<Boolean> c) {
        this.onLoaded = c;
    }

    // ---- the contact -------------------------------------------------------------------------------------

    /**
     * Looks up the typed UIC (case and blanks ignored) and shows the contact's details, or offers a new contact.
     *
     * @return false when the text is not a well-formed UIC (the message is at the field)
     */
    public boolean lookup() {
        String text = uic.get();
        String key = Uic.normalise(text);
        if (key.isEmpty()) {
            return true;
        }
        if (key.equals(lookedUp) && (contact.get() != null || contactMissing.get())) {
            return true;
        }
        Uic code;
        try {
            code = ContactService.parseUic(text);
        } catch (InvalidFieldsException e) {
            fields.errors().remove("uic");
            problems.putAll(e, fields.errors());
            return false;
        }
        fields.errors().remove("uic");
        status.load(ctx.executor(), () -> contacts.lookup(code.value()), found -> {
            if (!Uic.normalise(uic.get()).equals(key)) {
                return; // typed on meanwhile
            }
            lookedUp = key;
            showContact(found.orElse(null));
            if (found.isEmpty()) {
                contactMissing.set(true);
                contactText.set(labels.get("desk.contact.missing"));
            }
        });
        return true;
    }

    private void showContact(ContactListing c) {
        contact.set(c);
        contactMissing.set(false);
        if (c == null) {
            contactText.set("");
            return;
        }
        uic.set(c.contact().uic().value());
        lookedUp = c.contact().uic().value();
        contactText.set(summary(c));
        if (SafeguardingService.required(c.contact(), dateOrToday())) {
            onSafeguarding.accept(safeguardingRequest());
        }
    }

    /** Takes a contact the UIC builder created or chose. */
    public void useContact(ContactListing c) {
        fields.errors().remove("uic");
        showContact(c);
    }

    /** The contact's details in one line: gender, type, birth year, site and worker, last seen, status. */
    String summary(ContactListing l) {
        Contact c = l.contact();
        List<String> parts = new ArrayList<>();
        parts.add(labels.of(c.gender()));
        parts.add(c.kpType().code());
        if (c.birthYear() != null) {
            parts.add(labels.get("desk.contact.born", String.valueOf(c.birthYear())));
        }
        if (l.homeSiteCode() != null || l.staffCode() != null) {
            parts.add((l.homeSiteCode() == null ? "—" : l.homeSiteCode()) + " / "
                    + (l.staffCode() == null ? "—" : l.staffCode()));
        }
        parts.add(l.lastEncounter() == null ? labels.get("desk.contact.neverMet")
                : labels.get("desk.contact.lastSeen", labels.date(l.lastEncounter())));
        if (c.status() != ContactStatus.ACTIVE) {
            parts.add(labels.of(c.status()).toUpperCase(labels.messages().locale()));
        }
        return String.join(" · ", parts);
    }

    // ---- saving ------------------------------------------------------------------------------------------

    /**
     * Saves the encounter (looking the UIC up first if it was typed without Enter), then clears the form for the
     * next one, keeping date, site and worker. Problems are shown at their fields; nothing is saved then.
     */
    public void save() {
        if (status.isBusy()) {
            return;
        }
        fields.errors().clear();
        status.clear();
        EncounterService.Form form = new EncounterService.Form(uic.get(), fields.typedQuantities(),
                fields.draft().build());
        status.run(ctx.executor(), () -> encounters.save(form), answer -> {
            if (answer instanceof EncounterService.Recorded r) {
                recorded(r);
            } else if (answer instanceof EncounterService.SafeguardingNeeded) {
                status.ok(labels.get("desk.message.safeguarding"));
                onSafeguarding.accept(safeguardingRequest());
            } else if (answer instanceof EncounterService.NewContactNeeded n) {
                fields.errors().put(n.problem().field(), problems.text(n.problem()));
                contactMissing.set(true);
                refused();
            } else if (answer instanceof EncounterService.Refused r) {
                problems.putAll(r.problems(), fields.errors());
                if (r.onlyNeedsConfirmation()) {
                    fields.confirmShownProperty().set(true);
                    status.fail(labels.get("desk.message.confirm"));
                    onProblems.run();
                } else {
                    refused();
                }
            }
        });
    }

    private void recorded(EncounterService.Recorded r) {
        saved++;
        session.add(0, new SessionRow(saved, r.saved().encounter().id(), r.contact().contact().uic().value(),
                given(r.saved().encounter()), referralCodes(r.saved().referrals()), false));
        ctx.shell().saved(ctx.workspace().clock().instant());
        clearEncounter();
        status.ok(labels.get("desk.message.saved", saved));
        onSaved.run();
    }

    /**
     * Reads a row of this session again after its encounter was corrected or voided in the correction window: what
     * was given, the referrals, and whether it is voided (struck through).
     */
    public void reread(SessionRow row) {
        status.load(ctx.executor(), () -> corrections.open(row.encounterId()), o -> {
            int at = session.indexOf(row);
            if (at >= 0) {
                Encounter e = o.encounter();
                session.set(at, new SessionRow(row.number(), row.encounterId(), row.uic(),
                        e.voided() ? labels.get("correction.voidedAs", labels.of(e.voidReason())) : given(e),
                        referralCodes(o.referrals()), e.voided()));
            }
        });
    }

    private void refused() {
        status.fail(labels.get("desk.message.fix"));
        onProblems.run();
    }

    private String given(Encounter e) {
        return EncounterFields.given(labels, e);
    }

    private static String referralCodes(List<Referral> rs) {
        return rs.isEmpty() ? "—" : String.join(", ", rs.stream().map(r -> r.serviceType().code()).toList());
    }

    /** Empties the encounter for the next one; the round (date, site, worker) stays. */
    public void clearEncounter() {
        lookedUp = "";
        uic.set("");
        contact.set(null);
        contactMissing.set(false);
        contactText.set("");
        fields.clearEncounter();
    }

    // ---- safeguarding ------------------------------------------------------------------------------------

    /** What the safeguarding screen is about: the contact looked up, or the typed code of a person not recorded. */
    public SafeguardingRequest safeguardingRequest() {
        LocalDate d = dateOrToday();
        ContactListing c = contact.get();
        ContactService.NewContact person = null;
        if (c == null) {
            Optional<Uic> code = Uic.tryParse(uic.get());
            if (code.isPresent()) {
                person = new ContactService.NewContact(code.get(), Gender.U, KpType.OTHER, null, d,
                        fields.siteProperty().get() == null ? null : fields.siteProperty().get().meta().id(),
                        fields.workerProperty().get() == null ? null : fields.workerProperty().get().meta().id(), null);
            }
        }
        boolean child = c != null && Age.isUnder18(c.contact().uic(), c.contact().birthYear(), d);
        return new SafeguardingRequest(d, c, person, fields.siteProperty().get() == null ? null : fields.siteProperty().get().meta().id(),
                fields.workerProperty().get() == null ? null : fields.workerProperty().get().meta().id(), child);
    }

    /** Opens the safeguarding screen for the encounter being typed. */
    public void openSafeguarding() {
        onSafeguarding.accept(safeguardingRequest());
    }

    /** After the protocol: the encounter is not saved (the screen and its referrals are); ready for the next. */
    public void safeguardingDone(SafeguardingService.Recorded r) {
        clearEncounter();
        ctx.shell().saved(ctx.workspace().clock().instant());
        status.ok(labels.get("desk.message.screenSaved", r.referrals().size()));
        onSaved.run();
    }

    public void safeguardingCancelled() {
        status.ok(labels.get("desk.message.screenCancelled"));
    }

    private LocalDate dateOrToday() {
        return fields.dateProperty().get() == null ? ctx.workspace().today() : fields.dateProperty().get();
    }

    // ---- properties --------------------------------------------------------------------------------------

    public Labels labels() {
        return labels;
    }

    public ObjectProperty<LocalDate> dateProperty() {
        return fields.dateProperty();
    }

    public ObjectProperty<Site> siteProperty() {
        return fields.siteProperty();
    }

    public ObjectProperty<Staff> workerProperty() {
        return fields.workerProperty();
    }

    public ObservableList<Site> sites() {
        return fields.sites();
    }

    public ObservableList<Staff> staff() {
        return fields.staff();
    }

    public ObjectProperty<EncounterService.FormChoices> choicesProperty() {
        return fields.choicesProperty();
    }

    public List<DirectoryEntry> destinationsFor(ServiceType s) {
        return fields.destinationsFor(s);
    }

    public StringProperty uicProperty() {
        return uic;
    }

    public ObjectProperty<ContactListing> contactProperty() {
        return contact;
    }

    public StringProperty contactTextProperty() {
        return contactText;
    }

    public BooleanProperty contactMissingProperty() {
        return contactMissing;
    }

    public StringProperty maleCondomsProperty() {
        return fields.quantityProperty(Commodity.MALE_CONDOM);
    }

    public StringProperty femaleCondomsProperty() {
        return fields.quantityProperty(Commodity.FEMALE_CONDOM);
    }

    public StringProperty lubricantsProperty() {
        return fields.quantityProperty(Commodity.LUBRICANT);
    }

    public StringProperty hivSelfTestsProperty() {
        return fields.quantityProperty(Commodity.HIV_SELF_TEST);
    }

    public ObjectProperty<HivStatus> hivStatusProperty() {
        return fields.hivStatusProperty();
    }

    public BooleanProperty stiScreenedProperty() {
        return fields.stiScreenedProperty();
    }

    public BooleanProperty educationProperty() {
        return fields.educationProperty();
    }

    public BooleanProperty condomDemoProperty() {
        return fields.condomDemoProperty();
    }

    public ObjectProperty<EncounterType> typeProperty() {
        return fields.typeProperty();
    }

    public BooleanProperty referralProperty(ServiceType s) {
        return fields.referralProperty(s);
    }

    public ObjectProperty<DirectoryEntry> destinationProperty(ServiceType s) {
        return fields.destinationProperty(s);
    }

    public ObjectProperty<LocalDate> dueDateProperty(ServiceType s) {
        return fields.dueDateProperty(s);
    }

    public StringProperty noteProperty() {
        return fields.noteProperty();
    }

    public BooleanProperty confirmLargeProperty() {
        return fields.confirmLargeProperty();
    }

    public BooleanProperty confirmShownProperty() {
        return fields.confirmShownProperty();
    }

    public ObservableMap<String, String> errors() {
        return fields.errors();
    }

    /** The encounter's fields (shared with the correction window's form parts). */
    public EncounterFields fields() {
        return fields;
    }

    @Override
    public Status status() {
        return status;
    }

    public ObservableList<SessionRow> session() {
        return session;
    }

    public void setOnSaved(Runnable r) {
        this.onSaved = r;
    }

    /** Called after a save was refused with problems at fields (the view puts the keyboard on the first). */
    public void setOnProblems(Runnable r) {
        this.onProblems = r;
    }

    public void setOnSafeguarding(Consumer<SafeguardingRequest> c) {
        this.onSafeguarding = c;
    }

    /** The date, site and worker a new contact made now would get. */
    public ContactService.NewContact newContactDefaults() {
        return new ContactService.NewContact(Uic.tryParse(uic.get()).orElse(null), null, null, null, dateOrToday(),
                fields.siteProperty().get() == null ? null : fields.siteProperty().get().meta().id(),
                fields.workerProperty().get() == null ? null : fields.workerProperty().get().meta().id(), null);
    }

    UiContext context() {
        return ctx;
    }
}
